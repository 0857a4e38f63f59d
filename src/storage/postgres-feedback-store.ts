import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { ErasableStore, ErasedCounts, FeedbackStore, Logger } from '../core/ports.js';
import type { FeedbackEntry } from './feedback-entry.js';
import { pgDateSchema } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { parseRowOrSkip } from './row-columns.js';
import { toIsoText } from './store-values.js';

const feedbackRowSchema = z.object({
  workspace: z.string(),
  user_id: z.string(),
  key: z.string(),
  helpful: z.boolean(),
  at: pgDateSchema,
});

/**
 * {@link FeedbackStore} in PostgreSQL. One vote per user per answer key; voting again replaces it
 * and renews its `seq`, which orders votes given at the same instant. Every query names the workspace.
 */
export class PostgresFeedbackStore implements FeedbackStore, ErasableStore {
  readonly #db: PostgresDatabase;
  readonly #logger: Logger;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#logger = logger;
  }

  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    const at = toIsoText(entry.at, 'at');
    await this.#db.run(
      'recording feedback',
      `INSERT INTO answer_feedback (workspace, user_id, key, helpful, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace, user_id, key) DO UPDATE SET helpful = excluded.helpful, at = excluded.at, seq = DEFAULT`,
      [entry.workspace, entry.userId, entry.key, entry.helpful, at],
    );
  }

  /** Votes recorded in one workspace, most recent first; unreadable rows are logged and left out. */
  async listByWorkspace(workspace: string): Promise<FeedbackEntry[]> {
    const { rows } = await this.#db.run(
      'reading feedback',
      'SELECT workspace, user_id, key, helpful, at FROM answer_feedback WHERE workspace = $1 ORDER BY at DESC, seq DESC',
      [workspace],
    );
    const entries: FeedbackEntry[] = [];
    for (const raw of rows) {
      const row = parseRowOrSkip(feedbackRowSchema, raw, { table: 'answer_feedback', what: 'feedback', logger: this.#logger });
      if (row === undefined) continue;
      entries.push({ workspace: row.workspace, userId: row.user_id, key: row.key, helpful: row.helpful, at: row.at });
    }
    return entries;
  }

  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    const { changed } = await this.#db.run(
      'deleting a user’s feedback',
      'DELETE FROM answer_feedback WHERE workspace = $1 AND user_id = $2',
      [workspace, userId],
    );
    return { answer_feedback: changed };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    const { changed } = await this.#db.run('deleting a workspace’s feedback', 'DELETE FROM answer_feedback WHERE workspace = $1', [workspace]);
    return { answer_feedback: changed };
  }
}
