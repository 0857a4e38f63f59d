import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReminderStore } from '../../src/reminders/reminder.js';
import { MemoryReminderStore } from '../../src/storage/memory-reminder-store.js';
import { openDatabase } from '../../src/storage/sqlite-database.js';
import { reminderMigrations } from '../../src/storage/schema.js';
import { SqliteReminderStore } from '../../src/storage/sqlite-reminder-store.js';
import { tempDir } from '../storage/temp-dir.js';
import { reminder } from './fixtures.js';

const slot = (iso: string): Date => new Date(iso);
const at = new Date('2025-03-05T09:00:05.000Z');

const backends: Array<[string, () => ReminderStore]> = [
  ['memory', () => new MemoryReminderStore()],
  ['sqlite', () => new SqliteReminderStore(openDatabase(join(tempDir(), 'bot.db'), { migrations: reminderMigrations }))],
];

describe.each(backends)('%s reminder store', (_name, make) => {
  it('creates, reads back and refuses a taken id', () => {
    const store = make();
    expect(store.create(reminder())).toBe(true);
    expect(store.create(reminder({ workspace: 'slack:T9' }))).toBe(false);
    expect(store.get('console:local', 'r1')).toEqual(reminder());
    const direct = reminder({ id: 'r2', target: { kind: 'direct', userId: 'U7' }, schedule: { kind: 'interval', days: 90, anchor: '2025-03-01T09:00' } });
    const { city: _city, ...noCity } = direct;
    store.create(noCity);
    expect(store.get('console:local', 'r2')).toEqual(noCity);
  });

  it('keeps workspaces apart: another workspace neither sees nor changes a reminder', () => {
    const store = make();
    store.create(reminder());
    store.create(reminder({ id: 'r2', workspace: 'slack:T1', platform: 'slack', workspaceId: 'T1' }));
    expect(store.get('slack:T1', 'r1')).toBeUndefined();
    expect(store.listByWorkspace('console:local').map((r) => r.id)).toEqual(['r1']);
    expect(store.setPaused('slack:T1', 'r1', true, at)).toBe(false);
    expect(store.delete('slack:T1', 'r1')).toBe(false);
    expect(store.get('console:local', 'r1')?.paused).toBe(false);
    expect(store.listActive().map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('pauses, and on resume moves activeSince so paused slots are not owed', () => {
    const store = make();
    store.create(reminder());
    expect(store.setPaused('console:local', 'r1', true, at)).toBe(true);
    expect(store.listActive()).toEqual([]);
    expect(store.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(false);
    const later = new Date('2025-03-20T10:00:00.000Z');
    store.setPaused('console:local', 'r1', false, later);
    expect(store.get('console:local', 'r1')).toMatchObject({ paused: false, activeSince: later });
  });

  it('claims a slot once: the same or an earlier slot is refused, a later one is won', () => {
    const store = make();
    store.create(reminder());
    expect(store.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(true);
    expect(store.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(false);
    expect(store.claimSlot(reminder(), slot('2025-03-04T09:00:00Z'), at)).toBe(false);
    expect(store.get('console:local', 'r1')?.lastSlot).toEqual(slot('2025-03-05T09:00:00Z'));
    expect(store.claimSlot(reminder(), slot('2025-03-06T09:00:00Z'), at)).toBe(true);
    expect(store.claimSlot({ id: 'r1', workspace: 'slack:T1' }, slot('2025-03-07T09:00:00Z'), at)).toBe(false);
    expect(store.claimSlot({ id: 'missing', workspace: 'console:local' }, slot('2025-03-07T09:00:00Z'), at)).toBe(false);
  });

  it('logs each claimed slot and its outcome; delete removes the log too', () => {
    const store = make();
    store.create(reminder());
    store.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at);
    store.claimSlot(reminder(), slot('2025-03-06T09:00:00Z'), at);
    store.recordDelivery({ reminderId: 'r1', workspace: 'console:local', slot: slot('2025-03-06T09:00:00Z'), status: 'failed', attempts: 4, error: 'timeout', updatedAt: at });
    expect(store.listDeliveries('console:local', 'r1')).toEqual([
      { reminderId: 'r1', workspace: 'console:local', slot: slot('2025-03-06T09:00:00Z'), status: 'failed', attempts: 4, error: 'timeout', updatedAt: at },
      { reminderId: 'r1', workspace: 'console:local', slot: slot('2025-03-05T09:00:00Z'), status: 'claimed', attempts: 0, updatedAt: at },
    ]);
    expect(store.listDeliveries('slack:T1', 'r1')).toEqual([]);
    expect(store.delete('console:local', 'r1')).toBe(true);
    expect(store.get('console:local', 'r1')).toBeUndefined();
    expect(store.listDeliveries('console:local', 'r1')).toEqual([]);
  });

  it('refuses a malformed schedule instead of storing it', () => {
    const store = make();
    expect(() => store.create(reminder({ schedule: { kind: 'interval', days: 1, anchor: 'soon' } }))).toThrow();
    expect(store.listByWorkspace('console:local')).toEqual([]);
  });
});

describe('SQLite reminder store', () => {
  it('keeps reminders and claimed slots across a reopen, and two connections share one claim', () => {
    const path = join(tempDir(), 'bot.db');
    const first = openDatabase(path);
    const a = new SqliteReminderStore(first);
    a.create(reminder());
    const second = openDatabase(path);
    const b = new SqliteReminderStore(second);
    expect(a.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(true);
    expect(b.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(false);
    first.close();
    second.close();
    const reopened = new SqliteReminderStore(openDatabase(path));
    expect(reopened.get('console:local', 'r1')?.lastSlot).toEqual(slot('2025-03-05T09:00:00Z'));
  });

  it('skips and reports a damaged row, keeping the others', () => {
    const db = openDatabase(join(tempDir(), 'bot.db'));
    const warnings: unknown[] = [];
    const store = new SqliteReminderStore(db, { debug() {}, info() {}, error() {}, warn: (obj) => warnings.push(obj) });
    store.create(reminder());
    store.create(reminder({ id: 'r2' }));
    db.prepare("UPDATE reminders SET schedule = '{\"kind\":\"cron\"' WHERE id = 'r2'").run();
    expect(store.listActive().map((r) => r.id)).toEqual(['r1']);
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain('r2');
  });
});
