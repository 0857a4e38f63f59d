import { z } from 'zod';
import type { webApi } from '@slack/bolt';
import type { Origin } from '../../src/core/events.js';
import type { ChatBot, Logger } from '../../src/core/ports.js';
import type { DeliveryDedupe } from './slack-dedupe.js';
import type { ShareStore } from './slack-share.js';
import type { SlackUsers } from './slack-users.js';

/** What the Slack listeners share. Built once in `createSlackApp`. */
export interface SlackHandlerContext {
  bot: ChatBot;
  logger: Logger;
  /** Adds the user's name and admin flag to origins; absent when lookups are switched off. */
  users: SlackUsers | undefined;
  /** Event ids, message timestamps and request keys already taken, by any instance. */
  recent: DeliveryDedupe;
  /** Private replies that offer a "Share in channel" button. */
  shares: ShareStore;
  /**
   * Starts work that continues after the ack and registers it, so `stop()` (and tests) can wait
   * for it. Listeners return without waiting: the HTTP response is sent when they return.
   */
  track: (work: () => Promise<void>) => void;
  /** The slash command, e.g. `/learningcity`. */
  command: string;
}

/** The origin with what `users.info` (asked with the event's own client) says about the user, when lookups are on. */
export const withUser = async (context: SlackHandlerContext, client: webApi.WebClient, origin: Origin): Promise<Origin> => {
  if (!context.users) return origin;
  const info = await context.users.lookup(client, origin.workspaceId, origin.userId);
  return {
    ...origin,
    ...(info.userName !== undefined && origin.userName === undefined ? { userName: info.userName } : {}),
    ...(info.isAdmin !== undefined ? { isAdmin: info.isAdmin } : {}),
  };
};

const platformErrorSchema = z.object({ data: z.object({ error: z.string() }) });

/** The Web API's error code (`not_in_channel`, `ratelimited`, …) of a thrown call, if it has one. */
export const slackErrorCode = (error: unknown): string | undefined => {
  const parsed = platformErrorSchema.safeParse(error);
  return parsed.success ? parsed.data.data.error : undefined;
};

const requestKeySchema = z.object({ requestKey: z.string().min(1) });

/**
 * The signed request's key (signature timestamp + body hash) that the HTTP receiver put into Bolt's
 * context; absent in Socket Mode.
 */
export const requestKeyOf = (boltContext: unknown): string | undefined => {
  const parsed = requestKeySchema.safeParse(boltContext);
  return parsed.success ? `request:${parsed.data.requestKey}` : undefined;
};
