import type { DedupeStore, FeedbackStore, ResultStore, SessionStore } from '../core/ports.js';
import type { DocumentStore } from '../library/document-store.js';
import type { ReminderStore } from '../reminders/reminder.js';
import type { FeedbackEntry } from './feedback-entry.js';

/** Every store the bot uses, on one database: SQLite (the default) or PostgreSQL (`DATABASE_URL`). */
export interface Stores {
  sessions: SessionStore;
  results: ResultStore;
  feedback: FeedbackStore & { listByWorkspace(workspace: string): Promise<FeedbackEntry[]> };
  reminders: ReminderStore;
  dedupe: DedupeStore;
  /** Documents each workspace added from chat. */
  documents: DocumentStore;
  /** Resolves when the database answers a query; for readiness checks. */
  ping(): Promise<void>;
  /** Closes the database (a pool waits for statements in flight); the stores cannot be used afterwards. */
  close(): void | Promise<void>;
}
