import { scheduleSchema } from '../reminders/reminder.js';
import type { DeliveryRecord, Reminder, ReminderStore } from '../reminders/reminder.js';
import { toIsoText } from './store-values.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * {@link ReminderStore} in memory, for tests and the console; lost on restart. Behaves like the
 * SQLite store, including the compare-and-set in `claimSlot` (atomic here because it never awaits).
 */
export class MemoryReminderStore implements ReminderStore {
  readonly #rows = new Map<string, Reminder>();
  readonly #deliveries = new Map<string, DeliveryRecord>();

  create(reminder: Reminder): boolean {
    toIsoText(reminder.createdAt, 'createdAt');
    toIsoText(reminder.activeSince, 'activeSince');
    scheduleSchema.parse(reminder.schedule);
    if (this.#rows.has(reminder.id)) return false;
    this.#rows.set(reminder.id, copy(reminder));
    return true;
  }

  get(workspace: string, id: string): Reminder | undefined {
    const row = this.#rows.get(id);
    return row === undefined || row.workspace !== workspace ? undefined : copy(row);
  }

  listByWorkspace(workspace: string): Reminder[] {
    return this.#sorted().filter((row) => row.workspace === workspace).map(copy);
  }

  listActive(): Reminder[] {
    return this.#sorted().filter((row) => !row.paused).map(copy);
  }

  setPaused(workspace: string, id: string, paused: boolean, at: Date): boolean {
    const row = this.#rows.get(id);
    if (row === undefined || row.workspace !== workspace) return false;
    toIsoText(at, 'at');
    row.paused = paused;
    if (!paused) row.activeSince = new Date(at);
    return true;
  }

  delete(workspace: string, id: string): boolean {
    const row = this.#rows.get(id);
    if (row === undefined || row.workspace !== workspace) return false;
    this.#rows.delete(id);
    for (const [key, record] of this.#deliveries) if (record.reminderId === id) this.#deliveries.delete(key);
    return true;
  }

  claimSlot(reminder: Pick<Reminder, 'id' | 'workspace'>, slot: Date, at: Date): boolean {
    toIsoText(slot, 'slot');
    const row = this.#rows.get(reminder.id);
    if (row === undefined || row.workspace !== reminder.workspace || row.paused) return false;
    if (row.lastSlot !== undefined && row.lastSlot.getTime() >= slot.getTime()) return false;
    row.lastSlot = new Date(slot);
    this.recordDelivery({ reminderId: reminder.id, workspace: reminder.workspace, slot, status: 'claimed', attempts: 0, updatedAt: at });
    return true;
  }

  recordDelivery(record: DeliveryRecord): void {
    toIsoText(record.updatedAt, 'updatedAt');
    this.#deliveries.set(JSON.stringify([record.reminderId, record.slot.toISOString()]), copy(record));
  }

  listDeliveries(workspace: string, reminderId: string): DeliveryRecord[] {
    return [...this.#deliveries.values()]
      .filter((record) => record.workspace === workspace && record.reminderId === reminderId)
      .sort((a, b) => b.slot.getTime() - a.slot.getTime())
      .map(copy);
  }

  /** Oldest first, ties by id, as the SQLite store orders them. */
  #sorted(): Reminder[] {
    return [...this.#rows.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
