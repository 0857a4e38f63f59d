import { silentLogger } from '../core/ports.js';
import { ANONYMOUS_USER_ID } from '../core/ports.js';
import type { ErasableStore, ErasedCounts, Logger } from '../core/ports.js';
import type { AssessmentResult, ResultStore } from '../core/assessment-store.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { cityKey, normaliseLimit } from './store-values.js';
import { RESULT_COLUMNS, resultRows, resultValues } from './result-rows.js';
import type { ResultRows, ResultValues } from './result-rows.js';
import { sqliteColumns } from './sqlite-columns.js';

/** Newest first; among equal times the latest saved first (a re-saved result gets a new rowid). */
const ORDER = 'ORDER BY completed_at DESC, rowid DESC LIMIT ?';

type ListFilter = { city?: string; frameworkId?: string; limit?: number };

/**
 * {@link ResultStore} in SQLite. A result is identified by (workspace, id); saving the same pair
 * again replaces it. Every query names the workspace.
 */
export class SqliteResultStore implements ResultStore, ErasableStore {
  readonly #rows: ResultRows;
  readonly #save;
  // One statement per filter combination, prepared once, so each can use its index.
  readonly #listAll;
  readonly #listByCity;
  readonly #listByFramework;
  readonly #listByCityAndFramework;
  readonly #anonymise;
  readonly #eraseWorkspace;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#rows = resultRows(sqliteColumns, logger);
    // Any store may be the first to open the file: each brings the whole history.
    applyMigrations(db, migrations, logger);
    this.#save = db.prepare<ResultValues>(
      `INSERT OR REPLACE INTO assessment_results (${RESULT_COLUMNS}, city_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const select = `SELECT ${RESULT_COLUMNS} FROM assessment_results WHERE workspace = ?`;
    this.#listAll = db.prepare<[string, number]>(`${select} ${ORDER}`);
    this.#listByCity = db.prepare<[string, string, number]>(`${select} AND city_key = ? ${ORDER}`);
    this.#listByFramework = db.prepare<[string, string, number]>(
      `${select} AND framework_id = ? ${ORDER}`,
    );
    this.#listByCityAndFramework = db.prepare<[string, string, string, number]>(
      `${select} AND city_key = ? AND framework_id = ? ${ORDER}`,
    );
    this.#anonymise = db.prepare<[string, string, string]>(
      'UPDATE assessment_results SET user_id = ? WHERE workspace = ? AND user_id = ?',
    );
    this.#eraseWorkspace = db.prepare<[string]>('DELETE FROM assessment_results WHERE workspace = ?');
  }

  async save(result: AssessmentResult): Promise<void> {
    this.#save.run(...resultValues(result));
  }

  /** Newest first; `city` matches case-insensitively; unreadable rows are logged and left out. */
  async list(workspace: string, filter: ListFilter = {}): Promise<AssessmentResult[]> {
    // SQLite reads a negative LIMIT as "no limit".
    const limit = normaliseLimit(filter.limit) ?? -1;
    const { city, frameworkId } = filter;
    return this.#rows(
      city !== undefined && frameworkId !== undefined
        ? this.#listByCityAndFramework.all(workspace, cityKey(city), frameworkId, limit)
        : city !== undefined
          ? this.#listByCity.all(workspace, cityKey(city), limit)
          : frameworkId !== undefined
            ? this.#listByFramework.all(workspace, frameworkId, limit)
            : this.#listAll.all(workspace, limit),
    );
  }

  /** Results stay for the city; only the user's id goes. */
  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    return { assessment_results: this.#anonymise.run(ANONYMOUS_USER_ID, workspace, userId).changes };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return { assessment_results: this.#eraseWorkspace.run(workspace).changes };
  }
}
