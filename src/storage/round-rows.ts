import { z } from 'zod';
import type { Logger, MessageRef } from '../core/ports.js';
import type { GroupRound, RoundAnswer } from '../rounds/round.js';
import { parseRowOrSkip } from './row-columns.js';
import type { RowColumns } from './row-columns.js';
import { toIsoText, toJsonText } from './store-values.js';

/** The round columns both backends select, in the order their INSERTs bind them. */
export const ROUND_COLUMNS =
  'workspace, id, platform, workspace_id, channel_id, framework_id, city, created_by, created_at, deadline, ' +
  'time_zone, status, closed_at, message, result_id';

/** The answer columns both backends select. */
export const ANSWER_COLUMNS = 'conversation, state, submitted, updated_at, version';

/** A new round's values in {@link ROUND_COLUMNS} order. */
export const roundValues = (round: GroupRound): Array<string | null> => [
  round.workspace,
  round.id,
  round.platform,
  round.workspaceId,
  round.channelId,
  round.frameworkId,
  round.city,
  round.createdBy,
  toIsoText(round.createdAt, 'createdAt'),
  toIsoText(round.deadline, 'deadline'),
  round.timeZone,
  round.status,
  round.closedAt === undefined ? null : toIsoText(round.closedAt, 'closedAt'),
  round.message === undefined ? null : toJsonText(round.message, 'the invitation message'),
  round.resultId ?? null,
];

/** An answer's `conversation`, `state`, `submitted` and `updated_at` values, as JSON text (or null) and ISO text. */
export const answerValues = (answer: RoundAnswer): [string, string | null, string | null, string] => [
  answer.conversation,
  answer.state === null || answer.state === undefined ? null : toJsonText(answer.state, 'the answer state'),
  answer.submitted === null ? null : toJsonText(answer.submitted, 'the submitted answers'),
  toIsoText(answer.updatedAt, 'updatedAt'),
];

const messageSchema: z.ZodType<MessageRef> = z.object({
  platform: z.enum(['console', 'slack', 'discord']),
  workspaceId: z.string(),
  channelId: z.string(),
  messageId: z.string(),
});

export const submittedSchema = z.record(z.string(), z.number().int().nullable());

const roundRowSchema = (columns: RowColumns) =>
  z.object({
    workspace: z.string().min(1),
    id: z.string().min(1),
    platform: z.enum(['console', 'slack', 'discord']),
    workspace_id: z.string(),
    channel_id: z.string(),
    framework_id: z.string(),
    city: z.string(),
    created_by: z.string(),
    created_at: columns.date,
    deadline: columns.date,
    time_zone: z.string(),
    status: z.enum(['open', 'closed']),
    closed_at: columns.date.nullable(),
    message: columns.json(messageSchema).nullable(),
    result_id: z.string().nullable(),
  });

const answerRowSchema = (columns: RowColumns) =>
  z.object({
    conversation: z.string(),
    state: columns.json(z.unknown()).nullable(),
    submitted: columns.json(submittedSchema).nullable(),
    updated_at: columns.date,
    version: z.number().int(),
  });

const roundKeySchema = z.object({ workspace: z.unknown(), id: z.unknown() });

/** Readers of `group_rounds` and `group_answers` rows; unreadable ones are logged and skipped. */
export interface RoundRows {
  rounds(rows: readonly unknown[]): GroupRound[];
  answer(raw: unknown): RoundAnswer | undefined;
  submitted(rows: readonly unknown[]): Array<Record<string, number | null>>;
}

/** Row readers for one backend, whose driver hands columns over as `columns` describes. */
export const roundRows = (columns: RowColumns, logger: Logger): RoundRows => {
  const roundSchema = roundRowSchema(columns);
  const answerSchema = answerRowSchema(columns);
  const submittedColumn = z.object({ submitted: columns.json(submittedSchema) });
  const round = (raw: unknown): GroupRound | undefined => {
    const row = parseRowOrSkip(roundSchema, raw, { table: 'group_rounds', what: 'round', logger, key: roundKeySchema });
    if (row === undefined) return undefined;
    return {
      workspace: row.workspace, id: row.id, platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id,
      frameworkId: row.framework_id, city: row.city, createdBy: row.created_by, createdAt: row.created_at, deadline: row.deadline,
      timeZone: row.time_zone, status: row.status,
      ...(row.closed_at === null ? {} : { closedAt: row.closed_at }),
      ...(row.message === null ? {} : { message: row.message }),
      ...(row.result_id === null ? {} : { resultId: row.result_id }),
    };
  };
  return {
    rounds: (rows) => rows.map(round).filter((row) => row !== undefined),
    answer: (raw) => {
      const row = parseRowOrSkip(answerSchema, raw, { table: 'group_answers', what: 'round answer', logger });
      return row === undefined ? undefined : { conversation: row.conversation, state: row.state, submitted: row.submitted, updatedAt: row.updated_at, version: row.version };
    },
    submitted: (rows) =>
      rows.flatMap((raw) => {
        const row = parseRowOrSkip(submittedColumn, raw, { table: 'group_answers', what: 'submitted answer', logger });
        return row === undefined ? [] : [row.submitted];
      }),
  };
};
