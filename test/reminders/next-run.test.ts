import { describe, expect, it } from 'vitest';
import { latestSlotBetween, nextSlotAfter } from '../../src/reminders/next-run.js';
import type { Schedule } from '../../src/reminders/reminder.js';
import { formatInZone } from '../../src/reminders/time-zone.js';

const cron = (expr: string): Schedule => ({ kind: 'cron', expr });
const at = (iso: string): Date => new Date(iso);

/** The next `n` slots after `from`, as ISO text. */
const runs = (schedule: Schedule, zone: string, from: string, n: number): string[] => {
  const out: string[] = [];
  let cursor = at(from);
  for (let i = 0; i < n; i++) {
    const next = nextSlotAfter(schedule, zone, cursor);
    if (next === undefined) break;
    out.push(next.toISOString());
    cursor = next;
  }
  return out;
};

describe('next run: every day 9:00 Europe/London across the clock changes', () => {
  it('keeps 09:00 local across the last Sunday of March (GMT -> BST)', () => {
    expect(runs(cron('0 9 * * *'), 'Europe/London', '2025-03-28T12:00:00Z', 4)).toEqual([
      '2025-03-29T09:00:00.000Z', // Sat, GMT
      '2025-03-30T08:00:00.000Z', // Sun, the change day: 09:00 BST
      '2025-03-31T08:00:00.000Z',
      '2025-04-01T08:00:00.000Z',
    ]);
  });

  it('keeps 09:00 local across the last Sunday of October (BST -> GMT)', () => {
    expect(runs(cron('0 9 * * *'), 'Europe/London', '2025-10-25T12:00:00Z', 3)).toEqual([
      '2025-10-26T09:00:00.000Z',
      '2025-10-27T09:00:00.000Z',
      '2025-10-28T09:00:00.000Z',
    ]);
  });

  it('shows the zone abbreviation of each side of the change', () => {
    expect(formatInZone(at('2025-03-29T09:00:00Z'), 'Europe/London')).toBe('Sat 29 Mar 2025, 09:00 GMT');
    expect(formatInZone(at('2025-03-30T08:00:00Z'), 'Europe/London')).toBe('Sun 30 Mar 2025, 09:00 BST');
  });

  it('gives a different instant for the same wall time in another zone', () => {
    expect(nextSlotAfter(cron('0 9 * * 1'), 'Asia/Seoul', at('2025-05-20T00:00:00Z'))?.toISOString()).toBe('2025-05-26T00:00:00.000Z');
    expect(nextSlotAfter(cron('0 9 * * 1'), 'America/New_York', at('2025-05-20T00:00:00Z'))?.toISOString()).toBe('2025-05-26T13:00:00.000Z');
    // India is +05:30 all year.
    expect(nextSlotAfter(cron('0 9 * * *'), 'Asia/Kolkata', at('2025-05-20T00:00:00Z'))?.toISOString()).toBe('2025-05-20T03:30:00.000Z');
  });

  it('follows the southern hemisphere: Sydney leaves daylight saving on the first Sunday of April', () => {
    expect(runs(cron('0 9 * * *'), 'Australia/Sydney', '2025-04-04T12:00:00Z', 2)).toEqual([
      '2025-04-04T22:00:00.000Z', // Sat 5 Apr 09:00 AEDT (+11)
      '2025-04-05T23:00:00.000Z', // Sun 6 Apr 09:00 AEST (+10): the clocks went back at 03:00
    ]);
  });
});

describe('next run: a 02:30 slot on the spring-forward day in America/New_York', () => {
  // On 9 March 2025 clocks jump from 02:00 to 03:00 EDT: 02:30 does not exist that day. The slot
  // runs at the first valid time after the gap, 03:00 EDT (07:00Z), once; the next day 02:30 again.
  it('runs at 03:00 EDT that day and at 02:30 afterwards', () => {
    expect(runs(cron('30 2 * * *'), 'America/New_York', '2025-03-08T12:00:00Z', 3)).toEqual([
      '2025-03-09T07:00:00.000Z',
      '2025-03-10T06:30:00.000Z',
      '2025-03-11T06:30:00.000Z',
    ]);
  });

  it('runs a 01:30 slot once on the fall-back day, though 01:30 happens twice', () => {
    expect(runs(cron('30 1 * * *'), 'America/New_York', '2025-11-01T12:00:00Z', 3)).toEqual([
      '2025-11-02T05:30:00.000Z', // 01:30 EDT, the first occurrence
      '2025-11-03T06:30:00.000Z', // 01:30 EST
      '2025-11-04T06:30:00.000Z',
    ]);
  });

  it('treats an interval slot in the gap the same way', () => {
    const everyTwoDays: Schedule = { kind: 'interval', days: 2, anchor: '2025-03-07T02:30' };
    expect(runs(everyTwoDays, 'America/New_York', '2025-03-06T00:00:00Z', 3)).toEqual([
      '2025-03-07T07:30:00.000Z', // 02:30 EST
      '2025-03-09T07:00:00.000Z', // gap: 03:00 EDT
      '2025-03-11T06:30:00.000Z', // 02:30 EDT
    ]);
  });
});

describe('next run: intervals', () => {
  const every90: Schedule = { kind: 'interval', days: 90, anchor: '2025-01-10T09:00' };

  it('counts whole local days, keeping the wall time across daylight saving', () => {
    expect(runs(every90, 'Europe/London', '2025-01-10T08:00:00Z', 4)).toEqual([
      '2025-01-10T09:00:00.000Z', // the anchor day itself, when created before 09:00
      '2025-04-10T08:00:00.000Z', // 90 days later, 09:00 BST
      '2025-07-09T08:00:00.000Z',
      '2025-10-07T08:00:00.000Z',
    ]);
  });

  it('starts after the anchor when created later that day', () => {
    expect(nextSlotAfter(every90, 'Europe/London', at('2025-01-10T12:00:00Z'))?.toISOString()).toBe('2025-04-10T08:00:00.000Z');
  });

  it('finds the next slot from far in the future without walking every slot', () => {
    // 2035-05-18 is slot 41 (3,690 days after the anchor); slot 42 is 2035-08-16.
    expect(nextSlotAfter(every90, 'Europe/London', at('2035-06-01T00:00:00Z'))?.toISOString()).toBe('2035-08-16T08:00:00.000Z');
  });
});

describe('latest slot between: what a restart owes', () => {
  it('is the latest of several missed slots, only one', () => {
    const slot = latestSlotBetween(cron('0 9 * * *'), 'Europe/London', at('2025-03-27T09:00:00Z'), at('2025-04-02T12:00:00Z'));
    expect(slot?.toISOString()).toBe('2025-04-02T08:00:00.000Z');
  });

  it('includes a slot exactly at now and excludes one exactly at the lower bound', () => {
    const monday = cron('0 9 * * 1');
    expect(latestSlotBetween(monday, 'UTC', at('2025-05-19T08:00:00Z'), at('2025-05-19T09:00:00Z'))?.toISOString()).toBe('2025-05-19T09:00:00.000Z');
    expect(latestSlotBetween(monday, 'UTC', at('2025-05-19T09:00:00Z'), at('2025-05-25T09:00:00Z'))).toBeUndefined();
  });

  it('works for intervals', () => {
    const every90: Schedule = { kind: 'interval', days: 90, anchor: '2025-01-10T09:00' };
    expect(latestSlotBetween(every90, 'Europe/London', at('2025-01-01T00:00:00Z'), at('2025-12-31T00:00:00Z'))?.toISOString()).toBe('2025-10-07T08:00:00.000Z');
    expect(latestSlotBetween(every90, 'Europe/London', at('2025-01-01T00:00:00Z'), at('2025-01-10T08:59:00Z'))).toBeUndefined();
  });
});
