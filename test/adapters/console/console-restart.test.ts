import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/knowledge/default-paths.js';
import { copyKnowledge } from '../../support/knowledge.js';

/** Runs the real program (`npm start` without tokens) with lines typed on standard input. */
const startBot = (env: Record<string, string>, lines: string[]) =>
  spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/main.ts')], {
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    cwd: mkdtempSync(join(tmpdir(), 'lc-cwd-')),
    timeout: 60_000,
  });

describe('the console bot across a restart', () => {
  it('keeps an assessment in the SQLite file and finishes it in a new process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-console-'));
    const env = {
      KNOWLEDGE_DIR: copyKnowledge(),
      DATABASE_PATH: join(dir, 'bot.db'),
      CHART_DIR: join(dir, 'charts'),
      USER: 'coordinator',
    };

    const first = startBot(env, ['assess niace-quick for Leeds', '2', 'developing', '3', 'quit']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Question 1 of 9/);
    expect(first.stdout).toMatch(/Question 4 of 9/);

    // A new process: the answers so far come back from the database file.
    const second = startBot(env, ['assess niace-quick for Leeds', 'Resume', '1', '2', '3', 'skip', '2', '1', 'results Leeds', 'export']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Question 4 of 9/);
    expect(second.stdout).not.toMatch(/Question 1 of 9/);
    expect(second.stdout).toMatch(/Chart saved to/);
    expect(second.stdout).toMatch(/Leeds/);
    const charts = readdirSync(env.CHART_DIR);
    expect(charts).toHaveLength(1);
    const png = readFileSync(join(env.CHART_DIR, charts[0] ?? ''));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('says clearly why it cannot start when the database path is unusable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-console-'));
    const notADatabase = join(dir, 'notes.db');
    writeFileSync(notADatabase, 'these are not SQLite pages '.repeat(200));
    const result = startBot({ KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: notADatabase }, ['help']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not start/);
    expect(result.stderr).toMatch(/notes\.db/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every configuration problem at once', () => {
    const result = startBot({ LOG_LEVEL: 'loud', DEFAULT_TIMEZONE: 'Mars/Base', SLACK_BOT_TOKEN: 'nope' }, ['help']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/LOG_LEVEL/);
    expect(result.stderr).toMatch(/DEFAULT_TIMEZONE/);
    expect(result.stderr).toMatch(/SLACK_BOT_TOKEN/);
    expect(result.stderr).toMatch(/SLACK_SIGNING_SECRET/);
    expect(result.stderr).not.toContain('nope');
  });

  it('keeps a round’s run and the user’s own assessment apart: one under way at a time, typed input to that one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-console-'));
    const env = { KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: join(dir, 'bot.db'), CHART_DIR: join(dir, 'charts') };
    const lines = [
      'assess niace for Leeds', '2', '2', 'assess niace for Leeds as a group',
      // Taking part while the own assessment is under way is refused, with nothing paused or lost.
      'take part', 'stop', 'take part', '3',
      // "cancel" during the round's run is the round's, though the own assessment is paused.
      'cancel', 'yes', 'take part', '3', 'skip', ...Array(7).fill('3'), 'close round', 'assess resume',
    ];
    const result = startBot(env, lines);
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Your own assessment is under way in this conversation. Type `stop` to pause it');
    expect(out).toMatch(/Paused \*?NIACE Learning City Toolkit – quick check\*? for Leeds at question 3 of 9/u);
    expect(out).toContain('1 answer would be lost');
    // Before, round answers were recorded into the own assessment and the round closed with no one.
    expect(out).toContain('your answers for Leeds are in (1 person has answered so far)');
    expect(out).toContain('This round closed with 1 respondent');
    // The own assessment kept its two answers and waits at question 3.
    expect(out.slice(out.lastIndexOf('This round closed'))).toMatch(/Question 3 of 9/u);
  });

  it('handles nothing typed after quit, also when the lines arrive together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-console-'));
    const env = { KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: join(dir, 'bot.db'), CHART_DIR: join(dir, 'charts') };
    const result = startBot(env, ['assess niace-quick for Leeds', 'quit', 'progress', 'stop', 'results', 'help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Question 1 of 9/);
    // Before, these were handled against the closed database: apologies and error log lines.
    expect(result.stdout).not.toMatch(/Progress:|Sorry|could not be read|Ask a question in plain words/);
    expect(result.stderr).not.toMatch(/not open/);
  });

  it('ends on quit even while standard input stays open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-console-'));
    const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/main.ts')], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: join(dir, 'bot.db') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.write('help\nquit\n');
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error('the bot did not exit after quit'));
      }, 15_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
    expect(output).toMatch(/Ask a question in plain words/);
  });
});
