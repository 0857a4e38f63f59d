import { ChannelType, type Channel, type Client } from 'discord.js';
import { BotError, errorMessage } from '../../src/core/errors.js';
import type { DeliveryTarget, MessageRef, Notifier } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import { dmWorkspaceId } from './origin.js';
import { renderReplies, renderReply, type DiscordMessagePayload } from './render.js';

/** The first message of a reply, for messages edited later (a round's invitation is short). */
const firstPayload = (reply: Reply): DiscordMessagePayload => {
  const [first] = renderReply(reply);
  if (first === undefined) throw new DeliveryError('Nothing to post');
  return first;
};

/** Delivery that cannot happen (unknown channel, closed DMs, another guild's channel). */
export class DeliveryError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('delivery_failed', message, options);
    this.name = 'DeliveryError';
  }
}

/** The workspace a channel belongs to: its guild, or the DM's recipient; `undefined` when unknown. */
const workspaceOf = (channel: Channel): string | undefined => {
  if ('guildId' in channel && typeof channel.guildId === 'string') return channel.guildId;
  if (channel.type === ChannelType.DM && channel.recipientId !== '') return dmWorkspaceId(channel.recipientId);
  return undefined;
};

const channelFor = async (client: Client, target: DeliveryTarget) => {
  if (target.channelId !== undefined) {
    // Under sharding the guild may live on another shard and be absent from this client's cache:
    // the channel is read through REST and the message created through REST all the same.
    const channel = await client.channels.fetch(target.channelId, { allowUnknownGuild: true });
    if (!channel?.isSendable()) throw new DeliveryError(`Discord channel ${target.channelId} cannot receive messages`);
    // A target names its guild; a channel of any other guild is refused, never written to.
    const workspaceId = workspaceOf(channel);
    if (workspaceId !== target.workspaceId) {
      throw new DeliveryError(`Discord channel ${target.channelId} is not in workspace ${target.workspaceId}`);
    }
    return channel;
  }
  if (target.userId !== undefined) {
    const user = await client.users.fetch(target.userId);
    return user.createDM();
  }
  throw new DeliveryError('A Discord delivery target needs a channelId or a userId');
};

/**
 * Sends proactive replies (reminders, round invitations and summaries) to a channel or as a direct
 * message, and edits a posted message (a round's live count); throws when it cannot.
 */
export const createDiscordNotifier = (client: Client): Notifier => ({
  async deliver(target: DeliveryTarget, replies: Reply[]): Promise<void> {
    if (target.platform !== 'discord') throw new DeliveryError(`Not a Discord target: ${target.platform}`);
    try {
      const channel = await channelFor(client, target);
      for (const payload of renderReplies(replies)) await channel.send(payload);
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      const where = target.channelId === undefined ? `user ${target.userId ?? '?'}` : `channel ${target.channelId}`;
      throw new DeliveryError(`Discord delivery to ${where} failed: ${errorMessage(error)}`, { cause: error });
    }
  },
  async post(target: DeliveryTarget, reply: Reply): Promise<MessageRef> {
    if (target.platform !== 'discord' || target.channelId === undefined) throw new DeliveryError('A Discord post needs a Discord channel');
    const channel = await channelFor(client, target);
    try {
      const message = await channel.send(firstPayload(reply));
      return { platform: 'discord', workspaceId: target.workspaceId, channelId: target.channelId, messageId: message.id };
    } catch (error) {
      throw new DeliveryError(`Discord post to channel ${target.channelId} failed: ${errorMessage(error)}`, { cause: error });
    }
  },
  async update(ref: MessageRef, reply: Reply): Promise<void> {
    const channel = await channelFor(client, { platform: 'discord', workspaceId: ref.workspaceId, channelId: ref.channelId });
    const payload = firstPayload(reply);
    try {
      await channel.messages.edit(ref.messageId, { content: payload.content ?? '', embeds: payload.embeds ?? [], components: payload.components ?? [], allowedMentions: payload.allowedMentions });
    } catch (error) {
      throw new DeliveryError(`Discord edit of message ${ref.messageId} failed: ${errorMessage(error)}`, { cause: error });
    }
  },
});
