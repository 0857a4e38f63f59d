import { z } from 'zod';
import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import { scheduleSchema } from '../reminders/reminder.js';
import type { DeliveryRecord, Reminder, ReminderStore } from '../reminders/reminder.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { parseRowOrSkip, isoDateColumnSchema, jsonColumnSchema } from './sqlite-columns.js';
import { toIsoText, toJsonText } from './store-values.js';

/** A reminder row as read back; the target is exactly one of channel or user. */
export const reminderRowSchema = z
  .object({
    id: z.string().min(1),
    workspace: z.string().min(1),
    platform: z.enum(['console', 'slack', 'discord']),
    workspace_id: z.string(),
    channel_id: z.string().min(1).nullable(),
    user_id: z.string().min(1).nullable(),
    city: z.string().nullable(),
    schedule: jsonColumnSchema(scheduleSchema),
    time_zone: z.string().min(1),
    created_by: z.string(),
    created_at: isoDateColumnSchema,
    active_since: isoDateColumnSchema,
    paused: z.union([z.literal(0), z.literal(1)]),
    last_slot: isoDateColumnSchema.nullable(),
  })
  .refine((row) => (row.channel_id === null) !== (row.user_id === null), 'exactly one of channel_id and user_id');

export const deliveryRowSchema = z.object({
  reminder_id: z.string(),
  workspace: z.string(),
  slot: isoDateColumnSchema,
  status: z.enum(['claimed', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  error: z.string().nullable(),
  updated_at: isoDateColumnSchema,
});

const COLUMNS =
  'id, workspace, platform, workspace_id, channel_id, user_id, city, schedule, time_zone, created_by, ' +
  'created_at, active_since, paused, last_slot';

const rowKeySchema = z.object({ id: z.unknown(), workspace: z.unknown() });

/**
 * {@link ReminderStore} in SQLite. Ids are unique across workspaces, but every user-facing query
 * names the workspace too. `claimSlot` is one conditional UPDATE inside an immediate transaction,
 * so two processes sharing the file cannot both claim a slot.
 */
export class SqliteReminderStore implements ReminderStore {
  readonly #db: Database;
  readonly #logger: Logger;
  readonly #insert;
  readonly #get;
  readonly #listByWorkspace;
  readonly #listActive;
  readonly #pause;
  readonly #resume;
  readonly #delete;
  readonly #deleteDeliveries;
  readonly #claim;
  readonly #upsertDelivery;
  readonly #listDeliveries;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#db = db;
    this.#logger = logger;
    // Any store may be the first to open the file: each brings the whole history.
    applyMigrations(db, migrations, logger);
    this.#insert = db.prepare<[string, string, string, string, string | null, string | null, string | null, string, string, string, string, string, number]>(
      `INSERT OR IGNORE INTO reminders (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    );
    this.#get = db.prepare<[string, string]>(`SELECT ${COLUMNS} FROM reminders WHERE workspace = ? AND id = ?`);
    this.#listByWorkspace = db.prepare<[string]>(`SELECT ${COLUMNS} FROM reminders WHERE workspace = ? ORDER BY created_at, id`);
    this.#listActive = db.prepare<[]>(`SELECT ${COLUMNS} FROM reminders WHERE paused = 0 ORDER BY created_at, id`);
    this.#pause = db.prepare<[string, string]>('UPDATE reminders SET paused = 1 WHERE workspace = ? AND id = ?');
    this.#resume = db.prepare<[string, string, string]>('UPDATE reminders SET paused = 0, active_since = ? WHERE workspace = ? AND id = ?');
    this.#delete = db.prepare<[string, string]>('DELETE FROM reminders WHERE workspace = ? AND id = ?');
    this.#deleteDeliveries = db.prepare<[string, string]>('DELETE FROM reminder_deliveries WHERE workspace = ? AND reminder_id = ?');
    // ISO 8601 UTC text of a fixed width compares in time order.
    this.#claim = db.prepare<[string, string, string, string]>(
      `UPDATE reminders SET last_slot = ?
       WHERE id = ? AND workspace = ? AND paused = 0 AND (last_slot IS NULL OR last_slot < ?)`,
    );
    this.#upsertDelivery = db.prepare<[string, string, string, string, number, string | null, string]>(
      `INSERT INTO reminder_deliveries (reminder_id, workspace, slot, status, attempts, error, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (reminder_id, slot) DO UPDATE SET
         status = excluded.status, attempts = excluded.attempts, error = excluded.error, updated_at = excluded.updated_at`,
    );
    this.#listDeliveries = db.prepare<[string, string]>(
      `SELECT reminder_id, workspace, slot, status, attempts, error, updated_at FROM reminder_deliveries
       WHERE workspace = ? AND reminder_id = ? ORDER BY slot DESC`,
    );
  }

  async create(reminder: Reminder): Promise<boolean> {
    const target = reminder.target;
    const result = this.#insert.run(
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
      reminder.paused ? 1 : 0,
    );
    return result.changes === 1;
  }

  async get(workspace: string, id: string): Promise<Reminder | undefined> {
    const raw = this.#get.get(workspace, id);
    return raw === undefined ? undefined : this.#parse(raw);
  }

  /** Oldest first; unreadable rows are logged and left out. */
  async listByWorkspace(workspace: string): Promise<Reminder[]> {
    return this.#parseAll(this.#listByWorkspace.all(workspace));
  }

  async listActive(): Promise<Reminder[]> {
    return this.#parseAll(this.#listActive.all());
  }

  async setPaused(workspace: string, id: string, paused: boolean, at: Date): Promise<boolean> {
    const result = paused ? this.#pause.run(workspace, id) : this.#resume.run(toIsoText(at, 'at'), workspace, id);
    return result.changes === 1;
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    return this.#db.transaction(() => {
      const removed = this.#delete.run(workspace, id).changes === 1;
      if (removed) this.#deleteDeliveries.run(workspace, id);
      return removed;
    }).immediate();
  }

  async claimSlot(reminder: Pick<Reminder, 'id' | 'workspace'>, slot: Date, at: Date): Promise<boolean> {
    const slotText = toIsoText(slot, 'slot');
    const atText = toIsoText(at, 'at');
    return this.#db.transaction(() => {
      const won = this.#claim.run(slotText, reminder.id, reminder.workspace, slotText).changes === 1;
      if (won) this.#upsertDelivery.run(reminder.id, reminder.workspace, slotText, 'claimed', 0, null, atText);
      return won;
    }).immediate();
  }

  async recordDelivery(record: DeliveryRecord): Promise<void> {
    this.#upsertDelivery.run(
      record.reminderId,
      record.workspace,
      toIsoText(record.slot, 'slot'),
      record.status,
      record.attempts,
      record.error ?? null,
      toIsoText(record.updatedAt, 'updatedAt'),
    );
  }

  async listDeliveries(workspace: string, reminderId: string): Promise<DeliveryRecord[]> {
    return this.#listDeliveries.all(workspace, reminderId).flatMap((raw) => {
      const row = parseRowOrSkip(deliveryRowSchema, raw, {
        table: 'reminder_deliveries',
        what: 'reminder delivery',
        logger: this.#logger,
      });
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
    const row = parseRowOrSkip(reminderRowSchema, raw, {
      table: 'reminders',
      what: 'reminder',
      logger: this.#logger,
      key: rowKeySchema,
    });
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
      paused: row.paused === 1,
      ...(row.last_slot === null ? {} : { lastSlot: row.last_slot }),
    };
  }
}
