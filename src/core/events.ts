/** Platforms the bot speaks on. The core never branches on these; they only namespace ids. */
export type Platform = 'console' | 'slack' | 'discord';

/**
 * Where an event came from. `workspaceId` is the data boundary: a Slack team, a Discord guild,
 * or the local console. Nothing stored under one workspace is ever shown in another.
 */
export interface Origin {
  platform: Platform;
  workspaceId: string;
  /** The workspace's name (Discord server name), when the adapter knows it; typed to confirm deleting its data. */
  workspaceName?: string;
  /**
   * True when the workspace is this one user's own (their Discord direct messages with the bot):
   * forgetting the user then deletes all of it.
   */
  personal?: boolean;
  channelId: string;
  /** Thread or reply chain inside the channel, when the platform has one. */
  threadId?: string;
  userId: string;
  userName?: string;
  /** True when the platform says the user may administer the workspace (used for reminders). */
  isAdmin?: boolean;
  /** Platform role ids of the user (Discord roles), for role-based permissions. */
  roleIds?: string[];
}

/**
 * A file attached to a message. The adapter knows how to fetch it; the core decides whether to,
 * so a file over the limit is refused without being downloaded.
 */
export interface IncomingFile {
  /** The file name as the user gave it, e.g. `strategy.pdf`. */
  name: string;
  /** Size in bytes as the platform declares it; `undefined` when it says none. */
  size: number | undefined;
  /**
   * Fetches the bytes. Rejects with a `FileTooLargeError` as soon as more than `maxBytes` arrive,
   * and with a `FileUnavailableError` (its message fit for the user) when the platform does not hand it over.
   */
  read(maxBytes: number): Promise<Uint8Array>;
}

/** A user typed something addressed to the bot (mention, direct message, slash command, console line). */
export interface MessageEvent {
  type: 'message';
  origin: Origin;
  text: string;
  /** Files attached to the message, in the order the platform lists them. */
  files?: IncomingFile[];
}

/** A user pressed a button (or typed the number of a choice where the platform has no buttons). */
export interface ChoiceEvent {
  type: 'choice';
  origin: Origin;
  /** The `value` of the chosen {@link Choice}. */
  value: string;
}

/** Everything the core accepts. Adapters build these from platform payloads. */
export type BotEvent = MessageEvent | ChoiceEvent;

/** `slack:T1:C1` style scope of one workspace on one platform: the unit of data separation. */
export const workspaceKey = (origin: Origin): string => `${origin.platform}:${origin.workspaceId}`;

/** Conversation id namespaced by platform, e.g. `slack:T1:C1:1700000000.0001`. */
export const conversationKey = (origin: Origin): string =>
  [origin.platform, origin.workspaceId, origin.channelId, origin.threadId]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(':');
