import { silentLogger } from '../core/ports.js';
import type { ErasableStore, ErasedCounts, Logger } from '../core/ports.js';
import type { DeliveryRecord, Reminder, ReminderStore } from '../reminders/reminder.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { REMINDER_COLUMNS, deliveryValues, reminderRows, reminderValues } from './reminder-rows.js';
import type { ReminderRows } from './reminder-rows.js';
import { sqliteColumns } from './sqlite-columns.js';
import { toIsoText } from './store-values.js';

/**
 * {@link ReminderStore} in SQLite. Ids are unique across workspaces, but every user-facing query
 * names the workspace too. `claimSlot` is one conditional UPDATE inside an immediate transaction,
 * so two processes sharing the file cannot both claim a slot.
 */
export class SqliteReminderStore implements ReminderStore, ErasableStore {
  readonly #db: Database;
  readonly #rows: ReminderRows;
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
  readonly #eraseUserDeliveries;
  readonly #eraseUserReminders;
  readonly #eraseWorkspaceDeliveries;
  readonly #eraseWorkspaceReminders;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = reminderRows(sqliteColumns, logger);
    // Any store may be the first to open the file: each brings the whole history.
    applyMigrations(db, migrations, logger);
    this.#insert = db.prepare<[string, string, string, string, string | null, string | null, string | null, string, string, string, string, string, number]>(
      `INSERT OR IGNORE INTO reminders (${REMINDER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    );
    this.#get = db.prepare<[string, string]>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE workspace = ? AND id = ?`);
    this.#listByWorkspace = db.prepare<[string]>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE workspace = ? ORDER BY created_at, id`);
    this.#listActive = db.prepare<[]>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE paused = 0 ORDER BY created_at, id`);
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
    const usersReminders = 'SELECT id FROM reminders WHERE workspace = ? AND (created_by = ? OR user_id = ?)';
    this.#eraseUserDeliveries = db.prepare<[string, string, string, string]>(
      `DELETE FROM reminder_deliveries WHERE workspace = ? AND reminder_id IN (${usersReminders})`,
    );
    this.#eraseUserReminders = db.prepare<[string, string, string]>(
      'DELETE FROM reminders WHERE workspace = ? AND (created_by = ? OR user_id = ?)',
    );
    this.#eraseWorkspaceDeliveries = db.prepare<[string]>('DELETE FROM reminder_deliveries WHERE workspace = ?');
    this.#eraseWorkspaceReminders = db.prepare<[string]>('DELETE FROM reminders WHERE workspace = ?');
  }

  async create(reminder: Reminder): Promise<boolean> {
    const result = this.#insert.run(...reminderValues(reminder), reminder.paused ? 1 : 0);
    return result.changes === 1;
  }

  async get(workspace: string, id: string): Promise<Reminder | undefined> {
    const raw = this.#get.get(workspace, id);
    return raw === undefined ? undefined : this.#rows.reminder(raw);
  }

  /** Oldest first; unreadable rows are logged and left out. */
  async listByWorkspace(workspace: string): Promise<Reminder[]> {
    return this.#rows.reminders(this.#listByWorkspace.all(workspace));
  }

  async listActive(): Promise<Reminder[]> {
    return this.#rows.reminders(this.#listActive.all());
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
    this.#upsertDelivery.run(...deliveryValues(record));
  }

  async listDeliveries(workspace: string, reminderId: string): Promise<DeliveryRecord[]> {
    return this.#rows.deliveries(this.#listDeliveries.all(workspace, reminderId));
  }

  /** The reminders the user created or that are sent to them directly go, with their logs. */
  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    return this.#db.transaction(() => ({
      reminder_deliveries: this.#eraseUserDeliveries.run(workspace, workspace, userId, userId).changes,
      reminders: this.#eraseUserReminders.run(workspace, userId, userId).changes,
    })).immediate();
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return this.#db.transaction(() => ({
      reminder_deliveries: this.#eraseWorkspaceDeliveries.run(workspace).changes,
      reminders: this.#eraseWorkspaceReminders.run(workspace).changes,
    })).immediate();
  }
}
