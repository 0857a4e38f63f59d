import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { tempDir } from './temp-dir.js';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe('the SQLite files', () => {
  it('are created readable by the bot’s user only (0600), in folders only that user can enter (0700)', async () => {
    const root = tempDir();
    const path = join(root, 'data', 'private', 'bot.db');
    const stores = createSqliteStores(path);
    try {
      await stores.feedback.recordFeedback({ workspace: 'console:local', userId: 'u', key: 'k', helpful: true, at: new Date() });
      expect(modeOf(join(root, 'data'))).toBe('700');
      expect(modeOf(join(root, 'data', 'private'))).toBe('700');
      expect(modeOf(path)).toBe('600');
      // SQLite gives the write-ahead log and its index the database file's mode.
      expect(modeOf(`${path}-wal`)).toBe('600');
      expect(modeOf(`${path}-shm`)).toBe('600');
    } finally {
      stores.close();
    }
  });
});
