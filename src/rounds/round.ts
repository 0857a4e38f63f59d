import type { Platform } from '../core/events.js';
import type { MessageRef } from '../core/ports.js';

/**
 * A city-wide assessment round: many respondents of one workspace answer privately until the
 * deadline, then their answers are collated into one group result. Always read and changed within
 * its `workspace`.
 */
export interface GroupRound {
  /** Short and typeable, e.g. `g7k2m`. */
  id: string;
  /** `workspaceKey(origin)`, e.g. `slack:T1`. */
  workspace: string;
  platform: Platform;
  workspaceId: string;
  /** Where the invitation and the summary are posted. */
  channelId: string;
  frameworkId: string;
  city: string;
  createdBy: string;
  createdAt: Date;
  deadline: Date;
  /** IANA zone the deadline was given in, for showing it. */
  timeZone: string;
  status: 'open' | 'closed';
  closedAt?: Date;
  /** The invitation with its live count, once posted. */
  message?: MessageRef;
  /** The group result saved when the round closed. */
  resultId?: string;
}

/** Identifies one respondent in one round. */
export interface AnswerKey {
  workspace: string;
  roundId: string;
  userId: string;
}

/**
 * One respondent's answers. `state` is the assessment engine's state while they are answering (or
 * paused), `null` otherwise; `submitted` holds their last complete set, which is what counts.
 */
export interface RoundAnswer {
  state: unknown;
  /** `conversationKey` of where the respondent last stepped, so typed answers there find the run. */
  conversation: string;
  submitted: Record<string, number | null> | null;
  updatedAt: Date;
  /** Read back: counts the puts, for optimistic concurrency as with sessions. Ignored when putting. */
  version?: number;
}

/**
 * Rounds and their respondents' answers. Every method names the workspace, so an id from another
 * workspace is not found. `claimClose` is the one guard against closing a round twice and must be
 * atomic across processes sharing the database.
 */
export interface RoundStore {
  /** Adds a round; false (nothing changed) when the id is taken. */
  create(round: GroupRound): Promise<boolean>;
  get(workspace: string, id: string): Promise<GroupRound | undefined>;
  /** Open rounds, oldest deadline first: of one workspace, or of all (for the closer). */
  listOpen(workspace?: string): Promise<GroupRound[]>;
  /** Rounds of a workspace, newest first. */
  listByWorkspace(workspace: string): Promise<GroupRound[]>;
  /** Records where the invitation was posted. */
  setMessage(workspace: string, id: string, message: MessageRef): Promise<void>;
  /** Compare-and-set open -> closed; true only for the one caller that closed it. */
  claimClose(workspace: string, id: string, at: Date, resultId: string): Promise<boolean>;
  getAnswer(key: AnswerKey): Promise<RoundAnswer | undefined>;
  /** Saves; with `expectedVersion`, only if the stored answer still has it (false otherwise, or when gone). */
  putAnswer(key: AnswerKey, answer: RoundAnswer, expectedVersion?: number): Promise<boolean>;
  /** The round whose run (`state` not null) the user last stepped in this conversation, if any. */
  findActive(workspace: string, conversation: string, userId: string): Promise<string | undefined>;
  /** Complete answer sets of a round, for collation; no user ids leave the store this way. */
  listSubmitted(workspace: string, roundId: string): Promise<Array<Record<string, number | null>>>;
  /** How many have a complete set in the round. */
  countSubmitted(workspace: string, roundId: string): Promise<number>;
  /** Removes one person's answers in every round of the workspace (`forget me`); returns how many. */
  deleteByUser(workspace: string, userId: string): Promise<number>;
  /** `forget me`: rounds the user opened stay the workspace's, opened by `anonymous`; returns how many. */
  forgetCreator(workspace: string, userId: string): Promise<number>;
  /** Removes every round and answer of the workspace; returns how many rounds. */
  deleteByWorkspace(workspace: string): Promise<number>;
}
