import type { webApi } from '@slack/bolt';
import { BotError } from '../../src/core/errors.js';
import type { DeliveryTarget, Logger, MessageRef, Notifier } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import { postMessage, postReplies, updateMessage } from './slack-post.js';
import { mergeMessages, renderReply, type SlackMessage } from './slack-render.js';

/** A reply as one Slack message (a long one is cut to the first), for messages edited later. */
const oneMessage = (reply: Reply): SlackMessage => {
  const [first] = mergeMessages(renderReply(reply));
  if (first === undefined) throw new BotError('empty_message', 'Nothing to post');
  return first;
};

/**
 * Proactive messages (reminders, round invitations and summaries): to a channel, or to a user's DM
 * opened with `conversations.open`. A posted message can be edited later with `chat.update` (a
 * round's live count). Throws when Slack refuses, so the caller can retry later.
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
  async post(target: DeliveryTarget, reply: Reply): Promise<MessageRef> {
    if (target.platform !== 'slack' || target.channelId === undefined) {
      throw new BotError('no_target', 'A Slack post needs a Slack channel');
    }
    const ts = await postMessage(client, { channel: target.channelId }, oneMessage(reply));
    if (ts === undefined) throw new BotError('no_ts', 'chat.postMessage returned no ts');
    return { platform: 'slack', workspaceId: target.workspaceId, channelId: target.channelId, messageId: ts };
  },
  async update(ref: MessageRef, reply: Reply): Promise<void> {
    await updateMessage(client, { channel: ref.channelId, ts: ref.messageId }, oneMessage(reply));
  },
});
