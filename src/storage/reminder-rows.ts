import { z } from 'zod';
import type { Logger } from '../core/ports.js';
import { scheduleSchema } from '../reminders/reminder.js';
import type { DeliveryRecord, Reminder } from '../reminders/reminder.js';
import { parseRowOrSkip } from './row-columns.js';
import type { RowColumns } from './row-columns.js';
import { toIsoText, toJsonText } from './store-values.js';

/** The reminder columns both backends select, in the order their INSERTs bind them. */
export const REMINDER_COLUMNS =
  'id, workspace, platform, workspace_id, channel_id, user_id, city, schedule, time_zone, created_by, ' +
  'created_at, active_since, paused, last_slot';

/**
 * A reminder's values in {@link REMINDER_COLUMNS} order, up to `active_since`. `paused` and
 * `last_slot` follow in each backend's own form (0/1 or a boolean; a new reminder has no slot yet).
 */
export const reminderValues = (
  reminder: Reminder,
): [string, string, string, string, string | null, string | null, string | null, string, string, string, string, string] => {
  const target = reminder.target;
  return [
    reminder.id,
    reminder.workspace,
    reminder.platform,
    reminder.workspaceId,
    target.kind === 'channel' ? target.channelId : null,
    target.kind === 'direct' ? target.userId : null,
    reminder.city ?? null,
    toJsonText(scheduleSchema.parse(reminder.schedule), 'the schedule'),
    reminder.timeZone,
    reminder.createdBy,
    toIsoText(reminder.createdAt, 'createdAt'),
    toIsoText(reminder.activeSince, 'activeSince'),
  ];
};

/** A delivery's values in `reminder_deliveries` column order, for either backend's upsert. */
export const deliveryValues = (
  record: DeliveryRecord,
): [string, string, string, DeliveryRecord['status'], number, string | null, string] => [
  record.reminderId,
  record.workspace,
  toIsoText(record.slot, 'slot'),
  record.status,
  record.attempts,
  record.error ?? null,
  toIsoText(record.updatedAt, 'updatedAt'),
];

/** A reminder row as read back; the target is exactly one of channel or user. */
const reminderRowSchema = (columns: RowColumns) =>
  z
    .object({
      id: z.string().min(1),
      workspace: z.string().min(1),
      platform: z.enum(['console', 'slack', 'discord']),
      workspace_id: z.string(),
      channel_id: z.string().min(1).nullable(),
      user_id: z.string().min(1).nullable(),
      city: z.string().nullable(),
      schedule: columns.json(scheduleSchema),
      time_zone: z.string().min(1),
      created_by: z.string(),
      created_at: columns.date,
      active_since: columns.date,
      paused: columns.flag,
      last_slot: columns.date.nullable(),
    })
    .refine((row) => (row.channel_id === null) !== (row.user_id === null), 'exactly one of channel_id and user_id');

const deliveryRowSchema = (columns: RowColumns) =>
  z.object({
    reminder_id: z.string(),
    workspace: z.string(),
    slot: columns.date,
    status: z.enum(['claimed', 'sent', 'failed']),
    attempts: z.number().int().nonnegative(),
    error: z.string().nullable(),
    updated_at: columns.date,
  });

/** Identifies a damaged row in logs without trusting the rest of it. */
const rowKeySchema = z.object({ id: z.unknown(), workspace: z.unknown() });

/** Reads `reminders` and `reminder_deliveries` rows; unreadable ones are logged and skipped. */
export interface ReminderRows {
  reminder(raw: unknown): Reminder | undefined;
  reminders(rows: readonly unknown[]): Reminder[];
  deliveries(rows: readonly unknown[]): DeliveryRecord[];
}

/** Row readers for one backend, whose driver hands columns over as `columns` describes. */
export const reminderRows = (columns: RowColumns, logger: Logger): ReminderRows => {
  const reminderSchema = reminderRowSchema(columns);
  const deliverySchema = deliveryRowSchema(columns);

  const reminder = (raw: unknown): Reminder | undefined => {
    const row = parseRowOrSkip(reminderSchema, raw, { table: 'reminders', what: 'reminder', logger, key: rowKeySchema });
    if (row === undefined) return undefined;
    return {
      id: row.id,
      workspace: row.workspace,
      platform: row.platform,
      workspaceId: row.workspace_id,
      target: row.channel_id !== null ? { kind: 'channel', channelId: row.channel_id } : { kind: 'direct', userId: row.user_id ?? '' },
      ...(row.city === null ? {} : { city: row.city }),
      schedule: row.schedule,
      timeZone: row.time_zone,
      createdBy: row.created_by,
      createdAt: row.created_at,
      activeSince: row.active_since,
      paused: row.paused,
      ...(row.last_slot === null ? {} : { lastSlot: row.last_slot }),
    };
  };

  return {
    reminder,
    reminders: (rows) => rows.map(reminder).filter((row): row is Reminder => row !== undefined),
    deliveries: (rows) =>
      rows.flatMap((raw) => {
        const row = parseRowOrSkip(deliverySchema, raw, { table: 'reminder_deliveries', what: 'reminder delivery', logger });
        if (row === undefined) return [];
        return [{
          reminderId: row.reminder_id,
          workspace: row.workspace,
          slot: row.slot,
          status: row.status,
          attempts: row.attempts,
          ...(row.error === null ? {} : { error: row.error }),
          updatedAt: row.updated_at,
        }];
      }),
  };
};
