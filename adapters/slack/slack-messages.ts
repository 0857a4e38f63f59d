import type { App } from '@slack/bolt';
import { STORAGE_UNAVAILABLE_TEXT } from '../../src/core/bot.js';
import { StorageUnavailableError, errorMessage } from '../../src/core/errors.js';
import { postApology, postReplies } from './slack-post.js';
import { renderReply } from './slack-render.js';
import {
  appMentionEventSchema,
  describeIssues,
  directMessageEventSchema,
  eventEnvelopeSchema,
  questionOrigin,
} from './slack-payloads.js';
import { withUser, type SlackHandlerContext } from './slack-context.js';
import type { SlackListeners } from './slack-listeners.js';
import type { IncomingFile } from '../../src/core/events.js';
import { slackFilesOf } from './slack-files.js';
import { fromSlackText } from './slack-text.js';

interface Question {
  teamId: string;
  eventId: string | undefined;
  channel: string;
  user: string;
  ts: string;
  thread_ts?: string | undefined;
  text: string;
  /** Files shared with the message, fetched only if the core asks. */
  files: IncomingFile[];
}

/** Answers one question in its thread; any failure becomes an apology in that thread. */
const answer = async (context: SlackHandlerContext, client: App['client'], question: Question): Promise<void> => {
  const { logger } = context;
  const origin = await withUser(context, client, questionOrigin(question.teamId, question));
  const thread = { channel: question.channel, ...(origin.threadId ? { threadTs: origin.threadId } : {}) };
  try {
    const files = question.files.length > 0 ? { files: question.files } : {};
    const replies = await context.bot.handle({ type: 'message', origin, text: question.text, ...files });
    // A respondent's own step (an answer typed to a round) is for them alone, also in a channel.
    const mine = replies.filter((reply) => reply.private === true);
    for (const reply of mine) {
      for (const message of renderReply(reply)) {
        await client.chat.postEphemeral({ channel: question.channel, user: question.user, text: message.text, blocks: message.blocks, ...(thread.threadTs ? { thread_ts: thread.threadTs } : {}) });
      }
    }
    await postReplies(client, thread, replies.filter((reply) => reply.private !== true), logger);
  } catch (error) {
    logger.error({ component: 'slack', err: errorMessage(error), channel: question.channel }, 'answering a message failed');
    await postApology(client, thread, logger);
  }
};

/**
 * Takes the event before it is acknowledged, then answers it after the ack. One message may arrive
 * as several events (a retry, or app_mention plus message.im in a DM); only the first is answered.
 * When the database cannot be reached nothing can be taken or saved: the first delivery gets a
 * "cannot save just now" note, and the error is thrown so the receiver answers 503 and Slack
 * redelivers the event later (the note is not repeated for redeliveries).
 */
const take = async (context: SlackHandlerContext, client: App['client'], question: Question, retryNum: unknown): Promise<void> => {
  const { logger } = context;
  try {
    if (await context.recent.take(question.eventId && `event:${question.eventId}`, `message:${question.teamId}:${question.channel}:${question.ts}`)) {
      logger.info({ component: 'slack', eventId: question.eventId, channel: question.channel }, 'duplicate event skipped');
      return;
    }
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    logger.warn({ component: 'slack', eventId: question.eventId, err: error.message }, 'database unreachable; event left for Slack to redeliver');
    // HTTP sends no retry number with a first delivery; Socket Mode sends `retry_attempt: 0`.
    if (retryNum === undefined || retryNum === 0) {
      const thread = { channel: question.channel, threadTs: question.thread_ts ?? question.ts };
      context.track(() => postApology(client, thread, logger, STORAGE_UNAVAILABLE_TEXT));
    }
    throw error;
  }
  context.track(() => answer(context, client, question));
};

/**
 * Mentions in channels and messages in the bot's DMs become `message` events. A retry
 * (`X-Slack-Retry-Num`) is handled like any delivery: after `connection_failed` or `http_error` the
 * first attempt never arrived, so only the event id tells whether it was answered already.
 */
export const registerMessageHandlers = (listeners: SlackListeners, context: SlackHandlerContext): void => {
  const { logger } = context;

  listeners.event('app_mention', async ({ body, event, context: boltContext, client }) => {
    const envelope = eventEnvelopeSchema.safeParse(body);
    const parsed = appMentionEventSchema.safeParse(event);
    if (!envelope.success || !parsed.success) {
      const issues = !envelope.success ? describeIssues(envelope.error) : parsed.success ? '' : describeIssues(parsed.error);
      logger.warn({ component: 'slack', issues }, 'app_mention payload not understood; skipped');
      return;
    }
    const mention = parsed.data;
    if (mention.bot_id !== undefined || mention.subtype !== undefined || mention.edited !== undefined) return;
    await take(context, client, {
      teamId: envelope.data.team_id,
      eventId: envelope.data.event_id,
      channel: mention.channel,
      user: mention.user,
      ts: mention.ts,
      thread_ts: mention.thread_ts,
      text: fromSlackText(mention.text, boltContext.botUserId),
      // The token of the workspace the event came from: the only one Slack hands its files to.
      files: slackFilesOf(mention.files, boltContext.botToken),
    }, boltContext.retryNum);
  });

  listeners.event('message', async ({ body, event, context: boltContext, client }) => {
    const envelope = eventEnvelopeSchema.safeParse(body);
    const parsed = directMessageEventSchema.safeParse(event);
    if (!envelope.success || !parsed.success) {
      logger.debug({ component: 'slack' }, 'message event not understood; skipped');
      return;
    }
    const message = parsed.data;
    // Only people's own new messages in DMs (files shared there included): not bots, edits, joins or other subtypes.
    if (message.channel_type !== 'im') return;
    if ((message.subtype !== undefined && message.subtype !== 'file_share') || message.bot_id !== undefined || message.edited !== undefined) return;
    if (message.user === undefined || message.user === boltContext.botUserId) return;
    if (message.text === undefined && message.files === undefined) return;
    const user = message.user;
    const text = message.text ?? '';
    await take(context, client, {
      teamId: envelope.data.team_id,
      eventId: envelope.data.event_id,
      channel: message.channel,
      user,
      ts: message.ts,
      thread_ts: message.thread_ts,
      text: fromSlackText(text, boltContext.botUserId),
      files: slackFilesOf(message.files, boltContext.botToken),
    }, boltContext.retryNum);
  });
};
