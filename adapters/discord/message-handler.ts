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
    const payloads = renderReplies(replies);
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
