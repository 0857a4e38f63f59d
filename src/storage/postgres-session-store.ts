import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { Logger, SessionKey, SessionStore, StoredSession } from '../core/ports.js';
import { pgDateSchema } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { parseRowOrSkip } from './sqlite-columns.js';
import { toIsoText, toJsonText } from './store-values.js';

/** A session row as node-postgres reads it; `state` is any JSON, the assessment engine validates it. */
const sessionRowSchema = z.object({
  workspace: z.string(),
  conversation: z.string(),
  user_id: z.string(),
  framework_id: z.string(),
  city: z.string(),
  state: z.unknown(),
  started_at: pgDateSchema,
  updated_at: pgDateSchema,
  version: z.number().int(),
});

const rowKeySchema = z.object({ workspace: z.unknown(), conversation: z.unknown(), user_id: z.unknown() });

const COLUMNS = 'workspace, conversation, user_id, framework_id, city, state, started_at, updated_at';
const READ_COLUMNS = `${COLUMNS}, version`;

type SessionRow = SessionKey & StoredSession & { version: number };

/**
 * {@link SessionStore} in PostgreSQL, keyed like the SQLite one by (workspace, conversation,
 * user); every query names the workspace. Ties are ordered by byte value (`COLLATE "C"`), as
 * SQLite orders them, whatever the database's collation.
 */
export class PostgresSessionStore implements SessionStore {
  readonly #db: PostgresDatabase;
  readonly #logger: Logger;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#logger = logger;
  }

  async get(key: SessionKey): Promise<StoredSession | undefined> {
    const { rows } = await this.#db.run(
      'reading an assessment in progress',
      `SELECT ${READ_COLUMNS} FROM assessment_sessions WHERE workspace = $1 AND conversation = $2 AND user_id = $3`,
      [key.workspace, key.conversation, key.userId],
    );
    const row = rows[0] === undefined ? undefined : this.#parse(rows[0]);
    if (row === undefined) return undefined;
    const { frameworkId, city, state, startedAt, updatedAt, version } = row;
    return { frameworkId, city, state, startedAt, updatedAt, version };
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
      `INSERT INTO assessment_sessions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
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
      `SELECT ${READ_COLUMNS} FROM assessment_sessions WHERE workspace = $1
       ORDER BY updated_at DESC, conversation COLLATE "C", user_id COLLATE "C"`,
      [workspace],
    );
    return rows.map((raw) => this.#parse(raw)).filter((row): row is SessionRow => row !== undefined);
  }

  #parse(raw: unknown): SessionRow | undefined {
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
      version: row.version,
    };
  }
}
