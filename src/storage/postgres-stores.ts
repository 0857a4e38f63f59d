import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import { openPostgres } from './postgres-database.js';
import type { OpenPostgresOptions, PostgresDatabase } from './postgres-database.js';
import { PostgresDedupeStore } from './postgres-dedupe-store.js';
import { PostgresDocumentStore } from './postgres-document-store.js';
import { PostgresFeedbackStore } from './postgres-feedback-store.js';
import { PostgresInstallationStore } from './postgres-installation-store.js';
import { PostgresReminderStore } from './postgres-reminder-store.js';
import { PostgresResultStore } from './postgres-result-store.js';
import { PostgresRoundStore } from './postgres-round-store.js';
import { PostgresSessionStore } from './postgres-session-store.js';
import { PostgresWorkspaceStatusStore } from './postgres-workspace-status-store.js';
import { migrations } from './schema.js';
import type { Stores } from './stores.js';
import type { TokenCipher } from './token-cipher.js';

/** The PostgreSQL-backed stores sharing one pool. */
export interface PostgresStores extends Stores {
  db: PostgresDatabase;
  sessions: PostgresSessionStore;
  results: PostgresResultStore;
  feedback: PostgresFeedbackStore;
  reminders: PostgresReminderStore;
  dedupe: PostgresDedupeStore;
  installations: PostgresInstallationStore;
  workspaceStatus: PostgresWorkspaceStatusStore;
  documents: PostgresDocumentStore;
  rounds: PostgresRoundStore;
  /** Resolves when the database answers a query; for readiness checks. */
  ping(): Promise<void>;
  /** Waits for statements in flight and closes the pool; the stores cannot be used afterwards. */
  close(): Promise<void>;
}

/**
 * Connects to the PostgreSQL database at `url`, applies the migration history under the
 * migration lock and returns the stores. Throws a `StorageError` naming the database and the fix
 * when it cannot be reached or migrated.
 */
export const createPostgresStores = async (
  url: string,
  logger: Logger = silentLogger,
  options: Pick<OpenPostgresOptions, 'maxConnections' | 'connectionTimeoutMs' | 'queryTimeoutMs' | 'migrations'> & { tokenCipher?: TokenCipher } = {},
): Promise<PostgresStores> => {
  const { tokenCipher, ...open } = options;
  const db = await openPostgres(url, { ...open, logger, migrations: [...migrations, ...(options.migrations ?? [])] });
  return {
    db,
    sessions: new PostgresSessionStore(db, logger),
    results: new PostgresResultStore(db, logger),
    feedback: new PostgresFeedbackStore(db, logger),
    reminders: new PostgresReminderStore(db, logger),
    dedupe: new PostgresDedupeStore(db),
    installations: new PostgresInstallationStore(db, tokenCipher),
    workspaceStatus: new PostgresWorkspaceStatusStore(db, logger),
    documents: new PostgresDocumentStore(db, logger),
    rounds: new PostgresRoundStore(db, logger),
    ping: async () => {
      await db.run('checking the database', 'SELECT 1');
    },
    close: () => db.close(),
  };
};
