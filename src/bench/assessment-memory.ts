import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Origin } from '../core/events.js';
import type { ChatBot } from '../core/ports.js';
import type { Database } from '../storage/sqlite-database.js';

export interface MemoryResult {
  assessments: number;
  /** How garbage was collected before each reading; without it the heap figures are only indicative. */
  gc: 'global.gc (--expose-gc)' | 'v8 flag set at run time' | 'unavailable';
  /** Growth over the whole run, per 1,000 (includes one-off costs such as compiled code and caches). */
  heapBytesPer1000: number;
  rssBytesPer1000: number;
  /** Growth over the second half of the run only, per 1,000: what one more assessment costs. */
  heapBytesPer1000Marginal: number;
  rssBytesPer1000Marginal: number;
  /** Rows in `assessment_sessions` after the run. */
  sessionRows: number;
  /** Growth of the database's pages in use (sessions table and its indexes), per 1,000 assessments. */
  sqliteBytesPer1000: number;
  /** Mean length of one stored session's JSON state. */
  stateBytesMean: number;
  /** Size of the database file and its WAL after the run. */
  databaseFileBytes: number;
}

/** A full collection, if this process can ask for one. */
export const findGc = (): { gc: (() => void) | undefined; how: MemoryResult['gc'] } => {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return { gc: () => void exposed(), how: 'global.gc (--expose-gc)' };
  try {
    // `npm run bench` starts node without --expose-gc: the flag can still be set now, and a fresh
    // context then sees the `gc` function.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') return { gc: () => void gc(), how: 'v8 flag set at run time' };
  } catch {
    // Fall through: readings without a collection first.
  }
  return { gc: undefined, how: 'unavailable' };
};

const settle = (gc: (() => void) | undefined): NodeJS.MemoryUsage => {
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage();
};

const fileSize = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** Bytes of database pages in use, after moving the WAL into the main file. */
const databaseBytes = (db: Database): number => {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = Number(db.pragma('page_count', { simple: true }));
  const freePages = Number(db.pragma('freelist_count', { simple: true }));
  return (pages - freePages) * Number(db.pragma('page_size', { simple: true }));
};

/**
 * Memory that assessments in progress cost: `count` users each start the NIACE check in their own
 * conversation and answer two questions, so every one is mid-way. Heap and RSS are read after a
 * full collection before and after. The service keeps no session in memory (each step is read from
 * and written to SQLite), so the rows and pages are measured too.
 */
export const benchAssessmentMemory = async (
  bot: ChatBot,
  db: Database,
  databasePath: string,
  count: number,
): Promise<MemoryResult> => {
  const { gc, how } = findGc();
  const start = (user: number): Origin => ({ platform: 'discord', workspaceId: `G${user % 11}`, channelId: `C${user % 17}`, userId: `M${user}` });
  // Warm up the code paths (and the statement cache) outside the measurement.
  for (let user = 0; user < 50; user++) await bot.handle({ type: 'message', origin: start(-1 - user), text: 'assess niace-quick for Warmup' });
  const pagesBefore = databaseBytes(db);
  const before = settle(gc);
  const half = Math.floor(count / 2);
  let middle = before;
  for (let user = 0; user < count; user++) {
    if (user === half) middle = settle(gc);
    const origin = start(user);
    await bot.handle({ type: 'message', origin, text: `assess niace-quick for City ${user}` });
    await bot.handle({ type: 'message', origin, text: '2' });
    await bot.handle({ type: 'message', origin, text: 'developing' });
  }
  const after = settle(gc);
  const pagesAfter = databaseBytes(db);
  const per1000 = (bytes: number, of = count): number => Math.round((bytes / of) * 1000);
  return {
    assessments: count,
    gc: how,
    heapBytesPer1000: per1000(after.heapUsed - before.heapUsed),
    rssBytesPer1000: per1000(after.rss - before.rss),
    heapBytesPer1000Marginal: per1000(after.heapUsed - middle.heapUsed, count - half),
    rssBytesPer1000Marginal: per1000(after.rss - middle.rss, count - half),
    sessionRows: Number(db.prepare('SELECT COUNT(*) FROM assessment_sessions').pluck().get()),
    sqliteBytesPer1000: per1000(pagesAfter - pagesBefore),
    stateBytesMean: Math.round(Number(db.prepare('SELECT AVG(LENGTH(state)) FROM assessment_sessions').pluck().get())),
    databaseFileBytes: fileSize(databasePath) + fileSize(`${databasePath}-wal`),
  };
};
