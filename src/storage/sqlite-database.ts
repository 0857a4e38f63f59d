import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseGoneError, StorageError, errorMessage } from '../core/errors.js';
import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';

/** An open better-sqlite3 connection. */
export type Database = BetterSqlite3.Database;

/**
 * A schema change. `id` is recorded in `schema_migrations` once applied and never run again, so
 * never edit a released migration: add a new one. Prefix ids with the owning table
 * (`sessions-001-create`) so modules can declare theirs independently.
 */
export interface Migration {
  id: string;
  sql: string;
}

export interface OpenDatabaseOptions {
  /** Applied in the order given, each once, all pending ones in one transaction. */
  migrations?: Migration[];
  /** How long to wait for another connection's lock before giving up; default 5000 ms. */
  busyTimeoutMs?: number;
  logger?: Logger;
  /**
   * Called once, with the reason, when a write finds that the path no longer names the file opened
   * (deleted, or replaced); that write and every later one throw a {@link DatabaseGoneError}.
   */
  onFileGone?: (reason: string) => void;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** SQLite's error code (`SQLITE_BUSY`, ...) or Node's (`EACCES`, ...) when a thrown value has one. */
const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : '';

/** Turns a failure at open time into a message that names the file and what to do about it. */
const openFailure = (file: string, error: unknown, busyTimeoutMs: number): StorageError => {
  const code = errorCode(error);
  const dir = dirname(file);
  const reason = errorMessage(error);
  let message: string;
  if (code === 'SQLITE_READONLY_DIRECTORY') {
    message =
      `Cannot write the database ${file}: its directory ${dir} is not writable. SQLite creates ` +
      `${file}-wal and ${file}-shm next to the file; give this process write permission on ${dir}.`;
  } else if (code.startsWith('SQLITE_READONLY')) {
    message =
      `The database ${file} is read-only (${reason}). Give this process write permission on the ` +
      `file and on ${dir} (SQLite also writes ${file}-wal and ${file}-shm there), or choose another path.`;
  } else if (code.startsWith('SQLITE_CANTOPEN')) {
    message =
      `Cannot open or create the database ${file} (${reason}). Check that ${dir} exists and is ` +
      `writable by this process, or choose another path.`;
  } else if (code === 'SQLITE_NOTADB') {
    message =
      `${file} is not a SQLite database (${reason}). Point the bot at another path, or move this ` +
      `file aside so a new database can be created; it has not been changed.`;
  } else if (code.startsWith('SQLITE_CORRUPT')) {
    message =
      `The database ${file} is corrupt (${reason}). Restore it from a backup, or move it aside so ` +
      `a new database can be created.`;
  } else if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    message =
      `The database ${file} is locked by another process (waited ${busyTimeoutMs} ms). Stop the ` +
      `other bot instance or tool using it, or give this instance its own database file.`;
  } else if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    message =
      `Cannot create the directory ${dir} for the database (${reason}). Create it with write ` +
      `permission for this process, or choose another path.`;
  } else if (code === 'ENOTDIR' || code === 'EEXIST') {
    message = `Cannot create the directory ${dir} for the database (${reason}): a file is in the way.`;
  } else {
    message = `Cannot open the database ${file}: ${reason}`;
  }
  return new StorageError(message, { cause: error });
};

const SCHEMA_MIGRATIONS_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id TEXT PRIMARY KEY NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Id of a row written and rolled back at open to prove the file is writable; never committed. */
const WRITE_CHECK_ID = '~write-check';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, in one immediate
 * transaction (so two processes starting together cannot both apply one). Safe to call again with
 * the same or more migrations; stores call it for their own tables. Returns the ids applied now.
 */
export const applyMigrations = (
  db: Database,
  migrations: readonly Migration[],
  logger: Logger = silentLogger,
): string[] => {
  const seen = new Set<string>();
  for (const { id } of migrations) {
    if (id.trim() === '' || id === WRITE_CHECK_ID) {
      throw new StorageError(`Migration id ${JSON.stringify(id)} is not allowed.`);
    }
    if (seen.has(id)) throw new StorageError(`Migration id ${id} is declared twice.`);
    seen.add(id);
  }
  db.exec(SCHEMA_MIGRATIONS_SQL);
  const isApplied = db.prepare<[string]>('SELECT 1 FROM schema_migrations WHERE id = ?').pluck();
  const record = db.prepare<[string, string]>(
    'INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)',
  );
  const applied: string[] = [];
  db.transaction(() => {
    for (const migration of migrations) {
      if (isApplied.get(migration.id) !== undefined) continue;
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new StorageError(
          `Migration ${migration.id} failed on ${db.name}: ${errorMessage(error)}. No migration ` +
            `of this batch was applied.`,
          { cause: error },
        );
      }
      record.run(migration.id, new Date().toISOString());
      applied.push(migration.id);
    }
  }).immediate();
  if (applied.length > 0) logger.info({ file: db.name, migrations: applied }, 'Applied database migrations');
  return applied;
};

/** Takes the write lock and writes a row, then rolls back: fails now if the file is locked or read-only. */
const checkWritable = (db: Database): void => {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare('INSERT OR REPLACE INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
      WRITE_CHECK_ID,
      '',
    );
  } finally {
    db.exec('ROLLBACK');
  }
};

/** Creates an empty file readable by this user only, unless one exists (which is left as it is). */
const createPrivateFile = (file: string): void => {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch {
    // It exists, or cannot be created: SQLite's own open then says which, with the file's name.
  }
};

/**
 * Makes every write statement first check that `file` still names the file SQLite opened (same
 * device and inode). If the file or its directory was deleted, SQLite would keep writing into the
 * unlinked file and everything written would vanish at the next start, after the user was told it
 * was saved. One stat per write is cheap next to the write itself. Reopening instead would hide the
 * loss and carry on with an empty database, so the bot refuses the write and reports it (see
 * `onFileGone`): the process then stops and its supervisor starts it again on a fresh file.
 */
const refuseWritesOnceGone = (db: Database, file: string, onGone: ((reason: string) => void) | undefined): void => {
  const opened = statSync(file);
  let reported = false;
  const check = (): void => {
    const now = statSync(file, { throwIfNoEntry: false });
    if (now !== undefined && now.dev === opened.dev && now.ino === opened.ino) return;
    const reason = now === undefined ? `${file} was deleted` : `${file} was replaced by another file`;
    if (!reported) {
      reported = true;
      onGone?.(reason);
    }
    throw new DatabaseGoneError(`Nothing can be saved: ${reason} while the bot had it open.`);
  };
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    if (statement.reader) return statement;
    const run = statement.run.bind(statement);
    statement.run = (...params: unknown[]) => {
      check();
      return run(...params);
    };
    return statement;
  }) as Database['prepare'];
};

/**
 * Opens (creating if needed, with its directory) a SQLite database in WAL mode with foreign keys
 * on, checks it can be written now, and applies `migrations`. Every failure is a
 * {@link StorageError} whose message names the file and what to do.
 */
export const openDatabase = (path: string, options: OpenDatabaseOptions = {}): Database => {
  const file = resolve(path);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const logger = options.logger ?? silentLogger;
  let db: Database | undefined;
  try {
    // The database holds people's answers: only this user may read it. SQLite would create the file
    // 0644 and gives -wal and -shm the mode of the file, so the file is created here, 0600, first.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    createPrivateFile(file);
    db = new BetterSqlite3(file, { timeout: busyTimeoutMs });
    // The first statement reads the header, so a non-database file fails here, before any write.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') {
      throw new StorageError(
        `Cannot switch ${file} to WAL journal mode (it stayed in ${String(mode)} mode). Use a ` +
          `local file system that supports shared memory, or choose another path.`,
      );
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA_MIGRATIONS_SQL);
    checkWritable(db);
    applyMigrations(db, options.migrations ?? [], logger);
    refuseWritesOnceGone(db, file, options.onFileGone);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StorageError) throw error;
    throw openFailure(file, error, busyTimeoutMs);
  }
};

/** Closes the connection; harmless when already closed. */
export const closeDatabase = (db: Database): void => {
  if (db.open) db.close();
};
