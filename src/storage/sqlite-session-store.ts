import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { Logger, SessionKey, SessionStore, StoredSession } from '../core/ports.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database, Migration } from './sqlite-database.js';
import { sessionsDmPerUserMigration } from './discord-dm-migrations.js';
import { toIsoText, toJsonText } from './store-values.js';
import { parseRowOrSkip, isoDateColumnSchema, jsonColumnSchema } from './sqlite-columns.js';

/** Tables for {@link SqliteSessionStore}; pass to `openDatabase` or let the store apply them. */
export const sessionMigrations: Migration[] = [
  {
    id: 'sessions-001-create',
    sql: `
      CREATE TABLE assessment_sessions (
        workspace TEXT NOT NULL,
        conversation TEXT NOT NULL,
        user_id TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        city TEXT NOT NULL,
        state TEXT NOT NULL,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (workspace, conversation, user_id)
      );
      CREATE INDEX assessment_sessions_by_workspace
        ON assessment_sessions (workspace, updated_at);
    `,
  },
  sessionsDmPerUserMigration,
];

/** A session row as read back; `state` is any JSON, the assessment engine validates its shape. */
export const sessionRowSchema = z.object({
  workspace: z.string(),
  conversation: z.string(),
  user_id: z.string(),
  framework_id: z.string(),
  city: z.string(),
  state: jsonColumnSchema(z.unknown()),
  started_at: isoDateColumnSchema,
  updated_at: isoDateColumnSchema,
});

type SessionRow = SessionKey & StoredSession;

/** Identifies a damaged row in logs without trusting the rest of it. */
const rowKeySchema = z.object({ workspace: z.unknown(), conversation: z.unknown(), user_id: z.unknown() });

const COLUMNS = 'workspace, conversation, user_id, framework_id, city, state, started_at, updated_at';

/**
 * {@link SessionStore} in SQLite: assessments in progress survive restarts. Keyed by
 * (workspace, conversation, user); every query names the workspace.
 */
export class SqliteSessionStore implements SessionStore {
  readonly #logger: Logger;
  readonly #get;
  readonly #put;
  readonly #delete;
  readonly #list;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#logger = logger;
    applyMigrations(db, sessionMigrations, logger);
    this.#get = db.prepare<[string, string, string]>(
      `SELECT ${COLUMNS} FROM assessment_sessions
       WHERE workspace = ? AND conversation = ? AND user_id = ?`,
    );
    this.#put = db.prepare<[string, string, string, string, string, string, string, string]>(
      `INSERT INTO assessment_sessions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (workspace, conversation, user_id) DO UPDATE SET
         framework_id = excluded.framework_id, city = excluded.city, state = excluded.state,
         started_at = excluded.started_at, updated_at = excluded.updated_at`,
    );
    this.#delete = db.prepare<[string, string, string]>(
      'DELETE FROM assessment_sessions WHERE workspace = ? AND conversation = ? AND user_id = ?',
    );
    this.#list = db.prepare<[string]>(
      `SELECT ${COLUMNS} FROM assessment_sessions WHERE workspace = ?
       ORDER BY updated_at DESC, conversation, user_id`,
    );
  }

  get(key: SessionKey): StoredSession | undefined {
    const raw = this.#get.get(key.workspace, key.conversation, key.userId);
    if (raw === undefined) return undefined;
    const row = this.#parse(raw);
    if (row === undefined) return undefined;
    const { frameworkId, city, state, startedAt, updatedAt } = row;
    return { frameworkId, city, state, startedAt, updatedAt };
  }

  put(key: SessionKey, session: StoredSession): void {
    this.#put.run(
      key.workspace,
      key.conversation,
      key.userId,
      session.frameworkId,
      session.city,
      toJsonText(session.state, 'the assessment state'),
      toIsoText(session.startedAt, 'startedAt'),
      toIsoText(session.updatedAt, 'updatedAt'),
    );
  }

  delete(key: SessionKey): void {
    this.#delete.run(key.workspace, key.conversation, key.userId);
  }

  /** Most recently updated first; unreadable rows are logged and left out. */
  listByWorkspace(workspace: string): SessionRow[] {
    return this.#list
      .all(workspace)
      .map((raw) => this.#parse(raw))
      .filter((row): row is SessionRow => row !== undefined);
  }

  #parse(raw: unknown): SessionRow | undefined {
    // A damaged row must not stop the bot; the user simply starts that assessment afresh.
    const row = parseRowOrSkip(sessionRowSchema, raw, {
      table: 'assessment_sessions',
      what: 'assessment session',
      logger: this.#logger,
      key: rowKeySchema,
    });
    if (row === undefined) return undefined;
    return {
      workspace: row.workspace,
      conversation: row.conversation,
      userId: row.user_id,
      frameworkId: row.framework_id,
      city: row.city,
      state: row.state,
      startedAt: row.started_at,
      updatedAt: row.updated_at,
    };
  }
}
