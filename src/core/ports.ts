import type { IncomingFile, Origin } from './events.js';
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
  /** Whether lines at `level` are written; lets callers skip formatting lines that would be dropped. */
  isLevelEnabled?(level: string): boolean;
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
  /**
   * The sentences of the first source that the answer did not quote, in their order (parts apart
   * separated by a blank line): what `more` shows first. Absent when the answer quoted them all.
   */
  unquoted?: string;
  /**
   * The question before, when this one was read as a follow-up to it and kept its subject ("and who
   * funds it?"): a follow-up to this one is read with it too ("when was it set up?").
   */
  leansOn?: string;
}

/** What the conversation says about a question beyond its own words. */
export interface AnswerContext {
  /** The question asked just before in the same conversation, for short follow-ups ("and who funds it?"). */
  previous?: string | undefined;
  /** `workspaceKey(origin)`: the documents this workspace added are searched beside the shared ones. */
  workspace?: string | undefined;
  /** Texts of passages already shown for this question (`more`): the answer comes from the next ones. */
  shown?: readonly string[] | undefined;
}

/** Question answering over the knowledge base. */
export interface AnswerPort {
  answer(question: string, context?: AnswerContext): KnowledgeAnswer;
  /** A few headline topics the knowledge base covers, for help texts. */
  topics(): string[];
  /**
   * Makes the workspace's own documents ready for `answer` (read again when they changed, on any
   * instance). Never rejects: when they cannot be read, answers come from what is at hand.
   */
  prepare?(workspace: string): Promise<void>;
}

/**
 * Documents a workspace adds from chat (`add document`, `documents`, `remove document <name>`).
 * Implemented in src/library; the router only decides when to call it.
 */
export interface DocumentPort {
  /** Adds the attached files to the workspace's documents, or says why not, file by file. */
  add(origin: Origin, files: readonly IncomingFile[]): Promise<Reply[]>;
  list(origin: Origin): Promise<Reply[]>;
  /** Asks for confirmation before removing. */
  remove(origin: Origin, name: string): Promise<Reply[]>;
  /** A press of one of this port's buttons; `undefined` when `value` is not one of them. */
  choose(origin: Origin, value: string): Promise<Reply[] | undefined>;
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
 * Rows deleted (or stripped of a user id) per table, e.g. `{ assessment_sessions: 2 }`. Only counts:
 * what a log line about an erasure may say.
 */
export type ErasedCounts = Record<string, number>;

/** Put in place of a user id in results kept for the city after that user asked to be forgotten. */
export const ANONYMOUS_USER_ID = 'anonymous';

/**
 * A store holding data about a workspace and its people. `forget me`, `delete workspace data` and
 * the retention job reach every such store through this, so a new store is one line in their list.
 */
export interface ErasableStore {
  /**
   * Deletes what is the user's own in the workspace, and replaces their id with
   * {@link ANONYMOUS_USER_ID} in what is kept for the workspace (completed results).
   */
  eraseUser(workspace: string, userId: string): Promise<ErasedCounts>;
  /** Deletes everything the store keeps for the workspace. */
  eraseWorkspace(workspace: string): Promise<ErasedCounts>;
}

/**
 * Told by adapters when the bot is removed from a workspace (Slack uninstall, Discord server kick)
 * and when it comes back. `workspace` is `workspaceKey(origin)`, e.g. `discord:G1`. While removed,
 * nothing is sent there; after the grace period its data is deleted.
 */
export interface WorkspaceLifecycle {
  removed(workspace: string, at: Date): Promise<void>;
  returned(workspace: string): Promise<void>;
  /**
   * A connection's whole list of the workspaces the bot is in, as the platform gave it when the bot
   * connected: each is back (if it was removed), and each workspace seen before that `covers` says
   * this connection would list, but that is missing, was left while the bot was offline.
   */
  connected(present: readonly string[], covers: (workspace: string) => boolean, at: Date): Promise<void>;
}

/**
 * Data-protection commands as the router sees them. Implemented in src/privacy.
 */
export interface PrivacyPort {
  /** `forget me`: asks for confirmation. */
  forgetMe(origin: Origin): Reply[];
  /** `delete workspace data`: admins are asked to type the workspace's name or id; others refused. */
  deleteWorkspace(origin: Origin): Reply[];
  /** `delete <name or id>`: the typed confirmation. */
  confirmDeleteWorkspace(origin: Origin, typed: string): Promise<Reply[]>;
  /** A privacy button (`privacy:…`); `undefined` when the value is not one. */
  choose(origin: Origin, value: string): Promise<Reply[] | undefined>;
  /** Files of everything stored about the workspace besides results (sessions, reminders, feedback). */
  exportRest(origin: Origin): Promise<Reply[]>;
}

/**
 * Answers a question the way the conversation does, `more` and follow-ups included, asked during an
 * assessment started at `since`: they go on only from questions asked since then.
 */
export type AskQuestion = (question: string, since: Date) => Promise<Reply[]>;

/**
 * Assessment capability as the router sees it. Implemented in src/assessment; the router only
 * decides when to call it.
 */
export interface AssessmentPort {
  /** `assess [framework] [for <city>]`. */
  start(origin: Origin, args: string): Promise<Reply[]>;
  /**
   * Input while an assessment is active in this conversation; `undefined` when none is. `ask`
   * answers a question asked in the middle of it as the conversation answers any question (so that
   * `more` and follow-ups carry on from it); without it the service answers from its own port.
   */
  input(origin: Origin, input: { text: string } | { choice: string }, ask?: AskQuestion): Promise<Reply[] | undefined>;
  /**
   * True when the user has an assessment in progress (or paused) in this conversation; throws a
   * StorageUnavailableError when the database cannot be reached, since then nobody can tell.
   */
  hasActive(origin: Origin): Promise<boolean>;
  /**
   * That assessment in one read: none, paused, or under way (a framework or city being chosen
   * counts); typed input is then its, before a city-wide round's. Without it, every active one
   * counts as under way. Throws as `hasActive` does.
   */
  ownState?(origin: Origin): Promise<'none' | 'paused' | 'running'>;
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
  /** What is sent, for adapters that label proactive messages (the console); a reminder unless said. */
  purpose?: 'reminder' | 'round';
}

/** A message the bot posted earlier, to change it later (a live count). Opaque to the core. */
export interface MessageRef {
  platform: import('./events.js').Platform;
  workspaceId: string;
  channelId: string;
  /** Slack `ts`, Discord message id, the console's running number. */
  messageId: string;
}

/** Implemented by each adapter: sends replies that no user event asked for. Throws on delivery failure. */
export interface Notifier {
  deliver(target: DeliveryTarget, replies: Reply[]): Promise<void>;
  /** Posts one reply to a channel and returns where it went, so it can be {@link update}d. */
  post?(target: DeliveryTarget, reply: Reply): Promise<MessageRef>;
  /** Replaces the content of a message posted with {@link post}. */
  update?(ref: MessageRef, reply: Reply): Promise<void>;
}

/**
 * City-wide rounds as the router sees it: `assess … as a group`, `close round`, and the `group:*`
 * buttons of the round's invitation and of each respondent's private steps.
 */
export interface GroupRoundPort {
  start(origin: Origin, args: string): Promise<Reply[]>;
  close(origin: Origin, args: string): Promise<Reply[]>;
  /** `take part [id]`: the Take part button typed, for the open round in this channel (or the one named). */
  join(origin: Origin, args: string): Promise<Reply[]>;
  /** Typed text that answers the user's run in a round in this conversation; `undefined` when it does not. */
  input(origin: Origin, text: string): Promise<Reply[] | undefined>;
  /** A `group:*` button; `undefined` for any other value. */
  choose(origin: Origin, value: string): Promise<Reply[] | undefined>;
}

/**
 * Reminder capability as the router sees it: `remind …` / `reminders …` commands.
 * Implemented in src/reminders; scheduling runs there too.
 */
export interface ReminderPort {
  command(origin: Origin, args: string): Promise<Reply[]>;
}

/**
 * An app installation in a workspace, as an OAuth flow hands it over: `data` is what may be kept in
 * plain form (ids, names, scopes), `secrets` the tokens, which the store keeps encrypted.
 */
export interface StoredInstallation {
  /** `platform:id`, e.g. `slack:T1` (one workspace) or `slack:E1` (an organisation-wide install). */
  workspace: string;
  /** `''` for the workspace's latest installation; otherwise the installing user's own record. */
  userId: string;
  data: unknown;
  secrets: Record<string, string>;
  installedAt: Date;
}

/** Installations with their tokens, encrypted at rest. */
export interface InstallationStore {
  /** Saves the installation, replacing the one with the same workspace and user. */
  put(installation: StoredInstallation): Promise<void>;
  get(workspace: string, userId: string): Promise<StoredInstallation | undefined>;
  /** Removes the workspace's installations (only that user's record when given); how many went. */
  delete(workspace: string, userId?: string): Promise<number>;
  /** Ids of keys that stored tokens were encrypted with and that no configured key matches. */
  unknownKeyIds(): Promise<string[]>;
  /** Re-encrypts tokens still under an older key with the current one; how many were. */
  rekey(): Promise<number>;
}
