import { silentLogger } from '../core/ports.js';
import type { ErasableStore, ErasedCounts, Logger } from '../core/ports.js';
import type { DeliveryRecord, Reminder, ReminderStore } from '../reminders/reminder.js';
import { pgColumns } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { REMINDER_COLUMNS, deliveryValues, reminderRows, reminderValues } from './reminder-rows.js';
import type { ReminderRows } from './reminder-rows.js';
import { toIsoText } from './store-values.js';

const UPSERT_DELIVERY = `ON CONFLICT (reminder_id, slot) DO UPDATE SET
  status = excluded.status, attempts = excluded.attempts, error = excluded.error, updated_at = excluded.updated_at`;

/**
 * {@link ReminderStore} in PostgreSQL. `claimSlot` is one statement: a conditional UPDATE whose row
 * lock makes a second instance claiming the same slot wait and then find the slot taken, so
 * however many instances run the scheduler, each slot is won once.
 */
export class PostgresReminderStore implements ReminderStore, ErasableStore {
  readonly #db: PostgresDatabase;
  readonly #rows: ReminderRows;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = reminderRows(pgColumns, logger);
  }

  async create(reminder: Reminder): Promise<boolean> {
    const { changed } = await this.#db.run(
      'saving a reminder',
      `INSERT INTO reminders (${REMINDER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL)
       ON CONFLICT (id) DO NOTHING`,
      [...reminderValues(reminder), reminder.paused],
    );
    return changed === 1;
  }

  async get(workspace: string, id: string): Promise<Reminder | undefined> {
    const { rows } = await this.#db.run('reading a reminder', `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE workspace = $1 AND id = $2`, [workspace, id]);
    return rows[0] === undefined ? undefined : this.#rows.reminder(rows[0]);
  }

  /** Oldest first; unreadable rows are logged and left out. */
  async listByWorkspace(workspace: string): Promise<Reminder[]> {
    const { rows } = await this.#db.run(
      'listing reminders',
      `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE workspace = $1 ORDER BY created_at, id COLLATE "C"`,
      [workspace],
    );
    return this.#rows.reminders(rows);
  }

  async listActive(): Promise<Reminder[]> {
    const { rows } = await this.#db.run(
      'listing active reminders',
      `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE NOT paused ORDER BY created_at, id COLLATE "C"`,
    );
    return this.#rows.reminders(rows);
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
      deliveryValues(record),
    );
  }

  async listDeliveries(workspace: string, reminderId: string): Promise<DeliveryRecord[]> {
    const { rows } = await this.#db.run(
      'reading reminder deliveries',
      `SELECT reminder_id, workspace, slot, status, attempts, error, updated_at FROM reminder_deliveries
       WHERE workspace = $1 AND reminder_id = $2 ORDER BY slot DESC`,
      [workspace, reminderId],
    );
    return this.#rows.deliveries(rows);
  }

  /** The reminders the user created or that are sent to them directly go, with their logs, in one statement. */
  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    return this.#erase(
      'deleting a user’s reminders',
      'DELETE FROM reminders WHERE workspace = $1 AND (created_by = $2 OR user_id = $2) RETURNING id',
      'DELETE FROM reminder_deliveries WHERE workspace = $1 AND reminder_id IN (SELECT id FROM gone) RETURNING 1',
      [workspace, userId],
    );
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return this.#erase(
      'deleting a workspace’s reminders',
      'DELETE FROM reminders WHERE workspace = $1 RETURNING id',
      'DELETE FROM reminder_deliveries WHERE workspace = $1 RETURNING 1',
      [workspace],
    );
  }

  async #erase(doing: string, reminders: string, deliveries: string, params: unknown[]): Promise<ErasedCounts> {
    const { rows } = await this.#db.run(
      doing,
      `WITH gone AS (${reminders}), log AS (${deliveries})
       SELECT (SELECT count(*) FROM gone)::int AS reminders, (SELECT count(*) FROM log)::int AS reminder_deliveries`,
      params,
    );
    const counts = rows[0] as { reminders?: number; reminder_deliveries?: number } | undefined;
    return { reminder_deliveries: counts?.reminder_deliveries ?? 0, reminders: counts?.reminders ?? 0 };
  }
}
