import { join } from 'node:path';
import { afterEach, describe, expect, it, it as itRun } from 'vitest';
import type { ErasableStore } from '../../src/core/ports.js';
import type { ReminderStore } from '../../src/reminders/reminder.js';
import { MemoryReminderStore } from '../../src/storage/memory-reminder-store.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { openDatabase } from '../../src/storage/sqlite-database.js';
import { reminderMigrations } from '../../src/storage/schema.js';
import { SqliteReminderStore } from '../../src/storage/sqlite-reminder-store.js';
import { tempDir } from '../storage/temp-dir.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { reminder } from './fixtures.js';

const slot = (iso: string): Date => new Date(iso);
const at = new Date('2025-03-05T09:00:05.000Z');

type Store = ReminderStore & ErasableStore;
const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const backends: Array<{ name: string; skip: boolean; make: () => Store | Promise<Store> }> = [
  { name: 'memory', skip: false, make: () => new MemoryReminderStore() },
  {
    name: 'sqlite',
    skip: false,
    make: () => new SqliteReminderStore(openDatabase(join(tempDir(), 'bot.db'), { migrations: reminderMigrations })),
  },
  {
    name: 'postgres',
    skip: !withPostgres,
    make: async () => {
      const schema = await freshSchema();
      const stores = await createPostgresStores(schema.url);
      closers.push(() => stores.close().then(schema.drop));
      return stores.reminders;
    },
  },
];

describe.each(backends)('$name reminder store', ({ make, skip }) => {
  const it = skip ? itRun.skip : itRun;
  it('creates, reads back and refuses a taken id', async () => {
    const store = await make();
    expect(await store.create(reminder())).toBe(true);
    expect(await store.create(reminder({ workspace: 'slack:T9' }))).toBe(false);
    expect(await store.get('console:local', 'r1')).toEqual(reminder());
    const direct = reminder({ id: 'r2', target: { kind: 'direct', userId: 'U7' }, schedule: { kind: 'interval', days: 90, anchor: '2025-03-01T09:00' } });
    const { city: _city, ...noCity } = direct;
    await store.create(noCity);
    expect(await store.get('console:local', 'r2')).toEqual(noCity);
  });

  it('keeps workspaces apart: another workspace neither sees nor changes a reminder', async () => {
    const store = await make();
    await store.create(reminder());
    await store.create(reminder({ id: 'r2', workspace: 'slack:T1', platform: 'slack', workspaceId: 'T1' }));
    expect(await store.get('slack:T1', 'r1')).toBeUndefined();
    expect((await store.listByWorkspace('console:local')).map((r) => r.id)).toEqual(['r1']);
    expect(await store.setPaused('slack:T1', 'r1', true, at)).toBe(false);
    expect(await store.delete('slack:T1', 'r1')).toBe(false);
    expect((await store.get('console:local', 'r1'))?.paused).toBe(false);
    expect((await store.listActive()).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('pauses, and on resume moves activeSince so paused slots are not owed', async () => {
    const store = await make();
    await store.create(reminder());
    expect(await store.setPaused('console:local', 'r1', true, at)).toBe(true);
    expect(await store.listActive()).toEqual([]);
    expect(await store.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(false);
    const later = new Date('2025-03-20T10:00:00.000Z');
    await store.setPaused('console:local', 'r1', false, later);
    expect(await store.get('console:local', 'r1')).toMatchObject({ paused: false, activeSince: later });
  });

  it('claims a slot once: the same or an earlier slot is refused, a later one is won', async () => {
    const store = await make();
    await store.create(reminder());
    expect(await store.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(true);
    expect(await store.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(false);
    expect(await store.claimSlot(reminder(), slot('2025-03-04T09:00:00Z'), at)).toBe(false);
    expect((await store.get('console:local', 'r1'))?.lastSlot).toEqual(slot('2025-03-05T09:00:00Z'));
    expect(await store.claimSlot(reminder(), slot('2025-03-06T09:00:00Z'), at)).toBe(true);
    expect(await store.claimSlot({ id: 'r1', workspace: 'slack:T1' }, slot('2025-03-07T09:00:00Z'), at)).toBe(false);
    expect(await store.claimSlot({ id: 'missing', workspace: 'console:local' }, slot('2025-03-07T09:00:00Z'), at)).toBe(false);
  });

  it('logs each claimed slot and its outcome; delete removes the log too', async () => {
    const store = await make();
    await store.create(reminder());
    await store.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at);
    await store.claimSlot(reminder(), slot('2025-03-06T09:00:00Z'), at);
    await store.recordDelivery({ reminderId: 'r1', workspace: 'console:local', slot: slot('2025-03-06T09:00:00Z'), status: 'failed', attempts: 4, error: 'timeout', updatedAt: at });
    expect(await store.listDeliveries('console:local', 'r1')).toEqual([
      { reminderId: 'r1', workspace: 'console:local', slot: slot('2025-03-06T09:00:00Z'), status: 'failed', attempts: 4, error: 'timeout', updatedAt: at },
      { reminderId: 'r1', workspace: 'console:local', slot: slot('2025-03-05T09:00:00Z'), status: 'claimed', attempts: 0, updatedAt: at },
    ]);
    expect(await store.listDeliveries('slack:T1', 'r1')).toEqual([]);
    expect(await store.delete('console:local', 'r1')).toBe(true);
    expect(await store.get('console:local', 'r1')).toBeUndefined();
    expect(await store.listDeliveries('console:local', 'r1')).toEqual([]);
  });

  it('erases the reminders a user created or receives directly, with their logs, and a whole workspace', async () => {
    const store = await make();
    const ws = { workspace: 'slack:T1', platform: 'slack' as const, workspaceId: 'T1' };
    await store.create(reminder({ ...ws, id: 'mine' }));
    await store.create(reminder({ ...ws, id: 'to-me', createdBy: 'U2', target: { kind: 'direct', userId: 'U1' } }));
    await store.create(reminder({ ...ws, id: 'theirs', createdBy: 'U2' }));
    await store.create(reminder({ id: 'elsewhere' }));
    for (const id of ['mine', 'to-me', 'theirs']) await store.claimSlot({ id, workspace: 'slack:T1' }, slot('2025-03-05T09:00:00Z'), at);
    await store.claimSlot({ id: 'elsewhere', workspace: 'console:local' }, slot('2025-03-05T09:00:00Z'), at);
    expect(await store.eraseUser('slack:T1', 'U1')).toEqual({ reminder_deliveries: 2, reminders: 2 });
    expect((await store.listByWorkspace('slack:T1')).map((r) => r.id)).toEqual(['theirs']);
    expect(await store.listDeliveries('slack:T1', 'mine')).toEqual([]);
    expect(await store.listDeliveries('slack:T1', 'theirs')).toHaveLength(1);
    expect(await store.eraseUser('console:local', 'U2')).toEqual({ reminder_deliveries: 0, reminders: 0 });
    expect(await store.eraseWorkspace('slack:T1')).toEqual({ reminder_deliveries: 1, reminders: 1 });
    expect(await store.listByWorkspace('slack:T1')).toEqual([]);
    expect((await store.listActive()).map((r) => r.id)).toEqual(['elsewhere']);
    expect(await store.listDeliveries('console:local', 'elsewhere')).toHaveLength(1);
    expect(await store.eraseWorkspace('slack:T1')).toEqual({ reminder_deliveries: 0, reminders: 0 });
  });

  it('refuses a malformed schedule instead of storing it', async () => {
    const store = await make();
    await expect(async () => await store.create(reminder({ schedule: { kind: 'interval', days: 1, anchor: 'soon' } }))).rejects.toThrow();
    expect(await store.listByWorkspace('console:local')).toEqual([]);
  });
});

describe('SQLite reminder store', () => {
  it('keeps reminders and claimed slots across a reopen, and two connections share one claim', async () => {
    const path = join(tempDir(), 'bot.db');
    const first = openDatabase(path);
    const a = new SqliteReminderStore(first);
    await a.create(reminder());
    const second = openDatabase(path);
    const b = new SqliteReminderStore(second);
    expect(await a.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(true);
    expect(await b.claimSlot(reminder(), slot('2025-03-05T09:00:00Z'), at)).toBe(false);
    first.close();
    second.close();
    const reopened = new SqliteReminderStore(openDatabase(path));
    expect((await reopened.get('console:local', 'r1'))?.lastSlot).toEqual(slot('2025-03-05T09:00:00Z'));
  });

  it('skips and reports a damaged row, keeping the others', async () => {
    const db = openDatabase(join(tempDir(), 'bot.db'));
    const warnings: unknown[] = [];
    const store = new SqliteReminderStore(db, { debug() {}, info() {}, error() {}, warn: (obj) => warnings.push(obj) });
    await store.create(reminder());
    await store.create(reminder({ id: 'r2' }));
    db.prepare("UPDATE reminders SET schedule = '{\"kind\":\"cron\"' WHERE id = 'r2'").run();
    expect((await store.listActive()).map((r) => r.id)).toEqual(['r1']);
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain('r2');
  });
});

describe.skipIf(!withPostgres)('PostgreSQL reminder store', () => {
  it('lets exactly one of two instances claim each slot when both try at the same moment', async () => {
    const schema = await freshSchema();
    const first = await createPostgresStores(schema.url);
    const second = await createPostgresStores(schema.url);
    closers.push(() => first.close().then(() => second.close()).then(schema.drop));
    await first.reminders.create(reminder());
    const slots = Array.from({ length: 30 }, (_, day) => new Date(Date.UTC(2025, 3, day + 1, 9)));
    const wins = await Promise.all(
      slots.flatMap((s) => [first.reminders.claimSlot(reminder(), s, at), second.reminders.claimSlot(reminder(), s, at)]),
    );
    // Slots are claimed in order, so a slot may also be refused to both when a later one won first.
    const wonSlots = (await first.reminders.listDeliveries('console:local', 'r1')).map((d) => d.slot.toISOString());
    expect(wins.filter(Boolean)).toHaveLength(wonSlots.length);
    expect(new Set(wonSlots).size).toBe(wonSlots.length);
    expect(wonSlots.length).toBeGreaterThan(0);
    expect((await second.reminders.get('console:local', 'r1'))?.lastSlot).toEqual(slots.at(-1));

    await first.reminders.create(reminder({ id: 'r2' }));
    const same = slot('2025-05-01T09:00:00Z');
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? first : second).reminders.claimSlot(reminder({ id: 'r2' }), same, at)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
