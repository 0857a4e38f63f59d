import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyKnowledge } from '../support/knowledge.js';
import { startConsoleBot, type ConsoleProcess } from './console-process.js';

const ANSWERS = ['2', 'developing', '3', 'getting organised', 'cycles', 'skip', '1', '2'];

const running: ConsoleProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const bot of running.splice(0)) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts the console bot and runs a NIACE quick check up to its summary; returns what the last answer printed. */
const completeAssessment = async (env: Record<string, string>): Promise<{ bot: ConsoleProcess; summary: string }> => {
  const bot = startConsoleBot(env);
  running.push(bot);
  await bot.waitFor(/Ask a question/);
  let from = bot.stdout().length;
  bot.type('assess niace-quick for Leeds');
  await bot.waitFor(/Question 1 of 9/, from);
  for (const [i, answer] of ANSWERS.entries()) {
    from = bot.stdout().length;
    bot.type(answer);
    await bot.waitFor(new RegExp(`Question ${i + 2} of 9`), from);
  }
  from = bot.stdout().length;
  bot.type('3');
  const summary = await bot.waitFor(/Chart saved to .*\n|chart could not be saved.*\n/, from);
  return { bot, summary };
};

const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-console-charts-'));
  dirs.push(dir);
  return dir;
};

describe('console charts', () => {
  it('shows the summary and says why when the chart cannot be saved, and the session goes on', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a regular file where the chart folder should go');
    const { bot, summary } = await completeAssessment({
      KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: join(dir, 'bot.db'), CHART_DIR: join(blocker, 'charts'), USER: 'coordinator',
    });
    expect(summary).toContain('NIACE Learning City Toolkit – quick check: Leeds');
    expect(summary).toMatch(/overall \d+%/);
    expect(summary).toMatch(/The chart could not be saved \(ENOTDIR: not a directory[^)]*\); the summary above shows the same scores\./);

    const from = bot.stdout().length;
    bot.type('results Leeds');
    await bot.waitFor(/Leeds/, from);
    bot.type('quit');
    expect((await bot.exited).code).toBe(0);
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('writes charts and its database readable by the bot’s user only, charts in a folder only that user can enter', async () => {
    const dir = tempDir();
    const chartDir = join(dir, 'charts');
    const { bot, summary } = await completeAssessment({
      KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: join(dir, 'bot.db'), CHART_DIR: chartDir, USER: 'coordinator',
    });
    expect(summary).toContain('Chart saved to');
    bot.type('quit');
    expect((await bot.exited).code).toBe(0);
    const [chart] = readdirSync(chartDir);
    expect(statSync(chartDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(chartDir, chart ?? '')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'bot.db')).mode & 0o777).toBe(0o600);
  }, 90_000);
});
