import { silentLogger } from '../core/ports.js';
import type { ErasedCounts, Logger } from '../core/ports.js';
import type { ErasableSessionStore, SessionKey, StoredSession } from '../core/assessment-store.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { toIsoText, toJsonText } from './store-values.js';
import { SESSION_COLUMNS, SESSION_READ_COLUMNS, sessionRows, withoutKey } from './session-rows.js';
import type { SessionRow, SessionRows } from './session-rows.js';
import { sqliteColumns } from './sqlite-columns.js';

/**
 * {@link SessionStore} in SQLite: assessments in progress survive restarts. Keyed by
 * (workspace, conversation, user); every query names the workspace.
 */
export class SqliteSessionStore implements ErasableSessionStore {
  readonly #rows: SessionRows;
  readonly #get;
  readonly #put;
  readonly #putIfVersion;
  readonly #delete;
  readonly #deleteIfVersion;
  readonly #list;
  readonly #eraseUser;
  readonly #eraseWorkspace;
  readonly #eraseUntouched;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#rows = sessionRows(sqliteColumns, logger);
    // Any store may be the first to open the file: each brings the whole history.
    applyMigrations(db, migrations, logger);
    this.#get = db.prepare<[string, string, string]>(
      `SELECT ${SESSION_READ_COLUMNS} FROM assessment_sessions
       WHERE workspace = ? AND conversation = ? AND user_id = ?`,
    );
    this.#put = db.prepare<[string, string, string, string, string, string, string, string]>(
      `INSERT INTO assessment_sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (workspace, conversation, user_id) DO UPDATE SET
         framework_id = excluded.framework_id, city = excluded.city, state = excluded.state,
         started_at = excluded.started_at, updated_at = excluded.updated_at,
         version = assessment_sessions.version + 1`,
    );
    this.#putIfVersion = db.prepare<[string, string, string, string, string, string, string, string, number]>(
      `UPDATE assessment_sessions SET framework_id = ?, city = ?, state = ?, started_at = ?, updated_at = ?,
         version = version + 1
       WHERE workspace = ? AND conversation = ? AND user_id = ? AND version = ?`,
    );
    this.#delete = db.prepare<[string, string, string]>(
      'DELETE FROM assessment_sessions WHERE workspace = ? AND conversation = ? AND user_id = ?',
    );
    this.#deleteIfVersion = db.prepare<[string, string, string, number]>(
      'DELETE FROM assessment_sessions WHERE workspace = ? AND conversation = ? AND user_id = ? AND version = ?',
    );
    this.#list = db.prepare<[string]>(
      `SELECT ${SESSION_READ_COLUMNS} FROM assessment_sessions WHERE workspace = ?
       ORDER BY updated_at DESC, conversation, user_id`,
    );
    this.#eraseUser = db.prepare<[string, string]>('DELETE FROM assessment_sessions WHERE workspace = ? AND user_id = ?');
    this.#eraseWorkspace = db.prepare<[string]>('DELETE FROM assessment_sessions WHERE workspace = ?');
    this.#eraseUntouched = db.prepare<[string]>('DELETE FROM assessment_sessions WHERE updated_at < ?');
  }

  async get(key: SessionKey): Promise<StoredSession | undefined> {
    const raw = this.#get.get(key.workspace, key.conversation, key.userId);
    if (raw === undefined) return undefined;
    const row = this.#rows.session(raw);
    return row === undefined ? undefined : withoutKey(row);
  }

  async put(key: SessionKey, session: StoredSession, expectedVersion?: number): Promise<boolean> {
    const values = [
      session.frameworkId,
      session.city,
      toJsonText(session.state, 'the assessment state'),
      toIsoText(session.startedAt, 'startedAt'),
      toIsoText(session.updatedAt, 'updatedAt'),
    ] as const;
    if (expectedVersion !== undefined) {
      return this.#putIfVersion.run(...values, key.workspace, key.conversation, key.userId, expectedVersion).changes === 1;
    }
    this.#put.run(key.workspace, key.conversation, key.userId, ...values);
    return true;
  }

  async delete(key: SessionKey, expectedVersion?: number): Promise<boolean> {
    const result =
      expectedVersion === undefined
        ? this.#delete.run(key.workspace, key.conversation, key.userId)
        : this.#deleteIfVersion.run(key.workspace, key.conversation, key.userId, expectedVersion);
    return result.changes === 1;
  }

  /** Most recently updated first; unreadable rows are logged and left out. */
  async listByWorkspace(workspace: string): Promise<SessionRow[]> {
    return this.#rows.sessions(this.#list.all(workspace));
  }

  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    return { assessment_sessions: this.#eraseUser.run(workspace, userId).changes };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return { assessment_sessions: this.#eraseWorkspace.run(workspace).changes };
  }

  async eraseUntouchedSince(before: Date): Promise<number> {
    // ISO 8601 UTC text of a fixed width compares in time order.
    return this.#eraseUntouched.run(toIsoText(before, 'before')).changes;
  }
}
