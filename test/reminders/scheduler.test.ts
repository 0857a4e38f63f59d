import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock, Logger } from '../../src/core/ports.js';
import type { BuildDigest } from '../../src/reminders/digest.js';
import type { ReminderStore } from '../../src/reminders/reminder.js';
import { createReminderScheduler, type ReminderSchedulerDeps } from '../../src/reminders/scheduler.js';
import { MemoryReminderStore } from '../../src/storage/memory-reminder-store.js';
import { closeDatabase, openDatabase, type Database } from '../../src/storage/sqlite-database.js';
import { SqliteReminderStore } from '../../src/storage/sqlite-reminder-store.js';
import { tempDir } from '../storage/temp-dir.js';
import { fakeNotifier, reminder } from './fixtures.js';

/** The fake clock follows vitest's fake system time, which the fake timers move forward. */
const clock: Clock = { now: () => new Date(Date.now()) };

const recordingLogger = (): Logger & { lines: Array<{ level: string; msg: string | undefined; obj: object }> } => {
  const lines: Array<{ level: string; msg: string | undefined; obj: object }> = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, msg, obj });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), lines };
};

const digest: BuildDigest = async (r, { slot }) => [{ text: `digest ${r.id} for ${slot.toISOString()}`, kind: 'summary' }];

const setup = (store: ReminderStore, overrides: Partial<ReminderSchedulerDeps> = {}) => {
  const notifier = fakeNotifier();
  const logger = recordingLogger();
  const scheduler = createReminderScheduler({
    store, notifiers: { console: notifier }, clock, buildDigest: digest, logger, retry: { attempts: 4, baseDelayMs: 1000 }, ...overrides,
  });
  return { scheduler, notifier, logger };
};

const sentSlots = (notifier: ReturnType<typeof fakeNotifier>): string[] => notifier.sent.map((s) => s.replies[0]?.text ?? '');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('scheduler: catch-up after downtime', () => {
  it('sends several missed slots once, for the latest slot, then carries on with the schedule', async () => {
    const store = new MemoryReminderStore();
    await store.create(reminder({ lastSlot: new Date('2025-03-02T09:00:00Z') }));
    vi.setSystemTime(new Date('2025-03-07T12:00:00Z'));
    const { scheduler, notifier } = setup(store);
    scheduler.start();
    await scheduler.idle();
    expect(sentSlots(notifier)).toEqual(['digest r1 for 2025-03-07T09:00:00.000Z']);
    expect((await store.get('console:local', 'r1'))?.lastSlot).toEqual(new Date('2025-03-07T09:00:00Z'));

    // The timer (capped at an hour per wait) wakes for the next morning's slot, exactly once.
    await vi.advanceTimersByTimeAsync(21 * 3_600_000 + 1000);
    await scheduler.idle();
    expect(sentSlots(notifier)).toEqual(['digest r1 for 2025-03-07T09:00:00.000Z', 'digest r1 for 2025-03-08T09:00:00.000Z']);
    await scheduler.stop();
  });

  it('sends nothing for slots before the reminder was created', async () => {
    const store = new MemoryReminderStore();
    await store.create(reminder({ createdAt: new Date('2025-03-07T10:00:00Z'), activeSince: new Date('2025-03-07T10:00:00Z') }));
    vi.setSystemTime(new Date('2025-03-07T12:00:00Z'));
    const { scheduler, notifier } = setup(store);
    expect(await scheduler.tick()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(notifier.sent).toEqual([]);
  });

  it('owes nothing for the time a reminder was paused', async () => {
    const store = new MemoryReminderStore();
    await store.create(reminder());
    await store.setPaused('console:local', 'r1', true, new Date('2025-03-01T13:00:00Z'));
    vi.setSystemTime(new Date('2025-03-10T12:00:00Z'));
    const { scheduler, notifier } = setup(store);
    expect((await scheduler.tick()).claimed).toBe(0);
    await store.setPaused('console:local', 'r1', false, clock.now());
    expect((await scheduler.tick()).claimed).toBe(0);
    vi.setSystemTime(new Date('2025-03-11T09:00:00Z'));
    expect(await scheduler.tick()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(sentSlots(notifier)).toEqual(['digest r1 for 2025-03-11T09:00:00.000Z']);
  });
});

describe('scheduler: no duplicates across restarts and processes (SQLite)', () => {
  const open = (path: string): { db: Database; store: SqliteReminderStore } => {
    const db = openDatabase(path);
    return { db, store: new SqliteReminderStore(db) };
  };

  it('does not send a slot claimed by a process that stopped before sending it', async () => {
    const path = join(tempDir(), 'bot.db');
    vi.setSystemTime(new Date('2025-03-05T09:00:00Z'));
    const before = open(path);
    await before.store.create(reminder());
    // The first process claims the 09:00 slot and then "crashes" before delivering it.
    expect(await before.store.claimSlot(reminder(), new Date('2025-03-05T09:00:00Z'), clock.now())).toBe(true);
    closeDatabase(before.db);

    vi.setSystemTime(new Date('2025-03-05T09:03:00Z'));
    const after = open(path);
    const { scheduler, notifier } = setup(after.store);
    expect(await scheduler.tick()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(notifier.sent).toEqual([]);
    // The lost slot stays visible in the delivery log.
    expect(await after.store.listDeliveries('console:local', 'r1')).toMatchObject([{ status: 'claimed', slot: new Date('2025-03-05T09:00:00Z') }]);

    vi.setSystemTime(new Date('2025-03-06T09:00:00Z'));
    expect((await scheduler.tick()).sent).toBe(1);
    closeDatabase(after.db);
  });

  it('does not resend a slot that was claimed and sent before a restart', async () => {
    const path = join(tempDir(), 'bot.db');
    vi.setSystemTime(new Date('2025-03-05T09:00:30Z'));
    const first = open(path);
    await first.store.create(reminder());
    const one = setup(first.store);
    expect(await one.scheduler.tick()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    await one.scheduler.stop();
    closeDatabase(first.db);

    vi.setSystemTime(new Date('2025-03-05T09:10:00Z'));
    const second = open(path);
    const two = setup(second.store);
    two.scheduler.start();
    await two.scheduler.idle();
    expect(two.notifier.sent).toEqual([]);
    expect(await second.store.listDeliveries('console:local', 'r1')).toMatchObject([{ status: 'sent', attempts: 1 }]);
    await two.scheduler.stop();
    closeDatabase(second.db);
  });

  it('lets only one of two processes on the same file send a slot', async () => {
    const path = join(tempDir(), 'bot.db');
    vi.setSystemTime(new Date('2025-03-05T09:00:00Z'));
    const a = open(path);
    const b = open(path);
    await a.store.create(reminder());
    const one = setup(a.store);
    const two = setup(b.store);
    const results = await Promise.all([one.scheduler.tick(), two.scheduler.tick()]);
    expect(results.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(one.notifier.sent.length + two.notifier.sent.length).toBe(1);
    closeDatabase(a.db);
    closeDatabase(b.db);
  });
});

describe('scheduler: delivery', () => {
  it('retries with exponential back-off, then succeeds', async () => {
    const store = new MemoryReminderStore();
    await store.create(reminder());
    vi.setSystemTime(new Date('2025-03-05T09:00:00Z'));
    const { scheduler, notifier, logger } = setup(store);
    notifier.failures = 2;
    const done = scheduler.tick();
    await vi.advanceTimersByTimeAsync(999);
    expect(notifier.failures).toBe(1); // only the first attempt so far
    await vi.advanceTimersByTimeAsync(1);
    expect(notifier.failures).toBe(0); // second attempt after 1 s, failed
    await vi.advanceTimersByTimeAsync(1999);
    expect(notifier.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1); // third attempt 2 s later
    expect(await done).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.obj)).toMatchObject([
      { attempt: 1, delayMs: 1000, err: 'channel_not_found' },
      { attempt: 2, delayMs: 2000, err: 'channel_not_found' },
    ]);
    expect(await store.listDeliveries('console:local', 'r1')).toMatchObject([{ status: 'sent', attempts: 3 }]);
  });

  it('gives up after the last attempt, logs an error and keeps the slot claimed', async () => {
    const store = new MemoryReminderStore();
    await store.create(reminder());
    vi.setSystemTime(new Date('2025-03-05T09:00:00Z'));
    const { scheduler, notifier, logger } = setup(store, { retry: { attempts: 3, baseDelayMs: 500 } });
    notifier.failures = 100;
    const done = scheduler.tick();
    await vi.advanceTimersByTimeAsync(500 + 1000);
    expect(await done).toEqual({ claimed: 1, sent: 0, failed: 1 });
    expect(notifier.failures).toBe(97);
    expect(logger.lines.filter((l) => l.level === 'error')).toMatchObject([{ obj: { attempts: 3, err: 'channel_not_found' } }]);
    expect(await store.listDeliveries('console:local', 'r1')).toMatchObject([{ status: 'failed', attempts: 3, error: 'channel_not_found' }]);
    notifier.failures = 0;
    expect((await scheduler.tick()).claimed).toBe(0);
  });

  it('abandons a pending retry when stopped', async () => {
    const store = new MemoryReminderStore();
    await store.create(reminder());
    vi.setSystemTime(new Date('2025-03-05T09:00:00Z'));
    const { scheduler, notifier } = setup(store);
    notifier.failures = 1;
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(notifier.sent).toEqual([]);
    expect(await store.listDeliveries('console:local', 'r1')).toMatchObject([{ status: 'failed', attempts: 1 }]);
  });

  it('sends to a channel or as a direct message through the platform’s notifier', async () => {
    const store = new MemoryReminderStore();
    await store.create(reminder());
    await store.create(reminder({ id: 'r2', target: { kind: 'direct', userId: 'U7' } }));
    await store.create(reminder({ id: 'r3', workspace: 'discord:G1', platform: 'discord', workspaceId: 'G1' }));
    vi.setSystemTime(new Date('2025-03-05T09:00:00Z'));
    const { scheduler, notifier, logger } = setup(store);
    expect(await scheduler.tick()).toEqual({ claimed: 3, sent: 2, failed: 1 });
    expect(notifier.sent.map((s) => s.target)).toEqual([
      { platform: 'console', workspaceId: 'local', channelId: 'general' },
      { platform: 'console', workspaceId: 'local', userId: 'U7' },
    ]);
    expect(notifier.sent[0]?.replies).toEqual([{ text: 'digest r1 for 2025-03-05T09:00:00.000Z', kind: 'summary' }]);
    expect(logger.lines.find((l) => l.level === 'error')?.obj).toMatchObject({ reminder: 'r3', platform: 'discord' });
  });

  it('logs a digest that cannot be built and carries on with the others', async () => {
    const store = new MemoryReminderStore();
    await store.create(reminder());
    await store.create(reminder({ id: 'r2' }));
    vi.setSystemTime(new Date('2025-03-05T09:00:00Z'));
    const broken: BuildDigest = (r, time) => {
      if (r.id === 'r1') throw new Error('results unavailable');
      return digest(r, time);
    };
    const { scheduler, notifier } = setup(store, { buildDigest: broken });
    expect(await scheduler.tick()).toEqual({ claimed: 2, sent: 1, failed: 1 });
    expect(sentSlots(notifier)).toEqual(['digest r2 for 2025-03-05T09:00:00.000Z']);
  });
});

describe('scheduler: timer', () => {
  it('waits for the earliest next run, at most an hour at a time, and re-arms on refresh', async () => {
    const store = new MemoryReminderStore();
    vi.setSystemTime(new Date('2025-03-05T08:30:00Z'));
    await store.create(reminder({ createdAt: clock.now(), activeSince: clock.now() }));
    const delays: number[] = [];
    const { scheduler } = setup(store, {
      setTimer: (run, ms) => { delays.push(ms); return setTimeout(run, ms); },
      clearTimer: (handle) => { if (typeof handle === 'object' && handle !== null) clearTimeout(handle as ReturnType<typeof setTimeout>); },
    });
    scheduler.start();
    await scheduler.idle();
    expect(delays).toEqual([30 * 60_000]);
    await store.create(reminder({ id: 'r2', schedule: { kind: 'cron', expr: '40 8 * * *' }, createdAt: clock.now(), activeSince: clock.now() }));
    await scheduler.refresh();
    expect(delays.at(-1)).toBe(10 * 60_000);
    await scheduler.stop();

    const far = new MemoryReminderStore();
    await far.create(reminder({ schedule: { kind: 'cron', expr: '0 9 1 1 *' }, createdAt: clock.now(), activeSince: clock.now() }));
    const capped: number[] = [];
    const other = setup(far, { setTimer: (run, ms) => { capped.push(ms); return setTimeout(run, ms); }, clearTimer: () => {} });
    other.scheduler.start();
    await other.scheduler.idle();
    expect(capped).toEqual([3_600_000]);
    await other.scheduler.stop();
  });
});
