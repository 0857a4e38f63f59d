import { ANONYMOUS_USER_ID } from '../core/ports.js';
import type { ErasableStore, ErasedCounts, FeedbackStore } from '../core/ports.js';
import type { AssessmentResult, ErasableSessionStore, ResultStore, SessionKey, StoredSession } from '../core/assessment-store.js';
import { cityKey, normaliseLimit, toIsoText, toJsonText } from './store-values.js';
import type { FeedbackEntry } from './feedback-entry.js';
import type { RemovedWorkspace, WorkspaceStatusStore } from '../privacy/workspace-status.js';

// Values are cloned on the way in and out so a caller mutating an object it passed or received
// cannot change what is stored, matching what a database gives.
const copy = <T>(value: T): T => structuredClone(value);

const sessionId = (key: SessionKey): string =>
  JSON.stringify([key.workspace, key.conversation, key.userId]);

/** A session as held: `state` kept as JSON text, as SQLite keeps it, so both read back the same. */
type HeldSession = SessionKey & Omit<StoredSession, 'state' | 'version'> & { state: string; version: number };

const release = (row: HeldSession): SessionKey & StoredSession & { version: number } => ({
  ...copy(row),
  state: JSON.parse(row.state) as unknown,
});

/** {@link SessionStore} kept in memory; for tests and the console. Lost on restart. */
export class MemorySessionStore implements ErasableSessionStore {
  readonly #rows = new Map<string, HeldSession>();

  async get(key: SessionKey): Promise<StoredSession | undefined> {
    const row = this.#rows.get(sessionId(key));
    if (row === undefined) return undefined;
    const { frameworkId, city, state, startedAt, updatedAt, version } = release(row);
    return { frameworkId, city, state, startedAt, updatedAt, version };
  }

  async put(key: SessionKey, session: StoredSession, expectedVersion?: number): Promise<boolean> {
    const state = toJsonText(session.state, 'the assessment state');
    toIsoText(session.startedAt, 'startedAt');
    toIsoText(session.updatedAt, 'updatedAt');
    const held = this.#rows.get(sessionId(key));
    if (expectedVersion !== undefined && held?.version !== expectedVersion) return false;
    this.#rows.set(sessionId(key), {
      version: (held?.version ?? 0) + 1,
      workspace: key.workspace,
      conversation: key.conversation,
      userId: key.userId,
      frameworkId: session.frameworkId,
      city: session.city,
      state,
      startedAt: new Date(session.startedAt),
      updatedAt: new Date(session.updatedAt),
    });
    return true;
  }

  async delete(key: SessionKey, expectedVersion?: number): Promise<boolean> {
    const held = this.#rows.get(sessionId(key));
    if (held === undefined || (expectedVersion !== undefined && held.version !== expectedVersion)) return false;
    return this.#rows.delete(sessionId(key));
  }

  /** Most recently updated first. */
  async listByWorkspace(workspace: string): Promise<Array<SessionKey & StoredSession>> {
    return [...this.#rows.values()]
      .filter((row) => row.workspace === workspace)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .map(release);
  }

  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    return { assessment_sessions: this.#deleteWhere((row) => row.workspace === workspace && row.userId === userId) };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return { assessment_sessions: this.#deleteWhere((row) => row.workspace === workspace) };
  }

  async eraseUntouchedSince(before: Date): Promise<number> {
    toIsoText(before, 'before');
    return this.#deleteWhere((row) => row.updatedAt.getTime() < before.getTime());
  }

  #deleteWhere(test: (row: HeldSession) => boolean): number {
    return deleteWhere(this.#rows, test);
  }
}

/** Deletes the entries that pass `test`; returns how many. */
const deleteWhere = <T>(rows: Map<string, T>, test: (row: T) => boolean): number => {
  let count = 0;
  for (const [id, row] of rows) if (test(row) && rows.delete(id)) count += 1;
  return count;
};

/**
 * {@link ResultStore} kept in memory. A result is identified by (workspace, id); saving the same
 * pair again replaces it.
 */
export class MemoryResultStore implements ResultStore, ErasableStore {
  readonly #rows = new Map<string, { seq: number; result: AssessmentResult }>();
  #seq = 0;

  async save(result: AssessmentResult): Promise<void> {
    toIsoText(result.completedAt, 'completedAt');
    const id = JSON.stringify([result.workspace, result.id]);
    this.#seq += 1;
    this.#rows.set(id, { seq: this.#seq, result: copy(result) });
  }

  async list(
    workspace: string,
    filter: { city?: string; frameworkId?: string; limit?: number } = {},
  ): Promise<AssessmentResult[]> {
    const city = filter.city === undefined ? undefined : cityKey(filter.city);
    const limit = normaliseLimit(filter.limit);
    const matches = [...this.#rows.values()]
      .filter(
        ({ result }) =>
          result.workspace === workspace &&
          (city === undefined || cityKey(result.city) === city) &&
          (filter.frameworkId === undefined || result.frameworkId === filter.frameworkId),
      )
      // Newest first; results completed at the same instant come latest-saved first.
      .sort((a, b) => b.result.completedAt.getTime() - a.result.completedAt.getTime() || b.seq - a.seq)
      .map(({ result }) => copy(result));
    return limit === undefined ? matches : matches.slice(0, limit);
  }

  /** Results stay for the city; only the user's id goes. */
  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    let count = 0;
    for (const { result } of this.#rows.values()) {
      if (result.workspace !== workspace || result.userId !== userId) continue;
      result.userId = ANONYMOUS_USER_ID;
      count += 1;
    }
    return { assessment_results: count };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return { assessment_results: deleteWhere(this.#rows, ({ result }) => result.workspace === workspace) };
  }
}

/** {@link FeedbackStore} kept in memory. One vote per user per answer key; the latest wins. */
export class MemoryFeedbackStore implements FeedbackStore, ErasableStore {
  readonly #rows = new Map<string, FeedbackEntry>();

  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    toIsoText(entry.at, 'at');
    const id = JSON.stringify([entry.workspace, entry.userId, entry.key]);
    // Delete first so the map's insertion order reflects the latest vote.
    this.#rows.delete(id);
    this.#rows.set(id, copy(entry));
  }

  /** Votes recorded in one workspace, most recent first. */
  async listByWorkspace(workspace: string): Promise<FeedbackEntry[]> {
    return [...this.#rows.values()]
      .filter((row) => row.workspace === workspace)
      .reverse()
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map(copy);
  }

  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    return { answer_feedback: deleteWhere(this.#rows, (row) => row.workspace === workspace && row.userId === userId) };
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return { answer_feedback: deleteWhere(this.#rows, (row) => row.workspace === workspace) };
  }
}

/** {@link WorkspaceStatusStore} kept in memory. */
export class MemoryWorkspaceStatusStore implements WorkspaceStatusStore {
  readonly #rows = new Map<string, { removedAt: Date; erasingSince?: Date }>();

  async markRemoved(workspace: string, at: Date): Promise<void> {
    toIsoText(at, 'at');
    if (!this.#rows.has(workspace)) this.#rows.set(workspace, { removedAt: new Date(at) });
  }

  async claimErasure(workspace: string, removedBefore: Date, at: Date, staleBefore: Date): Promise<boolean> {
    for (const [date, name] of [[removedBefore, 'removedBefore'], [at, 'at'], [staleBefore, 'staleBefore']] as const) toIsoText(date, name);
    const row = this.#rows.get(workspace);
    if (row === undefined || row.removedAt > removedBefore) return false;
    if (row.erasingSince !== undefined && row.erasingSince >= staleBefore) return false;
    row.erasingSince = new Date(at);
    return true;
  }

  async clearRemoved(workspace: string): Promise<boolean> {
    return this.#rows.delete(workspace);
  }

  async listRemoved(): Promise<RemovedWorkspace[]> {
    return [...this.#rows]
      .map(([workspace, row]) => ({ workspace, removedAt: new Date(row.removedAt) }))
      .sort((a, b) => a.removedAt.getTime() - b.removedAt.getTime() || (a.workspace < b.workspace ? -1 : 1));
  }

  readonly #present = new Map<string, Date>();

  async markPresent(workspaces: readonly string[], at: Date): Promise<void> {
    toIsoText(at, 'at');
    for (const workspace of workspaces) this.#present.set(workspace, new Date(at));
  }

  async listPresent(): Promise<string[]> {
    return [...this.#present.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async forgetPresent(workspace: string): Promise<void> {
    this.#present.delete(workspace);
  }
}
