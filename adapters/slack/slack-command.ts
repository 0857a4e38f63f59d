import type { App, RespondFn } from '@slack/bolt';
import { errorMessage } from '../../src/core/errors.js';
import { APOLOGY_TEXT, postApology, postMessage, postReplies } from './slack-post.js';
import { describeIssues, slashCommandSchema, type SlashCommand } from './slack-payloads.js';
import { requestKeyOf, slackErrorCode, withUser, type SlackHandlerContext } from './slack-context.js';
import { escapeMrkdwn, fromSlackText, truncate } from './slack-text.js';

/** Errors meaning the bot cannot post in the channel the command was typed in. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

const ephemeral = async (respond: RespondFn, text: string, context: SlackHandlerContext): Promise<void> => {
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (error) {
    context.logger.error({ component: 'slack', err: errorMessage(error) }, 'response_url reply failed');
  }
};

const run = async (context: SlackHandlerContext, client: App['client'], command: SlashCommand, respond: RespondFn): Promise<void> => {
  const { logger } = context;
  const line = fromSlackText(command.text) || 'help';
  // The command is echoed as a thread root: the conversation (and any assessment) lives in that
  // thread, exactly as for a mention, so clicks and typed answers there find the same run.
  const anchorText = `<@${command.user_id}> used \`${escapeMrkdwn(truncate(`${context.command} ${line}`, 500))}\``;
  let anchorTs: string | undefined;
  try {
    anchorTs = await postMessage(client, { channel: command.channel_id }, {
      text: anchorText,
      blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: anchorText }] }],
    });
  } catch (error) {
    const code = slackErrorCode(error);
    logger.warn({ component: 'slack', err: errorMessage(error), code, channel: command.channel_id }, 'cannot post in the command channel');
    const hint = code !== undefined && CANNOT_POST.has(code)
      ? `I can't post in this channel yet. Invite me with \`/invite @Learning City Bot\`, or send me a direct message.`
      : APOLOGY_TEXT;
    await ephemeral(respond, hint, context);
    return;
  }
  const origin = await withUser(context, {
    platform: 'slack',
    workspaceId: command.team_id,
    channelId: command.channel_id,
    ...(anchorTs ? { threadId: anchorTs } : {}),
    userId: command.user_id,
    ...(command.user_name ? { userName: command.user_name } : {}),
  });
  const thread = { channel: command.channel_id, ...(anchorTs ? { threadTs: anchorTs } : {}) };
  try {
    const replies = await context.bot.handle({ type: 'message', origin, text: line });
    await postReplies(client, thread, replies, logger);
  } catch (error) {
    logger.error({ component: 'slack', err: errorMessage(error), channel: command.channel_id }, 'slash command failed');
    await postApology(client, thread, logger);
  }
};

/**
 * `/learningcity <subcommand>`: acknowledged at once (Slack allows 3 seconds), then handled as a
 * typed line such as `assess niace-quick for Leeds`, with replies posted to the channel.
 */
export const registerCommandHandler = (app: App, context: SlackHandlerContext): void => {
  app.command(context.command, async ({ ack, body, client, respond, context: boltContext }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      context.logger.warn({ component: 'slack', issues: describeIssues(parsed.error) }, 'slash command payload not understood');
      await ephemeral(respond, 'Sorry, I could not read that command. Please try again.', context);
      return;
    }
    // A signed request replayed within the signature window would run the command again.
    const trigger = parsed.data.trigger_id ? `command:${parsed.data.team_id}:${parsed.data.trigger_id}` : undefined;
    if (context.recent.seen(trigger, requestKeyOf(boltContext))) {
      context.logger.info({ component: 'slack', channel: parsed.data.channel_id }, 'repeated slash command acknowledged and skipped');
      return;
    }
    await context.track(() => run(context, client, parsed.data, respond));
  });
};
