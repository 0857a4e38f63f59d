import { silentLogger } from '../core/ports.js';
import { ANONYMOUS_USER_ID } from '../core/ports.js';
import type { ErasableStore, ErasedCounts, Logger } from '../core/ports.js';
import type { AssessmentResult, ResultStore } from '../core/assessment-store.js';
import { pgColumns } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { RESULT_COLUMNS, resultRows, resultValues } from './result-rows.js';
import type { ResultRows } from './result-rows.js';
import { cityKey, normaliseLimit } from './store-values.js';

type ListFilter = { city?: string; frameworkId?: string; limit?: number };

/**
 * {@link ResultStore} in PostgreSQL. A result is identified by (workspace, id); saving the same
 * pair again replaces it and renews its `seq`, so among equal times the latest saved comes first,
 * as SQLite's rowid orders them.
 */
export class PostgresResultStore implements ResultStore, ErasableStore {
  readonly #db: PostgresDatabase;
  readonly #rows: ResultRows;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = resultRows(pgColumns, logger);
  }

  async save(result: AssessmentResult): Promise<void> {
    await this.#db.run(
      'saving an assessment result',
      `INSERT INTO assessment_results (${RESULT_COLUMNS}, city_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (workspace, id) DO UPDATE SET
         platform = excluded.platform, channel_id = excluded.channel_id, user_id = excluded.user_id,
         city = excluded.city, city_key = excluded.city_key, framework_id = excluded.framework_id,
         completed_at = excluded.completed_at, overall_percent = excluded.overall_percent,
         components = excluded.components, answers = excluded.answers, kind = excluded.kind,
         respondents = excluded.respondents, seq = DEFAULT`,
      resultValues(result),
    );
  }

  /** Newest first; `city` matches case-insensitively; unreadable rows are logged and left out. */
  async list(workspace: string, filter: ListFilter = {}): Promise<AssessmentResult[]> {
    const params: unknown[] = [workspace];
    let where = 'workspace = $1';
    if (filter.city !== undefined) {
      params.push(cityKey(filter.city));
      where += ` AND city_key = $${params.length}`;
    }
    if (filter.frameworkId !== undefined) {
      params.push(filter.frameworkId);
      where += ` AND framework_id = $${params.length}`;
    }
    // LIMIT NULL is no limit.
    params.push(normaliseLimit(filter.limit) ?? null);
    const { rows } = await this.#db.run(
      'reading assessment results',
      `SELECT ${RESULT_COLUMNS} FROM assessment_results WHERE ${where}
       ORDER BY completed_at DESC, seq DESC LIMIT $${params.length}`,
      params,
    );
    return this.#rows(rows);
  }

  /** Results stay for the city; only the user's id goes. */
  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    const { changed } = await this.#db.run(
      'removing a user from assessment results',
      'UPDATE assessment_results SET user_id = $1 WHERE workspace = $2 AND user_id = $3',
      [ANONYMOUS_USER_ID, workspace, userId],
    );
    return { assessment_results: changed };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    const { changed } = await this.#db.run(
      'deleting a workspace’s assessment results',
      'DELETE FROM assessment_results WHERE workspace = $1',
      [workspace],
    );
    return { assessment_results: changed };
  }
}
