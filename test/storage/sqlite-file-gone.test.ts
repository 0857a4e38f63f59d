import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseGoneError } from '../../src/core/errors.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { assessmentResult, sessionKey, storedSession } from './fixtures.js';
import { tempDir } from './temp-dir.js';

/** Every `statSync` of a path, counted, then done for real. */
const stats = vi.hoisted(() => ({ paths: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const statSync = ((path: string, ...rest: unknown[]) => {
    stats.paths.push(String(path));
    return (fs.statSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.statSync;
  return { ...fs, default: { ...fs, statSync }, statSync };
});

describe('writes after the database file is gone', () => {
  it('are refused once the path names another file, reported once with the reason', async () => {
    const dir = tempDir();
    const path = join(dir, 'bot.db');
    const reasons: string[] = [];
    const stores = createSqliteStores(path, undefined, { onFileGone: (reason) => reasons.push(reason) });
    const other = createSqliteStores(join(dir, 'other.db'));
    other.close();
    try {
      await stores.sessions.put(sessionKey(), storedSession());
      renameSync(join(dir, 'other.db'), path);
      await expect(async () => stores.sessions.put(sessionKey(), storedSession())).rejects.toThrow(DatabaseGoneError);
      await expect(async () => stores.results.save(assessmentResult())).rejects.toThrow(`Nothing can be saved: ${path} was replaced by another file`);
      expect(reasons).toEqual([`${path} was replaced by another file`]);
      // Reads are left alone: they see what the bot wrote before, which is still consistent.
      expect((await stores.sessions.get(sessionKey()))?.city).toBe('Cork');
    } finally {
      stores.close();
    }
  });

  it('are refused once the file is deleted', async () => {
    const dir = tempDir();
    const path = join(dir, 'bot.db');
    const reasons: string[] = [];
    const stores = createSqliteStores(path, undefined, { onFileGone: (reason) => reasons.push(reason) });
    try {
      rmSync(path);
      await expect(async () => stores.feedback.recordFeedback({ workspace: 'w', userId: 'u', key: 'k', helpful: true, at: new Date() })).rejects.toThrow(DatabaseGoneError);
      expect(reasons).toEqual([`${path} was deleted`]);
    } finally {
      stores.close();
    }
  });

  it('are checked once for the claims committed together, and again at the next batch', async () => {
    const path = join(tempDir(), 'bot.db');
    const stores = createSqliteStores(path);
    try {
      const at = new Date();
      stats.paths.length = 0;
      const fresh = await Promise.all(['Ev1', 'Ev2', 'Ev3', 'Ev4', 'Ev5'].map((key) => stores.dedupe.claim([key], at)));
      expect(fresh).toEqual([true, true, true, true, true]);
      expect(stats.paths.filter((file) => file === path)).toHaveLength(1);
      rmSync(path);
      await expect(stores.dedupe.claim(['Ev6'], at)).rejects.toThrow(DatabaseGoneError);
    } finally {
      stores.close();
    }
  });
});
