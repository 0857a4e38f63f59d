import type { webApi } from '@slack/bolt';
import { BotError } from '../../src/core/errors.js';
import type { DeliveryTarget, Logger, Notifier } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import { postReplies } from './slack-post.js';

/**
 * Proactive messages (reminders): to a channel, or to a user's DM opened with `conversations.open`.
 * Throws when Slack refuses, so the caller can retry later.
 */
export const createSlackNotifier = (client: webApi.WebClient, logger: Logger): Notifier => ({
  async deliver(target: DeliveryTarget, replies: Reply[]): Promise<void> {
    if (target.platform !== 'slack') {
      throw new BotError('wrong_platform', `Slack cannot deliver to a ${target.platform} target`);
    }
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
