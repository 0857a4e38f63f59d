import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/core/errors.js';
import { applyMigrations, closeDatabase, openDatabase } from '../../src/storage/sqlite-database.js';
import { migrationChecksum } from '../../src/storage/migrations.js';
import type { Migration } from '../../src/storage/migrations.js';
import { tempDir } from './temp-dir.js';

const appliedIds = (path: string): string[] => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
};

const countingMigration: Migration = {
  id: 'test-001-counter',
  // Inserting a row shows how often the migration ran: a second run would add a second row.
  sqlite: 'CREATE TABLE IF NOT EXISTS counter (n INTEGER); INSERT INTO counter VALUES (1);',
  postgres: 'CREATE TABLE IF NOT EXISTS counter (n INTEGER); INSERT INTO counter VALUES (1);',
};

/** A migration for SQLite only; the PostgreSQL side is never run in these tests. */
const sqliteOnly = (id: string, sqlite: string): Migration => ({ id, sqlite, postgres: sqlite });

describe('openDatabase', () => {
  it('creates missing parent directories and turns on WAL, foreign keys, NORMAL sync and a busy timeout', () => {
    const path = join(tempDir(), 'nested', 'deeper', 'bot.db');
    const db = openDatabase(path);
    expect(existsSync(path)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeDatabase(db);
    closeDatabase(db);
    expect(db.open).toBe(false);
    // WAL is a property of the file: a plain connection sees it too.
    const plain = new BetterSqlite3(path);
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
    plain.close();
  });

  it('applies each migration once, in order, and only new ones on reopen', () => {
    const path = join(tempDir(), 'bot.db');
    openDatabase(path, { migrations: [countingMigration] }).close();
    const second = sqliteOnly('test-002-column', 'ALTER TABLE counter ADD COLUMN label TEXT;');
    const db = openDatabase(path, { migrations: [countingMigration, second] });
    expect(db.prepare('SELECT count(*) FROM counter').pluck().get()).toBe(1);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('counter')).toEqual(['n', 'label']);
    expect(applyMigrations(db, [countingMigration, second])).toEqual([]);
    db.close();
    expect(appliedIds(path)).toEqual(['schema-001-checksums', 'test-001-counter', 'test-002-column']);
  });

  it('applies no migration of a batch when one fails, and names the failing one', () => {
    const path = join(tempDir(), 'bot.db');
    const broken = sqliteOnly('test-002-broken', 'CREATE TABLE oops (');
    expect(() => openDatabase(path, { migrations: [countingMigration, broken] })).toThrow(
      /Migration test-002-broken failed on .*bot\.db/,
    );
    expect(appliedIds(path)).toEqual([]);
    const db = openDatabase(path, { migrations: [countingMigration] });
    expect(db.prepare('SELECT count(*) FROM counter').pluck().get()).toBe(1);
    db.close();
  });

  it('records a checksum of the SQL of each migration it applies', () => {
    const path = join(tempDir(), 'bot.db');
    openDatabase(path, { migrations: [countingMigration] }).close();
    const db = new BetterSqlite3(path, { readonly: true });
    const checksum = db.prepare('SELECT checksum FROM schema_migrations WHERE id = ?').pluck();
    expect(checksum.get('test-001-counter')).toBe(migrationChecksum(countingMigration.sqlite));
    expect(checksum.get('test-001-counter')).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('refuses to start when an applied migration was edited, naming it, and changes nothing', () => {
    const path = join(tempDir(), 'bot.db');
    openDatabase(path, { migrations: [countingMigration] }).close();
    const edited = sqliteOnly(countingMigration.id, 'CREATE TABLE IF NOT EXISTS counter (n INTEGER); INSERT INTO counter VALUES (2);');
    const next = sqliteOnly('test-002-column', 'ALTER TABLE counter ADD COLUMN label TEXT;');
    const attempt = () => openDatabase(path, { migrations: [edited, next] });
    expect(attempt).toThrow(StorageError);
    expect(attempt).toThrow(
      new RegExp(`Migration test-001-counter was already applied to ${path}, but its SQL has been edited since`),
    );
    expect(appliedIds(path)).toEqual(['schema-001-checksums', 'test-001-counter']);
    // Re-indenting is not an edit.
    const reindented = sqliteOnly(countingMigration.id, `\n  ${countingMigration.sqlite.replace('; ', ';\n    ')}\n`);
    openDatabase(path, { migrations: [reindented] }).close();
  });

  it('records the checksums of a database from before checksums on its first start, without re-running', () => {
    const path = join(tempDir(), 'bot.db');
    const old = new BetterSqlite3(path);
    old.exec(`CREATE TABLE schema_migrations (id TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL);
      ${countingMigration.sqlite}
      INSERT INTO schema_migrations VALUES ('test-001-counter', '2025-01-01T00:00:00.000Z');`);
    old.close();
    const db = openDatabase(path, { migrations: [countingMigration] });
    expect(db.prepare('SELECT count(*) FROM counter').pluck().get()).toBe(1);
    expect(db.prepare('SELECT id, checksum FROM schema_migrations ORDER BY id').all()).toEqual([
      { id: 'schema-001-checksums', checksum: migrationChecksum(
        'ALTER TABLE schema_migrations ADD COLUMN checksum TEXT') },
      { id: 'test-001-counter', checksum: migrationChecksum(countingMigration.sqlite) },
    ]);
    db.close();
    const edited = sqliteOnly(countingMigration.id, 'CREATE TABLE counter (n INTEGER)');
    expect(() => openDatabase(path, { migrations: [edited] })).toThrow(/Migration test-001-counter was already applied/);
  });

  it('refuses the same migration id declared twice', () => {
    const path = join(tempDir(), 'bot.db');
    expect(() => openDatabase(path, { migrations: [countingMigration, countingMigration] })).toThrow(
      'Migration id test-001-counter is declared twice.',
    );
  });

  it('gives a clear StorageError for a file that is not a database, and leaves it untouched', () => {
    const path = join(tempDir(), 'notes.db');
    const text = 'Meeting notes, not a database. '.repeat(40);
    writeFileSync(path, text);
    const attempt = () => openDatabase(path);
    expect(attempt).toThrow(StorageError);
    expect(attempt).toThrow(`${path} is not a SQLite database (file is not a database)`);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('gives a clear StorageError when another connection holds an exclusive lock (WAL database)', () => {
    const path = join(tempDir(), 'bot.db');
    const holder = openDatabase(path);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => openDatabase(path, { busyTimeoutMs: 50 })).toThrow(
        `The database ${path} is locked by another process (waited 50 ms). Stop the other bot instance`,
      );
    } finally {
      holder.exec('ROLLBACK');
    }
    // Once the lock is released the same file opens normally.
    openDatabase(path, { busyTimeoutMs: 50 }).close();
    holder.close();
  });

  it('gives a clear StorageError when a rollback-journal database is locked mid-write', () => {
    const path = join(tempDir(), 'legacy.db');
    const holder = new BetterSqlite3(path);
    holder.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    try {
      const error = captureError(() => openDatabase(path, { busyTimeoutMs: 50 }));
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).code).toBe('storage_failed');
      expect((error as StorageError).message).toContain('is locked by another process');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('gives a clear StorageError when the directory cannot be created because a file is in the way', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data'), 'a file, not a directory');
    expect(() => openDatabase(join(dir, 'data', 'bot.db'))).toThrow(/Cannot create the directory .*data/);
  });
});

const captureError = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

// File permissions do not restrict root, and these tests usually run as root. So the open is done
// in a child process that runs as the unprivileged `nobody` user when we are root (and as the
// current user otherwise), which is exactly the situation of a bot deployed without write access.
describe('openDatabase without write permission', () => {
  const NOBODY = 65534;
  const isRoot = process.getuid?.() === 0;
  const child = fileURLToPath(new URL('./open-database-child.ts', import.meta.url));
  const projectRoot = join(dirname(child), '..', '..');

  const openElsewhere = (path: string): { opened: boolean; name?: string; code?: string; message?: string } => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, path], {
      cwd: projectRoot,
      encoding: 'utf8',
      ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    const line = run.stdout.trim().split('\n').at(-1) ?? '';
    if (line === '') throw new Error(`child produced no result: ${run.stderr}`);
    return JSON.parse(line) as { opened: boolean };
  };

  /** A directory the child may write in, holding a database created by this process. */
  const sharedDirWithDatabase = (): { dir: string; path: string } => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const path = join(dir, 'bot.db');
    openDatabase(path, { migrations: [countingMigration] }).close();
    if (isRoot) chownSync(path, NOBODY, NOBODY);
    return { dir, path };
  };

  it('opens a database it may write (the child itself works)', () => {
    const { path } = sharedDirWithDatabase();
    expect(openElsewhere(path)).toEqual({ opened: true });
  });

  it('reports a read-only database file', () => {
    const { path } = sharedDirWithDatabase();
    chmodSync(path, 0o444);
    const result = openElsewhere(path);
    expect(result).toMatchObject({ opened: false, name: 'StorageError', code: 'storage_failed' });
    expect(result.message).toContain(`The database ${path} is read-only`);
    expect(result.message).toContain('Give this process write permission on the file');
  });

  it('reports an existing database in a directory it may not write (no room for -wal and -shm)', () => {
    const { dir, path } = sharedDirWithDatabase();
    chmodSync(dir, 0o555);
    const result = openElsewhere(path);
    expect(result).toMatchObject({ opened: false, name: 'StorageError' });
    expect(result.message).toContain(`Cannot write the database ${path}: its directory ${dir} is not writable`);
  });

  it('reports a new database in a directory it may not write', () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const path = join(dir, 'bot.db');
    const result = openElsewhere(path);
    expect(result).toMatchObject({ opened: false, name: 'StorageError' });
    expect(result.message).toContain(`Cannot open or create the database ${path}`);
    expect(existsSync(path)).toBe(false);
  });

  it('reports a parent directory it may not create', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'), { mode: 0o555 });
    chmodSync(join(dir, 'locked'), 0o555);
    const result = openElsewhere(join(dir, 'locked', 'data', 'bot.db'));
    expect(result).toMatchObject({ opened: false, name: 'StorageError' });
    expect(result.message).toContain(`Cannot create the directory ${join(dir, 'locked', 'data')}`);
  });
});
