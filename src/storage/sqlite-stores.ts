import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import { closeDatabase, openDatabase } from './sqlite-database.js';
import type { Database, OpenDatabaseOptions } from './sqlite-database.js';
import type { Stores } from './stores.js';
import type { TokenCipher } from './token-cipher.js';
import { migrations } from './schema.js';
import { SqliteDedupeStore } from './sqlite-dedupe-store.js';
import { SqliteDocumentStore } from './sqlite-document-store.js';
import { SqliteFeedbackStore } from './sqlite-feedback-store.js';
import { SqliteInstallationStore } from './sqlite-installation-store.js';
import { SqliteReminderStore } from './sqlite-reminder-store.js';
import { SqliteResultStore } from './sqlite-result-store.js';
import { SqliteRoundStore } from './sqlite-round-store.js';
import { SqliteSessionStore } from './sqlite-session-store.js';
import { SqliteWorkspaceStatusStore } from './sqlite-workspace-status-store.js';

/** The SQLite-backed stores sharing one connection. */
export interface SqliteStores extends Stores {
  db: Database;
  sessions: SqliteSessionStore;
  results: SqliteResultStore;
  feedback: SqliteFeedbackStore;
  reminders: SqliteReminderStore;
  dedupe: SqliteDedupeStore;
  installations: SqliteInstallationStore;
  workspaceStatus: SqliteWorkspaceStatusStore;
  documents: SqliteDocumentStore;
  rounds: SqliteRoundStore;
  /** Resolves when the database answers a query; for readiness checks. */
  ping(): Promise<void>;
  /** Closes the connection; the stores cannot be used afterwards. */
  close(): void;
}

/**
 * Opens (or creates) the database at `path`, applies the migration history and returns the stores.
 * Throws a `StorageError` naming the file and the fix when it cannot be opened for writing.
 */
export const createSqliteStores = (
  path: string,
  logger: Logger = silentLogger,
  options: Pick<OpenDatabaseOptions, 'busyTimeoutMs' | 'migrations' | 'onFileGone'> & { tokenCipher?: TokenCipher } = {},
): SqliteStores => {
  const { tokenCipher, ...open } = options;
  const db = openDatabase(path, {
    ...open,
    logger,
    migrations: [...migrations, ...(options.migrations ?? [])],
  });
  try {
    return {
      db,
      sessions: new SqliteSessionStore(db, logger),
      results: new SqliteResultStore(db, logger),
      feedback: new SqliteFeedbackStore(db, logger),
      reminders: new SqliteReminderStore(db, logger),
      dedupe: new SqliteDedupeStore(db),
      installations: new SqliteInstallationStore(db, tokenCipher),
      workspaceStatus: new SqliteWorkspaceStatusStore(db, logger),
      documents: new SqliteDocumentStore(db, logger),
      rounds: new SqliteRoundStore(db, logger),
      ping: async () => {
        db.prepare('SELECT count(*) FROM schema_migrations').get();
      },
      close: () => closeDatabase(db),
    };
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
};
