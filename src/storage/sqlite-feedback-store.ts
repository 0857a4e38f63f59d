import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { ErasableStore, ErasedCounts, FeedbackStore, Logger } from '../core/ports.js';
import type { FeedbackEntry } from './feedback-entry.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { toIsoText } from './store-values.js';
import { parseRowOrSkip } from './row-columns.js';
import { isoDateColumnSchema } from './sqlite-columns.js';

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
export class SqliteFeedbackStore implements FeedbackStore, ErasableStore {
  readonly #logger: Logger;
  readonly #record;
  readonly #list;
  readonly #eraseUser;
  readonly #eraseWorkspace;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#logger = logger;
    // Any store may be the first to open the file: each brings the whole history.
    applyMigrations(db, migrations, logger);
    // REPLACE rather than an upsert so the rowid follows the latest vote (used to order ties).
    this.#record = db.prepare<[string, string, string, number, string]>(
      `INSERT OR REPLACE INTO answer_feedback (workspace, user_id, key, helpful, at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.#list = db.prepare<[string]>(
      `SELECT workspace, user_id, key, helpful, at FROM answer_feedback WHERE workspace = ?
       ORDER BY at DESC, rowid DESC`,
    );
    this.#eraseUser = db.prepare<[string, string]>('DELETE FROM answer_feedback WHERE workspace = ? AND user_id = ?');
    this.#eraseWorkspace = db.prepare<[string]>('DELETE FROM answer_feedback WHERE workspace = ?');
  }

  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    const at = toIsoText(entry.at, 'at');
    this.#record.run(entry.workspace, entry.userId, entry.key, entry.helpful ? 1 : 0, at);
  }

  /** Votes recorded in one workspace, most recent first; unreadable rows are logged and left out. */
  async listByWorkspace(workspace: string): Promise<FeedbackEntry[]> {
    const entries: FeedbackEntry[] = [];
    for (const raw of this.#list.all(workspace)) {
      const row = parseRowOrSkip(feedbackRowSchema, raw, { table: 'answer_feedback', what: 'feedback', logger: this.#logger });
      if (row === undefined) continue;
      const { workspace: ws, user_id: userId, key, helpful, at } = row;
      entries.push({ workspace: ws, userId, key, helpful, at });
    }
    return entries;
  }

  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    return { answer_feedback: this.#eraseUser.run(workspace, userId).changes };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return { answer_feedback: this.#eraseWorkspace.run(workspace).changes };
  }
}
