import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseGoneError } from '../../src/core/errors.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { assessmentResult, sessionKey, storedSession } from './fixtures.js';
import { tempDir } from './temp-dir.js';

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
});
