import type { App, RespondFn } from '@slack/bolt';
import { errorMessage } from '../../src/core/errors.js';
import { APOLOGY_TEXT } from './slack-post.js';
import { commandOrigin, describeIssues, slashCommandSchema, type SlashCommand } from './slack-payloads.js';
import { replyPrivately } from './slack-private.js';
import { requestKeyOf, withUser, type SlackHandlerContext } from './slack-context.js';
import { fromSlackText } from './slack-text.js';

const ephemeral = async (respond: RespondFn, text: string, context: SlackHandlerContext): Promise<void> => {
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (error) {
    context.logger.error({ component: 'slack', err: errorMessage(error) }, 'response_url reply failed');
  }
};

const run = async (context: SlackHandlerContext, client: App['client'], command: SlashCommand, respond: RespondFn): Promise<void> => {
  const line = fromSlackText(command.text) || 'help';
  const origin = await withUser(context, client, commandOrigin(command));
  const target = { client, respond, channelId: command.channel_id, userId: command.user_id, replace: false };
  try {
    const replies = await context.bot.handle({ type: 'message', origin, text: line });
    await replyPrivately(context, target, replies);
  } catch (error) {
    context.logger.error({ component: 'slack', err: errorMessage(error), channel: command.channel_id }, 'slash command failed');
    await ephemeral(respond, APOLOGY_TEXT, context);
  }
};

/**
 * `/learningcity <subcommand>`: acknowledged at once (Slack allows 3 seconds), then handled as a
 * typed line such as `results Leeds`. As Slack's own commands do, it answers privately (ephemeral,
 * through the command's `response_url`); answers and results carry a "Share in channel" button, and
 * a finished assessment's summary is posted to the channel.
 */
export const registerCommandHandler = (app: App, context: SlackHandlerContext): void => {
  app.command(context.command, async ({ ack, body, client, respond, context: boltContext }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      context.logger.warn({ component: 'slack', issues: describeIssues(parsed.error) }, 'slash command payload not understood');
      context.track(() => ephemeral(respond, 'Sorry, I could not read that command. Please try again.', context));
      return;
    }
    // A signed request replayed within the signature window would run the command again.
    const trigger = parsed.data.trigger_id ? `command:${parsed.data.team_id}:${parsed.data.trigger_id}` : undefined;
    // Tracked from here, so stopping waits for a command whose duplicate check is still under way.
    context.track(async () => {
      if (await context.recent.seen(trigger, requestKeyOf(boltContext))) {
        context.logger.info({ component: 'slack', channel: parsed.data.channel_id }, 'repeated slash command acknowledged and skipped');
        return;
      }
      await run(context, client, parsed.data, respond);
    });
  });
};
