import { silentLogger } from '../core/ports.js';
import type { ErasedCounts, Logger } from '../core/ports.js';
import type { ErasableSessionStore, SessionKey, StoredSession } from '../core/assessment-store.js';
import { pgColumns } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { SESSION_COLUMNS, SESSION_READ_COLUMNS, sessionRows, withoutKey } from './session-rows.js';
import type { SessionRow, SessionRows } from './session-rows.js';
import { toIsoText, toJsonText } from './store-values.js';

/**
 * {@link SessionStore} in PostgreSQL, keyed like the SQLite one by (workspace, conversation,
 * user); every query names the workspace. Ties are ordered by byte value (`COLLATE "C"`), as
 * SQLite orders them, whatever the database's collation.
 */
export class PostgresSessionStore implements ErasableSessionStore {
  readonly #db: PostgresDatabase;
  readonly #rows: SessionRows;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = sessionRows(pgColumns, logger);
  }

  async get(key: SessionKey): Promise<StoredSession | undefined> {
    const { rows } = await this.#db.run(
      'reading an assessment in progress',
      `SELECT ${SESSION_READ_COLUMNS} FROM assessment_sessions WHERE workspace = $1 AND conversation = $2 AND user_id = $3`,
      [key.workspace, key.conversation, key.userId],
    );
    const row = rows[0] === undefined ? undefined : this.#rows.session(rows[0]);
    return row === undefined ? undefined : withoutKey(row);
  }

  async put(key: SessionKey, session: StoredSession, expectedVersion?: number): Promise<boolean> {
    const values = [
      key.workspace,
      key.conversation,
      key.userId,
      session.frameworkId,
      session.city,
      toJsonText(session.state, 'the assessment state'),
      toIsoText(session.startedAt, 'startedAt'),
      toIsoText(session.updatedAt, 'updatedAt'),
    ];
    if (expectedVersion !== undefined) {
      // The row lock makes a second put naming the same version wait, then find the version moved on.
      const { changed } = await this.#db.run(
        'saving an assessment in progress',
        `UPDATE assessment_sessions SET framework_id = $4, city = $5, state = $6, started_at = $7, updated_at = $8,
           version = version + 1
         WHERE workspace = $1 AND conversation = $2 AND user_id = $3 AND version = $9`,
        [...values, expectedVersion],
      );
      return changed === 1;
    }
    await this.#db.run(
      'saving an assessment in progress',
      `INSERT INTO assessment_sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workspace, conversation, user_id) DO UPDATE SET
         framework_id = excluded.framework_id, city = excluded.city, state = excluded.state,
         started_at = excluded.started_at, updated_at = excluded.updated_at,
         version = assessment_sessions.version + 1`,
      values,
    );
    return true;
  }

  async delete(key: SessionKey, expectedVersion?: number): Promise<boolean> {
    const { changed } = await this.#db.run(
      'removing an assessment in progress',
      `DELETE FROM assessment_sessions WHERE workspace = $1 AND conversation = $2 AND user_id = $3
       AND ($4::integer IS NULL OR version = $4)`,
      [key.workspace, key.conversation, key.userId, expectedVersion ?? null],
    );
    return changed === 1;
  }

  /** Most recently updated first; unreadable rows are logged and left out. */
  async listByWorkspace(workspace: string): Promise<SessionRow[]> {
    const { rows } = await this.#db.run(
      'listing assessments in progress',
      `SELECT ${SESSION_READ_COLUMNS} FROM assessment_sessions WHERE workspace = $1
       ORDER BY updated_at DESC, conversation COLLATE "C", user_id COLLATE "C"`,
      [workspace],
    );
    return this.#rows.sessions(rows);
  }

  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    const { changed } = await this.#db.run(
      'deleting a user’s assessments in progress',
      'DELETE FROM assessment_sessions WHERE workspace = $1 AND user_id = $2',
      [workspace, userId],
    );
    return { assessment_sessions: changed };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    const { changed } = await this.#db.run(
      'deleting a workspace’s assessments in progress',
      'DELETE FROM assessment_sessions WHERE workspace = $1',
      [workspace],
    );
    return { assessment_sessions: changed };
  }

  async eraseUntouchedSince(before: Date): Promise<number> {
    const { changed } = await this.#db.run(
      'deleting abandoned assessments',
      'DELETE FROM assessment_sessions WHERE updated_at < $1',
      [toIsoText(before, 'before')],
    );
    return changed;
  }
}
