import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyKnowledge } from '../support/knowledge.js';
import { startConsoleBot, type ConsoleProcess } from './console-process.js';

const running: ConsoleProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const bot of running.splice(0)) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const type = async (bot: ConsoleProcess, line: string, until: RegExp): Promise<string> => {
  const from = bot.stdout().length;
  bot.type(line);
  return bot.waitFor(until, from);
};

describe('the data directory deleted while the bot runs', () => {
  it('tells the user the answer was not saved, logs why, and exits non-zero', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lc-fault-deleted-'));
    dirs.push(root);
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const bot = startConsoleBot({ KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: join(dataDir, 'bot.db'), CHART_DIR: join(dataDir, 'charts') });
    running.push(bot);
    await bot.waitFor(/Ask a question/);
    await type(bot, 'assess niace-quick for Leeds', /Question 1 of 9/);
    await type(bot, '2', /Question 2 of 9/);

    rmSync(dataDir, { recursive: true, force: true });
    const said = await type(bot, '3', /could not be saved[^\n]*\n|Question 3 of 9/);
    expect(said).toContain('Sorry, that could not be saved: the bot’s database file was deleted or replaced while it was running');
    expect(said).not.toContain('Question 3 of 9');

    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    expect(bot.stderr()).toContain('database file gone: refusing to save and stopping');
    expect(bot.stderr()).toContain(`${join(dataDir, 'bot.db')} was deleted`);
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  }, 90_000);
});
