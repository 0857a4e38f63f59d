import type { types, webApi } from '@slack/bolt';
import { errorMessage } from '../../src/core/errors.js';
import { keptFor } from '../../src/core/kept.js';
import type { Logger } from '../../src/core/ports.js';
import type { ImageAttachment, Reply } from '../../src/core/replies.js';
import { renderReply, type SlackMessage } from './slack-render.js';
import { plainToMrkdwn, truncate } from './slack-text.js';

/** A channel, and the thread inside it when replies belong in one. */
export interface SlackThread {
  channel: string;
  threadTs?: string;
}

/** The apology posted when handling fails, so a user is never left without an answer. */
export const APOLOGY_TEXT = 'Sorry, something went wrong on my side while handling that. Please try again in a moment.';

/** The JSON of frozen blocks (a kept answer's, rendered once), written once. */
const blockTexts = new WeakMap<readonly types.AnyBlock[], string>();

/**
 * Blocks as the JSON text the Web API client sends for them anyway. Given objects, the client also
 * walks and re-serialises them for a debug line it builds whether or not debug is logged; given the
 * text, it sends the same form, byte for byte, without that work.
 */
const blocksText = (blocks: readonly types.AnyBlock[]): string => keptFor(blockTexts, blocks, (made) => JSON.stringify(made));

/** Posts one rendered message; returns its `ts`. */
export const postMessage = async (
  client: webApi.WebClient,
  thread: SlackThread,
  message: SlackMessage,
  broadcast = false,
): Promise<string | undefined> => {
  const base = { channel: thread.channel, text: message.text, blocks: blocksText(message.blocks), unfurl_links: false, unfurl_media: false };
  // `chat.postMessage` is `apiCall('chat.postMessage', …)`; its typed arguments do not take blocks as text.
  const result = await client.apiCall('chat.postMessage', thread.threadTs ? { ...base, thread_ts: thread.threadTs, reply_broadcast: broadcast } : base);
  return 'ts' in result && typeof result.ts === 'string' ? result.ts : undefined;
};

/**
 * Uploads a chart with `files.uploadV2`. Where uploads are not possible (no files:write scope,
 * uploads disabled) the picture's text alternative is posted instead.
 */
export const uploadImage = async (
  client: webApi.WebClient,
  thread: SlackThread,
  image: ImageAttachment,
  logger: Logger,
): Promise<void> => {
  try {
    const file = {
      channel_id: thread.channel,
      file: Buffer.from(image.data),
      filename: image.filename,
      title: truncate(image.alt, 250),
      alt_text: truncate(image.alt, 1000),
    };
    await client.files.uploadV2(thread.threadTs ? { ...file, thread_ts: thread.threadTs } : file);
  } catch (error) {
    logger.warn({ component: 'slack', err: errorMessage(error), channel: thread.channel }, 'image upload failed; posting its text instead');
    const text = `_Chart:_ ${plainToMrkdwn(image.alt)}`;
    await postMessage(client, thread, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }] });
  }
};

/**
 * Posts replies in order. A `summary` is broadcast from the thread to the channel and its chart is
 * uploaded to the channel itself, so everyone sees the result, not only the thread.
 */
export const postReplies = async (
  client: webApi.WebClient,
  thread: SlackThread,
  replies: readonly Reply[],
  logger: Logger,
): Promise<string[]> => {
  const posted: string[] = [];
  for (const reply of replies) {
    const summary = reply.kind === 'summary';
    for (const message of renderReply(reply)) {
      const ts = await postMessage(client, thread, message, summary);
      if (ts) posted.push(ts);
    }
    if (reply.image) await uploadImage(client, summary ? { channel: thread.channel } : thread, reply.image, logger);
  }
  return posted;
};

/** Replaces a message's content (used to advance an assessment in place). */
export const updateMessage = async (
  client: webApi.WebClient,
  target: { channel: string; ts: string },
  message: { text: string; blocks: types.AnyBlock[] },
): Promise<void> => {
  await client.chat.update({ channel: target.channel, ts: target.ts, text: message.text, blocks: message.blocks });
};

/** Best effort: the apology itself failing is only logged, never thrown. */
export const postApology = async (client: webApi.WebClient, thread: SlackThread, logger: Logger, text = APOLOGY_TEXT): Promise<void> => {
  try {
    await postMessage(client, thread, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  } catch (error) {
    logger.error({ component: 'slack', err: errorMessage(error), channel: thread.channel }, 'could not post the apology either');
  }
};
