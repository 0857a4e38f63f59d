import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { AssessmentResult, Logger, ResultStore } from '../core/ports.js';
import { pgDateSchema } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { parseRowOrSkip } from './sqlite-columns.js';
import { componentScoreSchema } from './sqlite-result-store.js';
import { cityKey, normaliseLimit, toIsoText, toJsonText } from './store-values.js';

/** A result row as node-postgres reads it (json columns arrive parsed). */
const resultRowSchema = z.object({
  workspace: z.string(),
  id: z.string(),
  platform: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  city: z.string(),
  framework_id: z.string(),
  completed_at: pgDateSchema,
  overall_percent: z.number().nullable(),
  components: z.array(componentScoreSchema),
  answers: z.record(z.string(), z.number().nullable()),
});

const resultKeySchema = z.object({ workspace: z.unknown(), id: z.unknown() });

const COLUMNS =
  'workspace, id, platform, channel_id, user_id, city, framework_id, completed_at, ' +
  'overall_percent, components, answers';

type ListFilter = { city?: string; frameworkId?: string; limit?: number };

/**
 * {@link ResultStore} in PostgreSQL. A result is identified by (workspace, id); saving the same
 * pair again replaces it and renews its `seq`, so among equal times the latest saved comes first,
 * as SQLite's rowid orders them.
 */
export class PostgresResultStore implements ResultStore {
  readonly #db: PostgresDatabase;
  readonly #logger: Logger;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#logger = logger;
  }

  async save(result: AssessmentResult): Promise<void> {
    const values = [
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
    ];
    await this.#db.run(
      'saving an assessment result',
      `INSERT INTO assessment_results (${COLUMNS}, city_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (workspace, id) DO UPDATE SET
         platform = excluded.platform, channel_id = excluded.channel_id, user_id = excluded.user_id,
         city = excluded.city, city_key = excluded.city_key, framework_id = excluded.framework_id,
         completed_at = excluded.completed_at, overall_percent = excluded.overall_percent,
         components = excluded.components, answers = excluded.answers, seq = DEFAULT`,
      values,
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
      `SELECT ${COLUMNS} FROM assessment_results WHERE ${where}
       ORDER BY completed_at DESC, seq DESC LIMIT $${params.length}`,
      params,
    );
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
