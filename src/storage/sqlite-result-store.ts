import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { AssessmentResult, Logger, ResultStore } from '../core/ports.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { cityKey, normaliseLimit, toIsoText, toJsonText } from './store-values.js';
import { parseRowOrSkip, isoDateColumnSchema, jsonColumnSchema } from './sqlite-columns.js';

export const componentScoreSchema = z.object({
  id: z.string(),
  label: z.string(),
  percent: z.number().nullable(),
  answered: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

/** A result row as read back. */
export const resultRowSchema = z.object({
  workspace: z.string(),
  id: z.string(),
  platform: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  city: z.string(),
  framework_id: z.string(),
  completed_at: isoDateColumnSchema,
  overall_percent: z.number().nullable(),
  components: jsonColumnSchema(z.array(componentScoreSchema)),
  answers: jsonColumnSchema(z.record(z.string(), z.number().nullable())),
});

const COLUMNS =
  'workspace, id, platform, channel_id, user_id, city, framework_id, completed_at, ' +
  'overall_percent, components, answers';

/** Newest first; among equal times the latest saved first (a re-saved result gets a new rowid). */
const ORDER = 'ORDER BY completed_at DESC, rowid DESC LIMIT ?';

/** Identifies a damaged row in logs without trusting the rest of it. */
const resultKeySchema = z.object({ workspace: z.unknown(), id: z.unknown() });

type ListFilter = { city?: string; frameworkId?: string; limit?: number };

/**
 * {@link ResultStore} in SQLite. A result is identified by (workspace, id); saving the same pair
 * again replaces it. Every query names the workspace.
 */
export class SqliteResultStore implements ResultStore {
  readonly #logger: Logger;
  readonly #save;
  // One statement per filter combination, prepared once, so each can use its index.
  readonly #listAll;
  readonly #listByCity;
  readonly #listByFramework;
  readonly #listByCityAndFramework;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#logger = logger;
    // Any store may be the first to open the file: each brings the whole history.
    applyMigrations(db, migrations, logger);
    this.#save = db.prepare<
      [string, string, string, string, string, string, string, string, number | null, string, string, string]
    >(
      `INSERT OR REPLACE INTO assessment_results (${COLUMNS}, city_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const select = `SELECT ${COLUMNS} FROM assessment_results WHERE workspace = ?`;
    this.#listAll = db.prepare<[string, number]>(`${select} ${ORDER}`);
    this.#listByCity = db.prepare<[string, string, number]>(`${select} AND city_key = ? ${ORDER}`);
    this.#listByFramework = db.prepare<[string, string, number]>(
      `${select} AND framework_id = ? ${ORDER}`,
    );
    this.#listByCityAndFramework = db.prepare<[string, string, string, number]>(
      `${select} AND city_key = ? AND framework_id = ? ${ORDER}`,
    );
  }

  async save(result: AssessmentResult): Promise<void> {
    // Same order as COLUMNS, then city_key.
    this.#save.run(
      result.workspace,
      result.id,
      result.platform,
      result.channelId,
      result.userId,
      result.city,
      result.frameworkId,
      toIsoText(result.completedAt, 'completedAt'),
      result.overallPercent,
      toJsonText(result.components, 'the component scores'),
      toJsonText(result.answers, 'the answers'),
      cityKey(result.city),
    );
  }

  /** Newest first; `city` matches case-insensitively; unreadable rows are logged and left out. */
  async list(workspace: string, filter: ListFilter = {}): Promise<AssessmentResult[]> {
    // SQLite reads a negative LIMIT as "no limit".
    const limit = normaliseLimit(filter.limit) ?? -1;
    const { city, frameworkId } = filter;
    const rows =
      city !== undefined && frameworkId !== undefined
        ? this.#listByCityAndFramework.all(workspace, cityKey(city), frameworkId, limit)
        : city !== undefined
          ? this.#listByCity.all(workspace, cityKey(city), limit)
          : frameworkId !== undefined
            ? this.#listByFramework.all(workspace, frameworkId, limit)
            : this.#listAll.all(workspace, limit);
    return rows.map((raw) => this.#parse(raw)).filter((row) => row !== undefined);
  }

  #parse(raw: unknown): AssessmentResult | undefined {
    const row = parseRowOrSkip(resultRowSchema, raw, {
      table: 'assessment_results',
      what: 'assessment result',
      logger: this.#logger,
      key: resultKeySchema,
    });
    if (row === undefined) return undefined;
    return {
      id: row.id,
      workspace: row.workspace,
      platform: row.platform,
      channelId: row.channel_id,
      userId: row.user_id,
      city: row.city,
      frameworkId: row.framework_id,
      completedAt: row.completed_at,
      overallPercent: row.overall_percent,
      components: row.components,
      answers: row.answers,
    };
  }
}
