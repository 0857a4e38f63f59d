import type { DedupeStore, ErasableStore, FeedbackStore, InstallationStore } from '../core/ports.js';
import type { ErasableSessionStore, ResultStore } from '../core/assessment-store.js';
import type { DocumentStore } from '../library/document-store.js';
import type { WorkspaceStatusStore } from '../privacy/workspace-status.js';
import type { ReminderStore } from '../reminders/reminder.js';
import type { RoundStore } from '../rounds/round.js';
import type { FeedbackEntry } from './feedback-entry.js';

/** Every store the bot uses, on one database: SQLite (the default) or PostgreSQL (`DATABASE_URL`). */
export interface Stores {
  sessions: ErasableSessionStore;
  results: ResultStore & ErasableStore;
  feedback: FeedbackStore & ErasableStore & { listByWorkspace(workspace: string): Promise<FeedbackEntry[]> };
  reminders: ReminderStore & ErasableStore;
  dedupe: DedupeStore;
  /** OAuth installations and their tokens, encrypted (needs TOKEN_ENCRYPTION_KEY to store or read tokens). */
  installations: InstallationStore;
  /** Workspaces the bot was removed from. */
  workspaceStatus: WorkspaceStatusStore;
  /** Documents each workspace added from chat. */
  documents: DocumentStore;
  /** City-wide rounds and their respondents' answers. */
  rounds: RoundStore;
  /** Resolves when the database answers a query; for readiness checks. */
  ping(): Promise<void>;
  /** Closes the database (a pool waits for statements in flight); the stores cannot be used afterwards. */
  close(): void | Promise<void>;
}

/**
 * Every store holding data about a workspace or its people: what `forget me`, `delete workspace
 * data` and the retention job go through. A new store of that kind is one more line here.
 */
export const erasableStores = (stores: Stores): ErasableStore[] => [
  stores.sessions,
  stores.results,
  stores.feedback,
  stores.reminders,
  {
    // A person's answers to rounds go; rounds they opened stay, without their id.
    eraseUser: async (workspace, userId) => ({
      group_answers: await stores.rounds.deleteByUser(workspace, userId),
      group_rounds_opened: await stores.rounds.forgetCreator(workspace, userId),
    }),
    eraseWorkspace: async (workspace) => ({ group_rounds: await stores.rounds.deleteByWorkspace(workspace) }),
  },
  {
    // That the bot is in the workspace is bookkeeping, not counted: the next connection records it again.
    eraseUser: async () => ({}),
    eraseWorkspace: async (workspace) => {
      await stores.workspaceStatus.forgetPresent(workspace);
      return {};
    },
  },
  {
    // Documents belong to the workspace: `forget me` keeps them without the adder's id.
    eraseUser: async (workspace, userId) => ({ workspace_documents: await stores.documents.forgetAdder(workspace, `${workspace}:${userId}`) }),
    eraseWorkspace: async (workspace) => ({ workspace_documents: await stores.documents.deleteByWorkspace(workspace) }),
  },
];
