import { webApi } from '@slack/bolt';
import { BotError } from '../../src/core/errors.js';
import type { DeliveryTarget, Logger, Notifier } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import { NoInstallationError } from './slack-installations.js';
import { postReplies } from './slack-post.js';

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
 * Proactive messages (reminders): to a channel, or to a user's DM opened with `conversations.open`,
 * with the target workspace's client. Throws when Slack refuses, so the caller can retry later.
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
});
