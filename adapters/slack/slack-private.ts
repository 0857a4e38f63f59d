import type { RespondFn, webApi } from '@slack/bolt';
import { errorMessage } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/replies.js';
import type { SlackHandlerContext } from './slack-context.js';
import { slackErrorCode } from './slack-context.js';
import { postMessage, uploadImage } from './slack-post.js';
import {
  appendBlocks, mergeMessages, noteBlock, prependBlocks, renderReply, shareBlock, type SlackMessage,
} from './slack-render.js';
import { shareIdOf, shareValue } from './slack-share.js';
import { SLACK_LIMITS, plainToMrkdwn } from './slack-text.js';

/** Where a private reply goes: the user's view of one channel, through a `response_url`. */
export interface PrivateTarget {
  client: webApi.WebClient;
  respond: RespondFn;
  channelId: string;
  userId: string;
  /** Replace the ephemeral message that was clicked (true), or add new ones (a new command). */
  replace: boolean;
}

/** Shown when the bot may not post in the channel (not a member, archived, a DM between others). */
export const NOT_IN_CHANNEL_NOTE = 'I can’t post in this channel, so only you see this. Invite me with `/invite @Learning City Bot` to post results here.';

/**
 * Posts messages to the channel itself (no thread), with the picture uploaded there. Returns false
 * when the first post is refused, so the caller can keep the content private instead.
 */
export const postToChannel = async (
  context: SlackHandlerContext,
  client: webApi.WebClient,
  channelId: string,
  messages: readonly SlackMessage[],
  image: Reply['image'],
): Promise<boolean> => {
  try {
    for (const message of messages) await postMessage(client, { channel: channelId }, message);
  } catch (error) {
    context.logger.warn({ component: 'slack', err: errorMessage(error), code: slackErrorCode(error), channel: channelId }, 'cannot post in the channel');
    return false;
  }
  if (image) await uploadImage(client, { channel: channelId }, image, context.logger);
  return true;
};

/** One reply as private messages: a share button on shareable ones, the picture as its description. */
const privateMessages = (context: SlackHandlerContext, target: PrivateTarget, reply: Reply, note?: string): readonly SlackMessage[] => {
  let messages = renderReply(reply);
  if (reply.image) messages = appendBlocks(messages, [noteBlock(`_Chart:_ ${plainToMrkdwn(reply.image.alt)}`)], reply.image.alt);
  if (note !== undefined) messages = appendBlocks(messages, [noteBlock(note)], note);
  if (!reply.shareable) return messages;
  const id = context.shares.put({ channelId: target.channelId, userId: target.userId, messages });
  return appendBlocks(messages, [shareBlock(shareValue(id))], 'Share in channel');
};

/** Remembers which private message each share button ended up on, to show it again once shared. */
const noteShown = (context: SlackHandlerContext, message: SlackMessage): void => {
  for (const block of message.blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      const id = element.type === 'button' ? shareIdOf(element.value) : undefined;
      const entry = id === undefined ? undefined : context.shares.get(id);
      if (entry) entry.shown = message;
    }
  }
};

/** Sends messages through the response_url, within its five uses. */
export const respondPrivately = async (context: SlackHandlerContext, target: PrivateTarget, messages: readonly SlackMessage[]): Promise<void> => {
  const merged = mergeMessages(messages);
  const sendable = merged.slice(0, SLACK_LIMITS.responseUrlUses);
  if (merged.length > sendable.length) {
    context.logger.warn({ component: 'slack', messages: merged.length }, 'private reply longer than a response_url allows; the end is left out');
  }
  for (const [index, message] of sendable.entries()) {
    noteShown(context, message);
    await target.respond({
      response_type: 'ephemeral',
      replace_original: target.replace && index === 0,
      text: message.text,
      blocks: message.blocks,
    });
  }
};

/**
 * Replies to a slash command or a click on its private reply. Everything stays private (ephemeral)
 * except assessment summaries, which the product posts to the channel with their chart; where the
 * bot may not post, the summary stays private with a note saying why.
 */
export const replyPrivately = async (context: SlackHandlerContext, target: PrivateTarget, replies: readonly Reply[]): Promise<void> => {
  const messages: SlackMessage[] = [];
  for (const reply of replies) {
    if (reply.kind !== 'summary') {
      messages.push(...privateMessages(context, target, reply));
      continue;
    }
    const attribution = noteBlock(`Self-assessment by <@${target.userId}>`);
    const posted = await postToChannel(context, target.client, target.channelId, prependBlocks(renderReply(reply), [attribution], 'Self-assessment'), reply.image);
    if (posted) {
      const done = '✓ The summary is posted in the channel for everyone.';
      messages.push({ text: done, blocks: [noteBlock(done)] });
    } else {
      messages.push(...privateMessages(context, target, reply, NOT_IN_CHANNEL_NOTE));
    }
  }
  if (messages.length === 0) return;
  try {
    await respondPrivately(context, target, messages);
  } catch (error) {
    context.logger.error({ component: 'slack', err: errorMessage(error), channel: target.channelId }, 'private reply through response_url failed');
  }
};
