import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseGoneError, StorageError, errorMessage } from '../core/errors.js';
import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import { SCHEMA_MIGRATIONS_SQL, WRITE_CHECK_ID, migrationChecksum, planMigrations } from './migrations.js';
import type { AppliedMigration, Migration } from './migrations.js';

/** An open better-sqlite3 connection. */
export type Database = BetterSqlite3.Database;

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

const appliedRowSchema = z.object({ id: z.string(), checksum: z.string().nullish() });

/** What `schema_migrations` records; `checksum` is null before `schema-001-checksums` ran. */
const readApplied = (db: Database): AppliedMigration[] =>
  db
    .prepare('SELECT * FROM schema_migrations')
    .all()
    .map((raw) => appliedRowSchema.parse(raw))
    .filter((row) => row.id !== WRITE_CHECK_ID)
    .map((row) => ({ id: row.id, checksum: row.checksum ?? null }));

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, in one immediate
 * transaction (so two processes starting together cannot both apply one), recording each with the
 * checksum of its SQL. Refuses, naming it, an applied migration whose SQL was edited since. Safe to
 * call again with the same or more migrations; stores call it with the whole history. Returns the
 * ids applied now.
 */
export const applyMigrations = (
  db: Database,
  migrations: readonly Migration[],
  logger: Logger = silentLogger,
): string[] => {
  db.exec(SCHEMA_MIGRATIONS_SQL);
  const applied: string[] = [];
  let backfilled = 0;
  db.transaction(() => {
    const plan = planMigrations(migrations, readApplied(db), 'sqlite', db.name);
    const record = (id: string, checksum: string): void => {
      db.prepare('INSERT INTO schema_migrations (id, applied_at, checksum) VALUES (?, ?, ?)').run(
        id,
        new Date().toISOString(),
        checksum,
      );
    };
    for (const migration of plan.pending) {
      try {
        db.exec(migration.sqlite);
      } catch (error) {
        throw new StorageError(
          `Migration ${migration.id} failed on ${db.name}: ${errorMessage(error)}. No migration ` +
            `of this batch was applied.`,
          { cause: error },
        );
      }
      record(migration.id, migrationChecksum(migration.sqlite));
      applied.push(migration.id);
    }
    const fill = db.prepare('UPDATE schema_migrations SET checksum = ? WHERE id = ? AND checksum IS NULL');
    for (const { id, checksum } of plan.backfill) backfilled += fill.run(checksum, id).changes;
  }).immediate();
  if (applied.length > 0 || backfilled > 0) {
    logger.info({ file: db.name, migrations: applied, checksumsRecorded: backfilled }, 'Applied database migrations');
  }
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
 * was saved. One stat per synchronous run of writes is cheap next to the writes. Reopening instead
 * would hide the loss and carry on with an empty database, so the bot refuses the write and reports
 * it (see `onFileGone`): the process then stops and its supervisor starts it again on a fresh file.
 */
const refuseWritesOnceGone = (db: Database, file: string, onGone: ((reason: string) => void) | undefined): void => {
  const opened = statSync(file);
  let reported = false;
  // Writes made in one synchronous run (the claims of one deduplication batch, committed together)
  // come within a fraction of a millisecond of each other: the file is looked at once for all of
  // them, and again once the run ends (at the next await).
  let sameFileThisRun = false;
  const check = (): void => {
    if (sameFileThisRun) return;
    const now = statSync(file, { throwIfNoEntry: false });
    if (now !== undefined && now.dev === opened.dev && now.ino === opened.ino) {
      sameFileThisRun = true;
      queueMicrotask(() => {
        sameFileThisRun = false;
      });
      return;
    }
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
