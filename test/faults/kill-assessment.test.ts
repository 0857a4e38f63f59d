import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { copyKnowledge } from '../support/knowledge.js';
import { startConsoleBot, type ConsoleProcess } from './console-process.js';

const QUESTION_IDS = [
  'partnership-body', 'partnership-strategy', 'partnership-review',
  'participation-voice', 'participation-reach', 'participation-civic',
  'performance-internal', 'performance-benchmark', 'performance-added-value',
];

/** The answers typed before the kill, and the level each one means on the NIACE scale. */
const BEFORE_KILL: Array<[string, number]> = [['2', 2], ['developing', 2], ['3', 3], ['getting organised', 1], ['cycles', 3]];
const AFTER_RESTART: Array<[string, number | null]> = [['skip', null], ['1', 1], ['2', 2], ['3', 3]];

const running: ConsoleProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const bot of running.splice(0)) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const readRows = (path: string, sql: string): Array<Record<string, unknown>> => {
  const db = new BetterSqlite3(path);
  try {
    return db.prepare(sql).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
};

/** Types an answer and waits until the bot acknowledged it by asking the next question (or summing up). */
const answer = async (bot: ConsoleProcess, text: string, next: RegExp): Promise<void> => {
  const from = bot.stdout().length;
  bot.type(text);
  await bot.waitFor(next, from);
};

describe('kill -9 of the bot in the middle of an assessment', () => {
  it('loses none of the answers it acknowledged, and a restarted bot resumes after the last one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-fault-kill-'));
    dirs.push(dir);
    const env = { KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: join(dir, 'bot.db'), CHART_DIR: join(dir, 'charts'), USER: 'coordinator' };

    const first = startConsoleBot(env);
    running.push(first);
    await first.waitFor(/Ask a question/);
    await answer(first, 'assess niace-quick for Leeds', /Question 1 of 9/);
    for (const [i, [text]] of BEFORE_KILL.entries()) await answer(first, text, new RegExp(`Question ${i + 2} of 9`));
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    // Straight from the file the killed process left behind (WAL included): every acknowledged answer.
    const sessions = readRows(env.DATABASE_PATH, 'SELECT city, framework_id, state FROM assessment_sessions');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ city: 'Leeds', framework_id: 'niace-quick' });
    const state = JSON.parse(String(sessions[0]?.['state'])) as { engine: { answers: Record<string, number | null> } };
    expect(state.engine.answers).toEqual(Object.fromEntries(BEFORE_KILL.map(([, level], i) => [QUESTION_IDS[i], level])));

    const second = startConsoleBot(env);
    running.push(second);
    await second.waitFor(/Ask a question/);
    let from = second.stdout().length;
    second.type('assess niace-quick for Leeds');
    await second.waitFor(/[Rr]esume/, from);
    from = second.stdout().length;
    second.type('resume');
    const resumed = await second.waitFor(/Question 6 of 9/, from);
    expect(resumed).not.toMatch(/Question [1-5] of 9/);
    for (const [i, [text]] of AFTER_RESTART.entries()) {
      const last = i === AFTER_RESTART.length - 1;
      await answer(second, text, last ? /Chart saved to/ : new RegExp(`Question ${i + 7} of 9`));
    }
    // End of input (Ctrl-D) leaves: the bot closes the database and exits normally.
    second.child.stdin.end();
    expect((await second.exited).code).toBe(0);

    const results = readRows(env.DATABASE_PATH, 'SELECT city, answers FROM assessment_results');
    expect(results).toHaveLength(1);
    const expected = Object.fromEntries([...BEFORE_KILL, ...AFTER_RESTART].map(([, level], i) => [QUESTION_IDS[i], level]));
    expect(JSON.parse(String(results[0]?.['answers']))).toEqual(expected);
    expect(readRows(env.DATABASE_PATH, 'SELECT * FROM assessment_sessions')).toHaveLength(0);
  }, 120_000);
});
