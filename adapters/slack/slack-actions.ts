import type { App } from '@slack/bolt';
import { errorMessage } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/replies.js';
import { actionOrigin, blockActionsSchema, describeIssues, type BlockActions } from './slack-payloads.js';
import { postApology, postReplies, updateMessage, type SlackThread } from './slack-post.js';
import { ACTION_IDS, closedMessage, renderReply, type SlackMessage } from './slack-render.js';
import { withUser, type SlackHandlerContext } from './slack-context.js';
import { SLACK_LIMITS, escapeMrkdwn } from './slack-text.js';

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

const choose = async (context: SlackHandlerContext, client: App['client'], body: BlockActions): Promise<void> => {
  const { logger } = context;
  const action = body.actions[0];
  if (!action?.value) return;
  const origin = await withUser(context, actionOrigin(body));
  const thread: SlackThread = { channel: body.channel.id, ...(origin.threadId ? { threadTs: origin.threadId } : {}) };
  const clicked = { channel: body.channel.id, ts: body.message.ts };
  try {
    const replies = await context.bot.handle({ type: 'choice', origin, value: action.value });
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
    const note = `✓ <@${body.user.id}> chose *${escapeMrkdwn(label)}*`;
    try {
      await updateMessage(client, clicked, closedMessage(body.message.blocks ?? [], note, body.message.text ?? label));
    } catch (error) {
      logger.warn({ component: 'slack', err: errorMessage(error) }, 'could not remove the answered buttons');
    }
    await postReplies(client, thread, replies, logger);
  } catch (error) {
    logger.error({ component: 'slack', err: errorMessage(error), channel: body.channel.id }, 'handling a button failed');
    await postApology(client, thread, logger);
  }
};

const feedback = async (context: SlackHandlerContext, client: App['client'], body: BlockActions): Promise<void> => {
  const action = body.actions[0];
  if (!action?.value) return;
  const origin = await withUser(context, actionOrigin(body));
  try {
    const replies = await context.bot.handle({ type: 'choice', origin, value: action.value });
    const text = replies.map((reply) => reply.text).join('\n') || 'Thanks for the feedback!';
    await client.chat.postEphemeral({
      channel: body.channel.id,
      user: body.user.id,
      text: escapeMrkdwn(text),
      ...(origin.threadId ? { thread_ts: origin.threadId } : {}),
    });
  } catch (error) {
    context.logger.error({ component: 'slack', err: errorMessage(error) }, 'recording feedback failed');
  }
};

/**
 * Buttons: assessment choices advance the run in place (the clicked message becomes the next
 * question); 👍/👎 are recorded and thanked privately. Clicks on a message still being handled are
 * dropped, so a double click cannot answer two questions.
 */
export const registerActionHandlers = (app: App, context: SlackHandlerContext): void => {
  const busy = new Set<string>();
  const handle =
    (work: (context: SlackHandlerContext, client: App['client'], body: BlockActions) => Promise<void>) =>
    async ({ ack, body, client }: { ack: () => Promise<void>; body: unknown; client: App['client'] }): Promise<void> => {
      await ack();
      const parsed = blockActionsSchema.safeParse(body);
      if (!parsed.success) {
        context.logger.warn({ component: 'slack', issues: describeIssues(parsed.error) }, 'block_actions payload not understood');
        return;
      }
      const key = `${parsed.data.channel.id}:${parsed.data.message.ts}:${parsed.data.user.id}`;
      if (busy.has(key)) {
        context.logger.info({ component: 'slack', channel: parsed.data.channel.id }, 'click while the previous one is handled; ignored');
        return;
      }
      busy.add(key);
      try {
        await context.track(() => work(context, client, parsed.data));
      } finally {
        busy.delete(key);
      }
    };
  app.action({ type: 'block_actions', action_id: ACTION_IDS.choicePattern }, handle(choose));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.feedbackPattern }, handle(feedback));
};
