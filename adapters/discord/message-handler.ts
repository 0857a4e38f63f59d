import type { Message, MessageCreateOptions } from 'discord.js';
import { errorMessage } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/replies.js';
import type { ChatBot, Logger } from '../../src/core/ports.js';
import { filesOfMessage } from './discord-files.js';
import { originFromMessage } from './origin.js';
import { renderReplies, type DiscordMessagePayload } from './render.js';

/** What the inbound handlers need from the rest of the app. */
export interface HandlerDeps {
  bot: ChatBot;
  logger: Logger;
  /** How long the core may take before an interaction is acknowledged (deferred); default 2 s. */
  ackWithinMs?: number;
}

/** Shown when answering failed; details go to the log, not to the channel. */
export const FAILURE_TEXT = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** The text addressed to the bot, or `undefined` when the message is not for it. */
export const addressedText = (message: Message, botUserId: string): string | undefined => {
  if (message.author.bot || message.system || message.webhookId !== null) return undefined;
  if (message.inGuild() && !message.mentions.users.has(botUserId)) return undefined;
  // Every mention of the bot goes, not only a leading one: "thanks <@bot>, and what about ...".
  return message.content.replace(new RegExp(`<@!?${botUserId}>`, 'gu'), ' ').replace(/\s+/gu, ' ').trim();
};

const replyOptions = (payload: DiscordMessagePayload, first: boolean, message: Message): MessageCreateOptions =>
  first ? { ...payload, reply: { messageReference: message.id, failIfNotExists: false } } : payload;

/** Shown in the channel when a private step could not reach the person's direct messages. */
export const PRIVATE_FAILED_TEXT = 'I could not answer you privately (your direct messages may be closed): please use the buttons of your private step instead.';

/**
 * A respondent's own step typed in a channel (an answer to a round): Discord has no ephemeral reply to
 * a message, so it goes to their direct messages; the channel sees only a note when that fails.
 */
const sendPrivately = async (message: Message, replies: Reply[], deps: HandlerDeps): Promise<void> => {
  try {
    const dm = await message.author.createDM();
    for (const payload of renderReplies(replies)) await dm.send(payload);
  } catch (error) {
    deps.logger.warn({ err: errorMessage(error), channelId: message.channelId }, 'private reply not delivered by direct message');
    if (message.channel.isSendable()) await message.channel.send({ content: PRIVATE_FAILED_TEXT, allowedMentions: { parse: [] } });
  }
};

/**
 * Answers an @mention in a guild channel or any direct message: the first message of the answer
 * replies to the question, the rest follow in the channel. A failure is logged and, when the
 * channel still accepts messages, answered with a short apology.
 */
export const handleMessage = async (message: Message, botUserId: string, deps: HandlerDeps): Promise<void> => {
  const text = addressedText(message, botUserId);
  if (text === undefined) return;
  const channel = message.channel;
  if (!channel.isSendable()) return;
  const origin = originFromMessage(message);
  try {
    const files = filesOfMessage(message);
    const replies: Reply[] = await deps.bot.handle({ type: 'message', origin, text, ...(files.length > 0 ? { files } : {}) });
    if (message.inGuild() && replies.some((reply) => reply.private === true)) {
      await sendPrivately(message, replies.filter((reply) => reply.private === true), deps);
    }
    const payloads = renderReplies(message.inGuild() ? replies.filter((reply) => reply.private !== true) : replies);
    for (const [i, payload] of payloads.entries()) await channel.send(replyOptions(payload, i === 0, message));
  } catch (error) {
    deps.logger.error({ err: errorMessage(error), channelId: message.channelId, guildId: message.guildId }, 'discord message failed');
    try {
      await channel.send({ content: FAILURE_TEXT, allowedMentions: { parse: [] } });
    } catch (sendError) {
      deps.logger.error({ err: errorMessage(sendError), channelId: message.channelId }, 'discord failure notice not sent');
    }
  }
};
