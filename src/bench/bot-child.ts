import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { projectRoot } from '../knowledge/default-paths.js';

/** Settings for `bot-process.ts`, passed as one JSON argument. */
export const botProcessArgsSchema = z.discriminatedUnion('platform', [
  /** With `databaseUrl`, the stores are PostgreSQL's (several processes share them); SQLite otherwise. */
  z.object({ platform: z.literal('slack'), apiUrl: z.url(), signingSecret: z.string().min(16), botUserId: z.string(), databaseUrl: z.string().optional() }),
  /** A bare Bolt app replying "ok": the yardstick for the bot's own cost per reply. */
  z.object({ platform: z.literal('slack-bare'), apiUrl: z.url(), signingSecret: z.string().min(16), botUserId: z.string() }),
  z.object({ platform: z.literal('discord'), apiUrl: z.url(), token: z.string().min(1), applicationId: z.string(), globalLimit: z.boolean() }),
]);
export type BotProcessArgs = z.infer<typeof botProcessArgsSchema>;

/** A running bot process: what it said when ready, and how to stop it. */
export interface BotProcess {
  ready: Record<string, unknown>;
  stop(): Promise<void>;
}

const readySchema = z.record(z.string(), z.unknown());
const script = fileURLToPath(new URL('./bot-process.ts', import.meta.url));

/** With `PROF_DIR` set, each bot process writes a V8 CPU profile there when it exits. */
const profiling = (): string[] => (process.env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}`] : []);

/** Starts `bot-process.ts` with `args` and resolves once it serves; rejects with its error output if it does not. */
export const startBotProcess = (args: BotProcessArgs, timeoutMs = 60_000): Promise<BotProcess> => {
  const child = spawn(process.execPath, [...profiling(), '--import', 'tsx', script, '--args', JSON.stringify(args)], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<BotProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench bot process not ready within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench bot process exited (${String(code)}) before it was ready: ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('ready ')) return;
      clearTimeout(timer);
      resolve({ ready: readySchema.parse(JSON.parse(line.slice('ready '.length))), stop });
    });
  });
};
