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
  }): void;
}

/**
 * Assessment capability as the router sees it. Implemented in src/assessment; the router only
 * decides when to call it.
 */
export interface AssessmentPort {
  /** `assess [framework] [for <city>]`. */
  start(origin: Origin, args: string): Reply[];
  /** Input while an assessment is active in this conversation; `undefined` when none is. */
  input(origin: Origin, input: { text: string } | { choice: string }): Reply[] | undefined;
  /** True when the user has an assessment in progress (or paused) in this conversation. */
  hasActive(origin: Origin): boolean;
  frameworks(origin: Origin): Reply[];
  results(origin: Origin, city: string): Reply[];
  exportCsv(origin: Origin): Reply[];
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
}

/** Assessments in progress; survives restarts when backed by SQLite. */
export interface SessionStore {
  get(key: SessionKey): StoredSession | undefined;
  put(key: SessionKey, session: StoredSession): void;
  delete(key: SessionKey): void;
  /** Sessions started but not finished in a workspace (for reminders). */
  listByWorkspace(workspace: string): Array<SessionKey & StoredSession>;
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
  save(result: AssessmentResult): void;
  /** Newest first. `city` matches case-insensitively. */
  list(workspace: string, filter?: { city?: string; frameworkId?: string; limit?: number }): AssessmentResult[];
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
  command(origin: Origin, args: string): Reply[];
}
