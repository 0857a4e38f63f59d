import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { FeedbackStore, Logger } from '../core/ports.js';
import type { FeedbackEntry } from './feedback-entry.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database, Migration } from './sqlite-database.js';
import { feedbackDmPerUserMigration } from './discord-dm-migrations.js';
import { toIsoText } from './store-values.js';
import { parseRowOrSkip, isoDateColumnSchema } from './sqlite-columns.js';

/** Tables for {@link SqliteFeedbackStore}; pass to `openDatabase` or let the store apply them. */
export const feedbackMigrations: Migration[] = [
  {
    id: 'feedback-001-create',
    sql: `
      CREATE TABLE answer_feedback (
        workspace TEXT NOT NULL,
        user_id TEXT NOT NULL,
        key TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        at TEXT NOT NULL,
        PRIMARY KEY (workspace, user_id, key)
      );
      CREATE INDEX answer_feedback_by_time ON answer_feedback (workspace, at);
    `,
  },
  feedbackDmPerUserMigration,
];

/** A feedback row as read back. */
export const feedbackRowSchema = z.object({
  workspace: z.string(),
  user_id: z.string(),
  key: z.string(),
  helpful: z.union([z.literal(0), z.literal(1)]).transform((flag) => flag === 1),
  at: isoDateColumnSchema,
});

/**
 * {@link FeedbackStore} in SQLite. One vote per user per answer key; voting again replaces it.
 * Every query names the workspace.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  readonly #logger: Logger;
  readonly #record;
  readonly #list;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#logger = logger;
    applyMigrations(db, feedbackMigrations, logger);
    // REPLACE rather than an upsert so the rowid follows the latest vote (used to order ties).
    this.#record = db.prepare<[string, string, string, number, string]>(
      `INSERT OR REPLACE INTO answer_feedback (workspace, user_id, key, helpful, at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.#list = db.prepare<[string]>(
      `SELECT workspace, user_id, key, helpful, at FROM answer_feedback WHERE workspace = ?
       ORDER BY at DESC, rowid DESC`,
    );
  }

  recordFeedback(entry: FeedbackEntry): void {
    const at = toIsoText(entry.at, 'at');
    this.#record.run(entry.workspace, entry.userId, entry.key, entry.helpful ? 1 : 0, at);
  }

  /** Votes recorded in one workspace, most recent first; unreadable rows are logged and left out. */
  listByWorkspace(workspace: string): FeedbackEntry[] {
    const entries: FeedbackEntry[] = [];
    for (const raw of this.#list.all(workspace)) {
      const row = parseRowOrSkip(feedbackRowSchema, raw, { table: 'answer_feedback', what: 'feedback', logger: this.#logger });
      if (row === undefined) continue;
      const { workspace: ws, user_id: userId, key, helpful, at } = row;
      entries.push({ workspace: ws, userId, key, helpful, at });
    }
    return entries;
  }
}
