import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { assessmentResult } from '../storage/fixtures.js';
import { copyKnowledge } from '../support/knowledge.js';
import { startConsoleBot, type ConsoleProcess } from './console-process.js';

const running: ConsoleProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const bot of running.splice(0)) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database holding results of the console's workspace whose `assessment_results` table pages are overwritten with junk. */
const databaseWithDamagedResults = async (): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-fault-damaged-'));
  dirs.push(dir);
  const path = join(dir, 'bot.db');
  const stores = createSqliteStores(path);
  for (let i = 0; i < 60; i++) {
    await stores.results.save(assessmentResult({ id: `r${i}`, workspace: 'console:local', platform: 'console', city: 'Cork', completedAt: new Date(Date.UTC(2025, 0, 1 + i)) }));
  }
  stores.close();
  // The last connection to close folds the write-ahead log into the file, so the pages are all there.
  const db = new BetterSqlite3(path, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'assessment_results'").pluck().all() as number[];
  db.close();
  expect(pages.length).toBeGreaterThan(1);
  const fd = openSync(path, 'r+');
  try {
    for (const page of pages) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return path;
};

const ask = async (bot: ConsoleProcess, line: string, until: RegExp): Promise<string> => {
  const from = bot.stdout().length;
  bot.type(line);
  return bot.waitFor(until, from);
};

describe('stored results that cannot be read', () => {
  it('says the results could not be read (not saved), logs why, and questions still work', async () => {
    const path = await databaseWithDamagedResults();
    const bot = startConsoleBot({ KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: path, CHART_DIR: join(path, '..', 'charts') });
    running.push(bot);
    await bot.waitFor(/Ask a question/);

    for (const command of ['results Cork', 'export']) {
      const said = await ask(bot, command, /could not be (read|saved)[^\n]*\n/);
      expect(said).toContain('Sorry, the saved results could not be read just now');
      expect(said).toContain('Nothing was changed. Questions still work');
      expect(said).not.toContain('could not be saved');
      expect(said).not.toContain('Nothing you answered before is lost');
    }
    expect(await bot.waitForLog(/assessment results could not be read/)).toMatch(/database disk image is malformed.*assessment results could not be read/);

    const answer = await ask(bot, 'how many cities are in the GNLC?', /Sources:/);
    expect(answer).toContain('Global Network of Learning Cities');
    bot.type('quit');
    expect((await bot.exited).code).toBe(0);
  }, 90_000);
});
