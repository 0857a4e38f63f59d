import { scheduleSchema } from '../reminders/reminder.js';
import type { DeliveryRecord, Reminder, ReminderStore } from '../reminders/reminder.js';
import type { ErasableStore, ErasedCounts } from '../core/ports.js';
import { toIsoText } from './store-values.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * {@link ReminderStore} in memory, for tests and the console; lost on restart. Behaves like the
 * SQLite store, including the compare-and-set in `claimSlot` (atomic here because it never awaits).
 */
export class MemoryReminderStore implements ReminderStore, ErasableStore {
  readonly #rows = new Map<string, Reminder>();
  readonly #deliveries = new Map<string, DeliveryRecord>();

  async create(reminder: Reminder): Promise<boolean> {
    toIsoText(reminder.createdAt, 'createdAt');
    toIsoText(reminder.activeSince, 'activeSince');
    scheduleSchema.parse(reminder.schedule);
    if (this.#rows.has(reminder.id)) return false;
    this.#rows.set(reminder.id, copy(reminder));
    return true;
  }

  async get(workspace: string, id: string): Promise<Reminder | undefined> {
    const row = this.#rows.get(id);
    return row === undefined || row.workspace !== workspace ? undefined : copy(row);
  }

  async listByWorkspace(workspace: string): Promise<Reminder[]> {
    return this.#sorted().filter((row) => row.workspace === workspace).map(copy);
  }

  async listActive(): Promise<Reminder[]> {
    return this.#sorted().filter((row) => !row.paused).map(copy);
  }

  async setPaused(workspace: string, id: string, paused: boolean, at: Date): Promise<boolean> {
    const row = this.#rows.get(id);
    if (row === undefined || row.workspace !== workspace) return false;
    toIsoText(at, 'at');
    row.paused = paused;
    if (!paused) row.activeSince = new Date(at);
    return true;
  }

  async delete(workspace: string, id: string): Promise<boolean> {
    const row = this.#rows.get(id);
    if (row === undefined || row.workspace !== workspace) return false;
    this.#rows.delete(id);
    for (const [key, record] of this.#deliveries) if (record.reminderId === id) this.#deliveries.delete(key);
    return true;
  }

  async claimSlot(reminder: Pick<Reminder, 'id' | 'workspace'>, slot: Date, at: Date): Promise<boolean> {
    toIsoText(slot, 'slot');
    const row = this.#rows.get(reminder.id);
    if (row === undefined || row.workspace !== reminder.workspace || row.paused) return false;
    if (row.lastSlot !== undefined && row.lastSlot.getTime() >= slot.getTime()) return false;
    row.lastSlot = new Date(slot);
    this.recordDelivery({ reminderId: reminder.id, workspace: reminder.workspace, slot, status: 'claimed', attempts: 0, updatedAt: at });
    return true;
  }

  async recordDelivery(record: DeliveryRecord): Promise<void> {
    toIsoText(record.updatedAt, 'updatedAt');
    this.#deliveries.set(JSON.stringify([record.reminderId, record.slot.toISOString()]), copy(record));
  }

  async listDeliveries(workspace: string, reminderId: string): Promise<DeliveryRecord[]> {
    return [...this.#deliveries.values()]
      .filter((record) => record.workspace === workspace && record.reminderId === reminderId)
      .sort((a, b) => b.slot.getTime() - a.slot.getTime())
      .map(copy);
  }

  /** The reminders the user created or that are sent to them directly go, with their logs. */
  async eraseUser(workspace: string, userId: string): Promise<ErasedCounts> {
    return this.#erase((row) => row.workspace === workspace && (row.createdBy === userId || (row.target.kind === 'direct' && row.target.userId === userId)));
  }

  async eraseWorkspace(workspace: string): Promise<ErasedCounts> {
    return this.#erase((row) => row.workspace === workspace);
  }

  #erase(test: (row: Reminder) => boolean): ErasedCounts {
    const counts = { reminder_deliveries: 0, reminders: 0 };
    for (const [id, row] of this.#rows) {
      if (!test(row)) continue;
      this.#rows.delete(id);
      counts.reminders += 1;
      for (const [key, record] of this.#deliveries) {
        if (record.reminderId === id && this.#deliveries.delete(key)) counts.reminder_deliveries += 1;
      }
    }
    return counts;
  }

  /** Oldest first, ties by id, as the SQLite store orders them. */
  #sorted(): Reminder[] {
    return [...this.#rows.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
