import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/knowledge/default-paths.js';
import { BOT_TOKEN, BOT_USER, SIGNING_SECRET } from '../adapters/slack/slack-harness.js';
import { freePort } from '../support/free-port.js';

/** One bot process (`src/main.ts`, Slack HTTP mode) and where it takes Slack's requests. */
export interface BotInstance {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/slack/events` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  base: string;
  output(): string;
  exited: Promise<unknown>;
}

// The bot runs from a folder of its own, where a bare `tsx` would not resolve.
const tsxLoader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * Starts the real bot as `npm start` would in production: `node src/main.ts` itself (not a wrapper
 * process, so `kill -9` reaches the bot), with DATABASE_URL, the Slack tokens and SLACK_API_URL.
 * Resolves once `/readyz` answers 200.
 */
export const startBotInstance = async (env: { databaseUrl: string; apiUrl: string; knowledgeDir: string }): Promise<BotInstance> => {
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'lc-instance-'));
  const child = spawn(process.execPath, ['--import', tsxLoader, join(projectRoot, 'src/main.ts')], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      DATABASE_URL: env.databaseUrl,
      KNOWLEDGE_DIR: env.knowledgeDir,
      CHART_DIR: join(cwd, 'charts'),
      CONSOLE: 'off',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(port),
      SLACK_API_URL: env.apiUrl,
      SLACK_BOT_USER_ID: BOT_USER,
      SLACK_BOT_ID: 'B0BOT',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = `${output}${chunk.toString('utf8')}`.slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = `${output}${chunk.toString('utf8')}`.slice(-20_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot instance exited before it was ready:\n${output}`);
    const ready = await fetch(`${base}/readyz`).then((response) => response.status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot instance not ready within 45 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url: `${base}/slack/events`, base, output: () => output, exited };
};

/** Stops an instance as an orchestrator would (SIGTERM), or finds it already gone. */
export const stopBotInstance = async (instance: BotInstance): Promise<void> => {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill('SIGTERM');
  const timer = setTimeout(() => instance.child.kill('SIGKILL'), 10_000);
  await instance.exited;
  clearTimeout(timer);
};
