import type { Origin } from './events.js';
import type { Reply } from './replies.js';

/** Time source; injected so reminders and "since 3 March" are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The subset of pino the project uses; tests pass a silent one. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** One passage an answer used, best first. */
export interface AnswerSource {
  source: string;
  title: string;
  passage: string;
  score: number;
  /** Page of the passage, for paged documents (PDF). */
  page?: number;
}

export interface KnowledgeAnswer {
  question: string;
  /** True when the documents do not answer the question (confidence `none`). */
  noAnswer: boolean;
  /**
   * `high`: the passage answers; `low`: the closest passage, offered as such and cited;
   * `none`: nothing in the documents comes close.
   */
  confidence?: 'high' | 'low' | 'none';
  /** The extracted sentences (or the "no answer" explanation), without the source list. */
  answer: string;
  sources: AnswerSource[];
  /** Topics the knowledge base covers, offered when it has no answer. */
  suggestions: string[];
}

/** What the conversation says about a question beyond its own words. */
export interface AnswerContext {
  /** The question asked just before in the same conversation, for short follow-ups ("and who funds it?"). */
  previous?: string | undefined;
}

/** Question answering over the knowledge base. */
export interface AnswerPort {
  answer(question: string, context?: AnswerContext): KnowledgeAnswer;
  /** A few headline topics the knowledge base covers, for help texts. */
  topics(): string[];
}

/** Records 👍/👎 on answers. */
export interface FeedbackStore {
  recordFeedback(entry: {
    workspace: string;
    userId: string;
    key: string;
    helpful: boolean;
    at: Date;
  }): Promise<void>;
}

/**
 * Assessment capability as the router sees it. Implemented in src/assessment; the router only
 * decides when to call it.
 */
export interface AssessmentPort {
  /** `assess [framework] [for <city>]`. */
  start(origin: Origin, args: string): Promise<Reply[]>;
  /** Input while an assessment is active in this conversation; `undefined` when none is. */
  input(origin: Origin, input: { text: string } | { choice: string }): Promise<Reply[] | undefined>;
  /**
   * True when the user has an assessment in progress (or paused) in this conversation; throws a
   * StorageUnavailableError when the database cannot be reached, since then nobody can tell.
   */
  hasActive(origin: Origin): Promise<boolean>;
  frameworks(origin: Origin): Reply[];
  results(origin: Origin, city: string): Promise<Reply[]>;
  exportCsv(origin: Origin): Promise<Reply[]>;
}

/**
 * Draws charts away from the event loop (worker threads in production), so one chart does not hold
 * up every other conversation. Rejects when a chart cannot be drawn or takes too long.
 */
export interface ChartRenderer {
  render(input: unknown): Promise<Uint8Array>;
}

/** What adapters call: one event in, neutral replies out. Never throws for user input. */
export interface ChatBot {
  handle(event: import('./events.js').BotEvent): Promise<Reply[]>;
}

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

export interface ComponentScore {
  id: string;
  label: string;
  /** 0-100, rounded to one decimal; `null` when every question of the component was skipped. */
  percent: number | null;
  answered: number;
  total: number;
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
  /** Question id -> chosen level value, `null` for skipped. */
  answers: Record<string, number | null>;
}

export interface ResultStore {
  save(result: AssessmentResult): Promise<void>;
  /** Newest first. `city` matches case-insensitively. */
  list(workspace: string, filter?: { city?: string; frameworkId?: string; limit?: number }): Promise<AssessmentResult[]>;
}

/**
 * Keys of deliveries already taken (event ids, signed request keys), shared by every instance of
 * the bot, so a platform's retry that lands on another instance is not handled twice. A key is
 * kept for an hour, far longer than platforms retry.
 */
export interface DedupeStore {
  /** Records the keys; true when none of them was recorded before, so the caller handles the delivery. */
  claim(keys: readonly string[], at: Date): Promise<boolean>;
}

/** Where a proactive message (a reminder) goes: a channel, or a direct message to a user. */
export interface DeliveryTarget {
  platform: import('./events.js').Platform;
  workspaceId: string;
  channelId?: string;
  userId?: string;
}

/** Implemented by each adapter: sends replies that no user event asked for. Throws on delivery failure. */
export interface Notifier {
  deliver(target: DeliveryTarget, replies: Reply[]): Promise<void>;
}

/**
 * Reminder capability as the router sees it: `remind …` / `reminders …` commands.
 * Implemented in src/reminders; scheduling runs there too.
 */
export interface ReminderPort {
  command(origin: Origin, args: string): Promise<Reply[]>;
}
