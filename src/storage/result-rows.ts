import { z } from 'zod';
import type { Logger } from '../core/ports.js';
import type { AssessmentResult } from '../core/assessment-store.js';
import { parseRowOrSkip } from './row-columns.js';
import type { RowColumns } from './row-columns.js';
import { cityKey, toIsoText, toJsonText } from './store-values.js';

/** The result columns both backends select, in the order their INSERTs bind them. */
export const RESULT_COLUMNS =
  'workspace, id, platform, channel_id, user_id, city, framework_id, completed_at, ' +
  'overall_percent, components, answers, kind, respondents';

/** The bound values of one result row. */
export type ResultValues = [
  string, string, string, string, string, string, string, string, number | null, string, string, string, number | null, string,
];

/** A result's values in {@link RESULT_COLUMNS} order, then `city_key`, for either backend's INSERT. */
export const resultValues = (
  result: AssessmentResult,
): ResultValues => [
  result.workspace,
  result.id,
  result.platform,
  result.channelId,
  result.userId,
  result.city,
  result.frameworkId,
  toIsoText(result.completedAt, 'completedAt'),
  result.overallPercent,
  toJsonText(result.components, 'the component scores'),
  toJsonText(result.answers, 'the answers'),
  result.kind ?? 'individual',
  result.respondents ?? null,
  cityKey(result.city),
];

const spreadSchema = z.object({
  median: z.number(),
  q1: z.number(),
  q3: z.number(),
  min: z.number(),
  max: z.number(),
  agreement: z.number().min(0).max(1),
});

const componentScoreSchema = z.object({
  id: z.string(),
  label: z.string(),
  percent: z.number().nullable(),
  answered: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  spread: spreadSchema.optional(),
});

/** A result row as read back. */
const resultRowSchema = (columns: RowColumns) =>
  z.object({
    workspace: z.string(),
    id: z.string(),
    platform: z.string(),
    channel_id: z.string(),
    user_id: z.string(),
    city: z.string(),
    framework_id: z.string(),
    completed_at: columns.date,
    overall_percent: z.number().nullable(),
    components: columns.json(z.array(componentScoreSchema)),
    answers: columns.json(z.record(z.string(), z.number().nullable())),
    kind: z.enum(['individual', 'group']),
    respondents: z.number().int().nonnegative().nullable(),
  });

/** Identifies a damaged row in logs without trusting the rest of it. */
const resultKeySchema = z.object({ workspace: z.unknown(), id: z.unknown() });

/** Reads `assessment_results` rows; unreadable ones are logged and left out. */
export type ResultRows = (rows: readonly unknown[]) => AssessmentResult[];

/** Row reader for one backend, whose driver hands columns over as `columns` describes. */
export const resultRows = (columns: RowColumns, logger: Logger): ResultRows => {
  const schema = resultRowSchema(columns);
  const parse = (raw: unknown): AssessmentResult | undefined => {
    const row = parseRowOrSkip(schema, raw, {
      table: 'assessment_results',
      what: 'assessment result',
      logger,
      key: resultKeySchema,
    });
    if (row === undefined) return undefined;
    return {
      id: row.id,
      workspace: row.workspace,
      platform: row.platform,
      channelId: row.channel_id,
      userId: row.user_id,
      city: row.city,
      frameworkId: row.framework_id,
      completedAt: row.completed_at,
      overallPercent: row.overall_percent,
      components: row.components.map(({ spread, ...score }) => (spread === undefined ? score : { ...score, spread })),
      answers: row.answers,
      ...(row.kind === 'group' ? { kind: 'group' as const, respondents: row.respondents ?? 0 } : {}),
    };
  };
  return (rows) => rows.map(parse).filter((row) => row !== undefined);
};
