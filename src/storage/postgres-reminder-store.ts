import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import { scheduleSchema } from '../reminders/reminder.js';
import type { DeliveryRecord, Reminder, ReminderStore } from '../reminders/reminder.js';
import { pgDateSchema } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { parseRowOrSkip } from './sqlite-columns.js';
import { toIsoText, toJsonText } from './store-values.js';

const reminderRowSchema = z
  .object({
    id: z.string().min(1),
    workspace: z.string().min(1),
    platform: z.enum(['console', 'slack', 'discord']),
    workspace_id: z.string(),
    channel_id: z.string().min(1).nullable(),
    user_id: z.string().min(1).nullable(),
    city: z.string().nullable(),
    schedule: scheduleSchema,
    time_zone: z.string().min(1),
    created_by: z.string(),
    created_at: pgDateSchema,
    active_since: pgDateSchema,
    paused: z.boolean(),
    last_slot: pgDateSchema.nullable(),
  })
  .refine((row) => (row.channel_id === null) !== (row.user_id === null), 'exactly one of channel_id and user_id');

const deliveryRowSchema = z.object({
  reminder_id: z.string(),
  workspace: z.string(),
  slot: pgDateSchema,
  status: z.enum(['claimed', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  error: z.string().nullable(),
  updated_at: pgDateSchema,
});

const COLUMNS =
  'id, workspace, platform, workspace_id, channel_id, user_id, city, schedule, time_zone, created_by, ' +
  'created_at, active_since, paused, last_slot';

const rowKeySchema = z.object({ id: z.unknown(), workspace: z.unknown() });

const UPSERT_DELIVERY = `ON CONFLICT (reminder_id, slot) DO UPDATE SET
  status = excluded.status, attempts = excluded.attempts, error = excluded.error, updated_at = excluded.updated_at`;

/**
 * {@link ReminderStore} in PostgreSQL. `claimSlot` is one statement: a conditional UPDATE whose row
 * lock makes a second instance claiming the same slot wait and then find the slot taken, so
 * however many instances run the scheduler, each slot is won once.
 */
export class PostgresReminderStore implements ReminderStore {
  readonly #db: PostgresDatabase;
  readonly #logger: Logger;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#logger = logger;
  }

  async create(reminder: Reminder): Promise<boolean> {
    const target = reminder.target;
    const { changed } = await this.#db.run(
      'saving a reminder',
      `INSERT INTO reminders (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL)
       ON CONFLICT (id) DO NOTHING`,
      [
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
        reminder.paused,
      ],
    );
    return changed === 1;
  }

  async get(workspace: string, id: string): Promise<Reminder | undefined> {
    const { rows } = await this.#db.run('reading a reminder', `SELECT ${COLUMNS} FROM reminders WHERE workspace = $1 AND id = $2`, [workspace, id]);
    return rows[0] === undefined ? undefined : this.#parse(rows[0]);
  }

  /** Oldest first; unreadable rows are logged and left out. */
  async listByWorkspace(workspace: string): Promise<Reminder[]> {
    const { rows } = await this.#db.run(
      'listing reminders',
      `SELECT ${COLUMNS} FROM reminders WHERE workspace = $1 ORDER BY created_at, id COLLATE "C"`,
      [workspace],
    );
    return this.#parseAll(rows);
  }

  async listActive(): Promise<Reminder[]> {
    const { rows } = await this.#db.run(
      'listing active reminders',
      `SELECT ${COLUMNS} FROM reminders WHERE NOT paused ORDER BY created_at, id COLLATE "C"`,
    );
    return this.#parseAll(rows);
  }

  async setPaused(workspace: string, id: string, paused: boolean, at: Date): Promise<boolean> {
    const { changed } = paused
      ? await this.#db.run('pausing a reminder', 'UPDATE reminders SET paused = TRUE WHERE workspace = $1 AND id = $2', [workspace, id])
      : await this.#db.run(
          'resuming a reminder',
          'UPDATE reminders SET paused = FALSE, active_since = $3 WHERE workspace = $1 AND id = $2',
          [workspace, id, toIsoText(at, 'at')],
        );
    return changed === 1;
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    // One statement, so the reminder and its log go together or not at all.
    const { rows } = await this.#db.run(
      'deleting a reminder',
      `WITH gone AS (DELETE FROM reminders WHERE workspace = $1 AND id = $2 RETURNING id),
         log AS (DELETE FROM reminder_deliveries WHERE workspace = $1 AND reminder_id IN (SELECT id FROM gone))
       SELECT count(*)::int AS removed FROM gone`,
      [workspace, id],
    );
    return (rows[0] as { removed: number } | undefined)?.removed === 1;
  }

  async claimSlot(reminder: Pick<Reminder, 'id' | 'workspace'>, slot: Date, at: Date): Promise<boolean> {
    const { changed } = await this.#db.run(
      'claiming a reminder slot',
      `WITH won AS (
         UPDATE reminders SET last_slot = $1
         WHERE id = $2 AND workspace = $3 AND NOT paused AND (last_slot IS NULL OR last_slot < $1)
         RETURNING id, workspace)
       INSERT INTO reminder_deliveries (reminder_id, workspace, slot, status, attempts, error, updated_at)
       SELECT id, workspace, $1, 'claimed', 0, NULL, $4 FROM won
       ${UPSERT_DELIVERY}`,
      [toIsoText(slot, 'slot'), reminder.id, reminder.workspace, toIsoText(at, 'at')],
    );
    return changed === 1;
  }

  async recordDelivery(record: DeliveryRecord): Promise<void> {
    await this.#db.run(
      'recording a reminder delivery',
      `INSERT INTO reminder_deliveries (reminder_id, workspace, slot, status, attempts, error, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ${UPSERT_DELIVERY}`,
      [
        record.reminderId,
        record.workspace,
        toIsoText(record.slot, 'slot'),
        record.status,
        record.attempts,
        record.error ?? null,
        toIsoText(record.updatedAt, 'updatedAt'),
      ],
    );
  }

  async listDeliveries(workspace: string, reminderId: string): Promise<DeliveryRecord[]> {
    const { rows } = await this.#db.run(
      'reading reminder deliveries',
      `SELECT reminder_id, workspace, slot, status, attempts, error, updated_at FROM reminder_deliveries
       WHERE workspace = $1 AND reminder_id = $2 ORDER BY slot DESC`,
      [workspace, reminderId],
    );
    return rows.flatMap((raw) => {
      const row = parseRowOrSkip(deliveryRowSchema, raw, { table: 'reminder_deliveries', what: 'reminder delivery', logger: this.#logger });
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
    });
  }

  #parseAll(rows: unknown[]): Reminder[] {
    return rows.map((raw) => this.#parse(raw)).filter((row): row is Reminder => row !== undefined);
  }

  #parse(raw: unknown): Reminder | undefined {
    const row = parseRowOrSkip(reminderRowSchema, raw, { table: 'reminders', what: 'reminder', logger: this.#logger, key: rowKeySchema });
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
  }
}
