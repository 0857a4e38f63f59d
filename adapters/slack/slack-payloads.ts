import { z } from 'zod';
import type { Origin } from '../../src/core/events.js';

/**
 * Schemas for the parts of Slack payloads the adapter reads. Bolt has verified the signature;
 * these check the shape, so a surprising payload is logged and skipped instead of crashing.
 */
const slackId = z.string().min(1);
const ts = z.string().regex(/^\d+\.\d+$/u);

export const appMentionEventSchema = z.object({
  type: z.literal('app_mention'),
  user: slackId,
  text: z.string(),
  ts,
  channel: slackId,
  thread_ts: ts.optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  edited: z.unknown().optional(),
  client_msg_id: z.string().optional(),
  /** Files shared with the mention; read by `slackFilesOf`. */
  files: z.array(z.unknown()).optional(),
});
export type AppMentionEvent = z.infer<typeof appMentionEventSchema>;

export const directMessageEventSchema = z.object({
  type: z.literal('message'),
  channel_type: z.string(),
  channel: slackId,
  user: slackId.optional(),
  text: z.string().optional(),
  ts,
  thread_ts: ts.optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  edited: z.unknown().optional(),
  client_msg_id: z.string().optional(),
  /** Files of a `file_share` message; read by `slackFilesOf`. */
  files: z.array(z.unknown()).optional(),
});
export type DirectMessageEvent = z.infer<typeof directMessageEventSchema>;

export const eventEnvelopeSchema = z.object({
  team_id: slackId,
  event_id: slackId.optional(),
});

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: slackId }).nullable().optional(),
  user: z.object({ id: slackId, name: z.string().optional(), team_id: z.string().optional() }),
  channel: z.object({ id: slackId }),
  /** Absent when the click was on an ephemeral message; `container` says which one then. */
  message: z
    .object({
      ts,
      thread_ts: ts.optional(),
      text: z.string().optional(),
      blocks: z.array(z.looseObject({ type: z.string() })).optional(),
    })
    .optional(),
  container: z
    .object({ type: z.string(), message_ts: ts.optional(), is_ephemeral: z.boolean().optional() })
    .optional(),
  response_url: z.url().optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        value: z.string().optional(),
        action_ts: z.string().optional(),
        text: z.object({ text: z.string() }).optional(),
      }),
    )
    .min(1),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;

/** True when the click was on a message only the clicking user sees (a slash command's reply). */
export const isEphemeralClick = (body: BlockActions): boolean => body.container?.is_ephemeral === true || body.message === undefined;

/** The `ts` of the clicked message, ephemeral or not. */
export const clickedTs = (body: BlockActions): string | undefined => body.message?.ts ?? body.container?.message_ts;

export const slashCommandSchema = z.object({
  team_id: slackId,
  channel_id: slackId,
  user_id: slackId,
  user_name: z.string().optional(),
  command: z.string(),
  text: z.string(),
  response_url: z.url().optional(),
  trigger_id: z.string().optional(),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

/** Where a question was asked: the bot answers in its thread, which is also the conversation key. */
export const questionOrigin = (teamId: string, event: { channel: string; user: string; ts: string; thread_ts?: string | undefined }): Origin => ({
  platform: 'slack',
  workspaceId: teamId,
  channelId: event.channel,
  threadId: event.thread_ts ?? event.ts,
  userId: event.user,
});

/**
 * A click belongs to the thread of the message it was on (or the message itself when top level),
 * the same thread the run was started in, so the assessment key stays the same. A click on an
 * ephemeral message (a slash command's private reply) belongs to the channel, as the command did.
 */
export const actionOrigin = (body: BlockActions): Origin => {
  const threadId = isEphemeralClick(body) ? undefined : body.message?.thread_ts ?? body.message?.ts;
  return {
    platform: 'slack',
    workspaceId: body.team?.id ?? body.user.team_id ?? 'unknown',
    channelId: body.channel.id,
    ...(threadId === undefined ? {} : { threadId }),
    userId: body.user.id,
    ...(body.user.name ? { userName: body.user.name } : {}),
  };
};

/**
 * A slash command's conversation is the channel itself, without a thread: its replies are private
 * and have no thread, and clicks on them (and later commands in the channel) find the same run.
 */
export const commandOrigin = (command: SlashCommand): Origin => ({
  platform: 'slack',
  workspaceId: command.team_id,
  channelId: command.channel_id,
  userId: command.user_id,
  ...(command.user_name ? { userName: command.user_name } : {}),
});

/** Human-readable list of what was wrong with a payload, for logs. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
