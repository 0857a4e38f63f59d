import type { ErasableStore } from './ports.js';

/*
 * The stores behind assessments: sessions in progress and completed results. Asynchronous, as
 * every store port: a store may answer over the network (PostgreSQL).
 */

/** Identifies one user's assessment in one conversation (at most one at a time). */
export interface SessionKey {
  /** `workspaceKey(origin)`, e.g. `slack:T1`. */
  workspace: string;
  /** `conversationKey(origin)`. */
  conversation: string;
  userId: string;
}

/** An assessment in progress as stored; `state` is the engine's JSON, validated when read back. */
export interface StoredSession {
  frameworkId: string;
  city: string;
  state: unknown;
  startedAt: Date;
  updatedAt: Date;
  /**
   * Read back: counts the puts of this session. Several instances may handle clicks on one
   * assessment at the same moment; a put that names the version it read applies only if no other
   * put came first (optimistic concurrency). Ignored when putting.
   */
  version?: number;
}

/**
 * Assessments in progress; survives restarts when backed by a database. Asynchronous, as every
 * store port: a store may answer over the network (PostgreSQL).
 */
export interface SessionStore {
  get(key: SessionKey): Promise<StoredSession | undefined>;
  /**
   * Saves the session. With `expectedVersion`, only if the stored session still has that version:
   * false (nothing changed) when another put came first or the session is gone.
   */
  put(key: SessionKey, session: StoredSession, expectedVersion?: number): Promise<boolean>;
  /** Removes the session; with `expectedVersion`, only if it still has that version. True when removed. */
  delete(key: SessionKey, expectedVersion?: number): Promise<boolean>;
  /** Sessions started but not finished in a workspace (for reminders). */
  listByWorkspace(workspace: string): Promise<Array<SessionKey & StoredSession>>;
}

/** A session store that can also forget: what the stores behind the bot implement. */
export interface ErasableSessionStore extends SessionStore, ErasableStore {
  /** Deletes sessions (in every workspace) last updated before `before`; returns how many. */
  eraseUntouchedSince(before: Date): Promise<number>;
}

export interface ComponentScore {
  id: string;
  label: string;
  /** 0-100, rounded to one decimal; `null` when every question of the component was skipped. */
  percent: number | null;
  /** Questions answered; in a group result, respondents who scored the area. */
  answered: number;
  /** Questions of the area; in a group result, every respondent. */
  total: number;
  /** Group results only: how respondents' scores for the area spread around the median. */
  spread?: AreaSpread;
}

/**
 * How partners' views of one area spread, in scale levels (each respondent's mean level over the
 * area's questions they answered). `agreement` is the share (0-1) within one level of the median.
 */
export interface AreaSpread {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  agreement: number;
}

/** A completed assessment as kept for progress over time. */
export interface AssessmentResult {
  id: string;
  /** `workspaceKey(origin)`: results are only ever read back within the same workspace. */
  workspace: string;
  platform: string;
  channelId: string;
  userId: string;
  city: string;
  frameworkId: string;
  completedAt: Date;
  /** 0-100; `null` when everything was skipped. */
  overallPercent: number | null;
  components: ComponentScore[];
  /** Question id -> chosen level value, `null` for skipped; empty for a group result (no personal answers). */
  answers: Record<string, number | null>;
  /** `group`: collated from a city-wide round (see `respondents` and each area's `spread`). Default `individual`. */
  kind?: 'individual' | 'group';
  /** Group results: how many people answered. */
  respondents?: number;
}

export interface ResultStore {
  save(result: AssessmentResult): Promise<void>;
  /** Newest first. `city` matches case-insensitively. */
  list(workspace: string, filter?: { city?: string; frameworkId?: string; limit?: number }): Promise<AssessmentResult[]>;
}
