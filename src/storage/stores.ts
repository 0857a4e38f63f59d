import type { DedupeStore, FeedbackStore, ResultStore, SessionStore } from '../core/ports.js';
import type { ReminderStore } from '../reminders/reminder.js';
import type { RoundStore } from '../rounds/round.js';
import type { FeedbackEntry } from './feedback-entry.js';

/** Every store the bot uses, on one database: SQLite (the default) or PostgreSQL (`DATABASE_URL`). */
export interface Stores {
  sessions: SessionStore;
  results: ResultStore;
  feedback: FeedbackStore & { listByWorkspace(workspace: string): Promise<FeedbackEntry[]> };
  reminders: ReminderStore;
  dedupe: DedupeStore;
  /** City-wide rounds and their respondents' answers. */
  rounds: RoundStore;
  /** Resolves when the database answers a query; for readiness checks. */
  ping(): Promise<void>;
  /** Closes the database (a pool waits for statements in flight); the stores cannot be used afterwards. */
  close(): void | Promise<void>;
}
