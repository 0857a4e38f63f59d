import type { App, RespondFn } from '@slack/bolt';
import { errorMessage } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/replies.js';
import {
  actionOrigin, blockActionsSchema, clickedTs, describeIssues, isEphemeralClick, type BlockActions,
} from './slack-payloads.js';
import { postApology, postReplies, updateMessage, type SlackThread } from './slack-post.js';
import { NOT_IN_CHANNEL_NOTE, postToChannel, replyPrivately } from './slack-private.js';
import { ACTION_IDS, appendBlocks, closedMessage, noteBlock, prependBlocks, renderReply, type SlackMessage } from './slack-render.js';
import { shareIdOf } from './slack-share.js';
import { requestKeyOf, withUser, type SlackHandlerContext } from './slack-context.js';
import type { SlackListeners } from './slack-listeners.js';
import { SLACK_LIMITS, plainToMrkdwn, toMrkdwn } from './slack-text.js';

type Click = (context: SlackHandlerContext, client: App['client'], body: BlockActions, respond: RespondFn | undefined) => Promise<void>;

/**
 * The clicked message's new content: every reply up to and including the next prompt, when they
 * fit in one message without pictures; otherwise `undefined` and they are posted instead.
 */
const inPlace = (replies: readonly Reply[], promptIndex: number): SlackMessage | undefined => {
  const lead = replies.slice(0, promptIndex + 1);
  if (lead.some((reply) => reply.image !== undefined)) return undefined;
  const rendered = lead.map(renderReply);
  if (rendered.some((messages) => messages.length !== 1)) return undefined;
  const messages = rendered.flat();
  const blocks = messages.flatMap((message) => message.blocks);
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) return undefined;
  return { text: messages.map((message) => message.text).join('\n\n').slice(0, SLACK_LIMITS.messageText), blocks };
};

/** A short private note through the click's response_url, leaving the clicked message as it is. */
const privateNote = async (context: SlackHandlerContext, respond: RespondFn | undefined, text: string): Promise<void> => {
  try {
    await respond?.({ response_type: 'ephemeral', replace_original: false, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  } catch (error) {
    context.logger.error({ component: 'slack', err: errorMessage(error) }, 'response_url reply failed');
  }
};

/** A click on a slash command's private reply: the next step replaces that reply, still privately. */
const chooseInPrivate: Click = async (context, client, body, respond) => {
  const action = body.actions[0];
  if (!action?.value || !respond) return;
  const origin = await withUser(context, client, actionOrigin(body));
  try {
    const replies = await context.bot.handle({ type: 'choice', origin, value: action.value });
    await replyPrivately(context, { client, respond, channelId: body.channel.id, userId: body.user.id, replace: true }, replies);
  } catch (error) {
    context.logger.error({ component: 'slack', err: errorMessage(error), channel: body.channel.id }, 'handling a button failed');
    await privateNote(context, respond, 'Sorry, something went wrong on my side while handling that. Please try again in a moment.');
  }
};

const choose: Click = async (context, client, body, respond) => {
  if (isEphemeralClick(body)) return chooseInPrivate(context, client, body, respond);
  const { logger } = context;
  const action = body.actions[0];
  const message = body.message;
  if (!action?.value || !message) return;
  const origin = await withUser(context, client, actionOrigin(body));
  const thread: SlackThread = { channel: body.channel.id, ...(origin.threadId ? { threadTs: origin.threadId } : {}) };
  const clicked = { channel: body.channel.id, ts: message.ts };
  try {
    const replies = await context.bot.handle({ type: 'choice', origin, value: action.value });
    if (replies.length > 0 && replies.every((reply) => reply.private === true) && respond) {
      // A respondent's own step (a round's Take part): only they see it, the channel's message stays.
      await replyPrivately(context, { client, respond, channelId: body.channel.id, userId: body.user.id, replace: false }, replies);
      return;
    }
    if (replies.length > 0 && replies.every((reply) => reply.kind === 'error')) {
      // Not taken (the database could not be reached, say): the question keeps its buttons, so the
      // same click works once the problem passes; the note goes to the clicker alone.
      const text = toMrkdwn(replies.map((reply) => reply.text).join('\n'));
      await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text, ...(origin.threadId ? { thread_ts: origin.threadId } : {}) });
      return;
    }
    const promptIndex = replies.findIndex((reply) => reply.kind === 'prompt' && (reply.choices?.length ?? 0) > 0);
    const next = promptIndex >= 0 ? inPlace(replies, promptIndex) : undefined;
    if (next) {
      try {
        await updateMessage(client, clicked, next);
        await postReplies(client, thread, replies.slice(promptIndex + 1), logger);
        return;
      } catch (error) {
        // An old or foreign message cannot always be edited: fall back to posting.
        logger.warn({ component: 'slack', err: errorMessage(error) }, 'chat.update failed; posting the next step instead');
      }
    }
    const label = action.text?.text ?? action.value;
    const note = `✓ <@${body.user.id}> chose *${plainToMrkdwn(label)}*`;
    try {
      await updateMessage(client, clicked, closedMessage(message.blocks ?? [], note, message.text ?? label));
    } catch (error) {
      logger.warn({ component: 'slack', err: errorMessage(error) }, 'could not remove the answered buttons');
    }
    await postReplies(client, thread, replies, logger);
  } catch (error) {
    logger.error({ component: 'slack', err: errorMessage(error), channel: body.channel.id }, 'handling a button failed');
    await postApology(client, thread, logger);
  }
};

const feedback: Click = async (context, client, body, respond) => {
  const action = body.actions[0];
  if (!action?.value) return;
  const origin = await withUser(context, client, actionOrigin(body));
  try {
    const replies = await context.bot.handle({ type: 'choice', origin, value: action.value });
    const text = toMrkdwn(replies.map((reply) => reply.text).join('\n') || 'Thanks for the feedback!');
    // A private reply may be in a channel the bot is not in: answer through its response_url.
    if (isEphemeralClick(body)) return await privateNote(context, respond, text);
    await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text, ...(origin.threadId ? { thread_ts: origin.threadId } : {}) });
  } catch (error) {
    context.logger.error({ component: 'slack', err: errorMessage(error) }, 'recording feedback failed');
  }
};

/**
 * "Share in channel" on a private answer or result: posts it to the channel, attributed to the user
 * who shared it, then shows the private copy without the button, so one click shares once.
 */
const share: Click = async (context, client, body, respond) => {
  const id = shareIdOf(body.actions[0]?.value);
  const entry = id === undefined ? undefined : context.shares.get(id);
  if (!entry || entry.userId !== body.user.id || entry.channelId !== body.channel.id) {
    await privateNote(context, respond, 'This can no longer be shared (it is too old, or I have restarted since). Run the command again to share it.');
    return;
  }
  if (entry.shared) {
    await privateNote(context, respond, 'This is already shared in the channel.');
    return;
  }
  entry.shared = true;
  const attributed = prependBlocks(entry.messages, [noteBlock(`Shared by <@${body.user.id}>`)], 'Shared');
  if (!(await postToChannel(context, client, body.channel.id, attributed, undefined))) {
    entry.shared = false;
    await privateNote(context, respond, NOT_IN_CHANNEL_NOTE);
    return;
  }
  const shown = entry.shown ?? entry.messages[entry.messages.length - 1];
  if (!shown || !respond) return;
  const withoutButton = { text: shown.text, blocks: shown.blocks.filter((block) => block.block_id !== 'lc_share') };
  const [done] = appendBlocks([withoutButton], [noteBlock('✓ Shared in the channel')], 'Shared in the channel');
  try {
    await respond({ response_type: 'ephemeral', replace_original: true, text: done?.text ?? 'Shared', blocks: done?.blocks ?? [] });
  } catch (error) {
    context.logger.warn({ component: 'slack', err: errorMessage(error) }, 'could not mark the private reply as shared');
  }
};

/**
 * Buttons: assessment choices advance the run in place (the clicked message becomes the next
 * question); 👍/👎 are recorded and thanked privately; "Share in channel" posts a private reply for
 * all. Clicks on a message still being handled are dropped, so a double click cannot answer two
 * questions, and a replayed click request is acknowledged and skipped.
 */
export const registerActionHandlers = (listeners: SlackListeners, context: SlackHandlerContext): void => {
  const busy = new Set<string>();
  const handle =
    (work: Click) =>
    async (args: { ack: () => Promise<void>; body: unknown; client: App['client']; respond?: RespondFn; context: unknown }): Promise<void> => {
      await args.ack();
      const parsed = blockActionsSchema.safeParse(args.body);
      if (!parsed.success) {
        context.logger.warn({ component: 'slack', issues: describeIssues(parsed.error) }, 'block_actions payload not understood');
        return;
      }
      const click = parsed.data;
      // Tracked from here, so stopping waits for a click whose duplicate check is still under way.
      context.track(async () => {
        if (await context.recent.seen(requestKeyOf(args.context))) {
          context.logger.info({ component: 'slack', channel: click.channel.id }, 'repeated click request acknowledged and skipped');
          return;
        }
        const key = `${click.channel.id}:${clickedTs(click) ?? ''}:${click.user.id}`;
        if (busy.has(key)) {
          context.logger.info({ component: 'slack', channel: click.channel.id }, 'click while the previous one is handled; ignored');
          return;
        }
        busy.add(key);
        try {
          await work(context, args.client, click, args.respond);
        } finally {
          busy.delete(key);
        }
      });
    };
  listeners.action(ACTION_IDS.choicePattern, handle(choose));
  listeners.action(ACTION_IDS.feedbackPattern, handle(feedback));
  listeners.action(ACTION_IDS.share, handle(share));
};
