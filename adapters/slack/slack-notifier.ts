import { webApi } from '@slack/bolt';
import { BotError } from '../../src/core/errors.js';
import type { DeliveryTarget, Logger, MessageRef, Notifier } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import { NoInstallationError } from './slack-installations.js';
import { postMessage, postReplies, updateMessage } from './slack-post.js';
import { mergeMessages, renderReply, type SlackMessage } from './slack-render.js';

/** A reply as one Slack message (a long one is cut to the first), for messages edited later. */
const oneMessage = (reply: Reply): SlackMessage => {
  const [first] = mergeMessages(renderReply(reply));
  if (first === undefined) throw new BotError('empty_message', 'Nothing to post');
  return first;
};

/** The Web API client for a workspace (team id): one with that workspace's bot token. */
export type SlackClientFor = (teamId: string) => Promise<webApi.WebClient>;

/**
 * Clients for installed workspaces (OAuth mode): each with the bot token of the workspace's own
 * installation (or its organisation's), kept while the token stays the same. A workspace without an
 * installation gets a `not_installed` error and no Web API call.
 */
export const slackClients = (botTokenFor: (teamId: string) => Promise<string | undefined>, options: webApi.WebClientOptions): SlackClientFor => {
  const clients = new Map<string, webApi.WebClient>();
  return async (teamId) => {
    const token = await botTokenFor(teamId);
    if (token === undefined) throw new NoInstallationError(`Slack workspace ${teamId}`);
    let client = clients.get(teamId);
    if (client?.token !== token) {
      client = new webApi.WebClient(token, options);
      clients.set(teamId, client);
    }
    return client;
  };
};

/**
 * Proactive messages (reminders, round invitations and summaries): to a channel, or to a user's DM
 * opened with `conversations.open`, with the target workspace's client. A posted message can be
 * edited later with `chat.update` (a round's live count). Throws when Slack refuses, so the caller
 * can retry later.
 */
export const createSlackNotifier = (clientFor: SlackClientFor, logger: Logger): Notifier => ({
  async deliver(target: DeliveryTarget, replies: Reply[]): Promise<void> {
    if (target.platform !== 'slack') {
      throw new BotError('wrong_platform', `Slack cannot deliver to a ${target.platform} target`);
    }
    const client = await clientFor(target.workspaceId);
    let channel = target.channelId;
    if (channel === undefined) {
      if (target.userId === undefined) throw new BotError('no_target', 'A delivery target needs a channelId or a userId');
      const opened = await client.conversations.open({ users: target.userId });
      channel = opened.channel?.id;
      if (channel === undefined) throw new BotError('dm_open_failed', 'conversations.open returned no channel');
    }
    await postReplies(client, { channel }, replies, logger);
    logger.info({ component: 'slack', workspace: target.workspaceId, channel, replies: replies.length }, 'delivered');
  },
  async post(target: DeliveryTarget, reply: Reply): Promise<MessageRef> {
    if (target.platform !== 'slack' || target.channelId === undefined) {
      throw new BotError('no_target', 'A Slack post needs a Slack channel');
    }
    const client = await clientFor(target.workspaceId);
    const ts = await postMessage(client, { channel: target.channelId }, oneMessage(reply));
    if (ts === undefined) throw new BotError('no_ts', 'chat.postMessage returned no ts');
    return { platform: 'slack', workspaceId: target.workspaceId, channelId: target.channelId, messageId: ts };
  },
  async update(ref: MessageRef, reply: Reply): Promise<void> {
    const client = await clientFor(ref.workspaceId);
    await updateMessage(client, { channel: ref.channelId, ts: ref.messageId }, oneMessage(reply));
  },
});
