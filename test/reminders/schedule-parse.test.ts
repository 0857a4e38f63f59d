import { describe, expect, it } from 'vitest';
import { describeSchedule } from '../../src/reminders/schedule-describe.js';
import { parseSchedule } from '../../src/reminders/schedule-parse.js';

// Tuesday 20 May 2025, 11:00 in London.
const ctx = { now: new Date('2025-05-20T10:00:00Z'), timeZone: 'Europe/London' };

const parsed = (phrase: string) => {
  const result = parseSchedule(phrase, ctx);
  if ('error' in result) throw new Error(`${phrase}: ${result.error}`);
  return result;
};

describe('parseSchedule: plain words to cron', () => {
  it.each([
    ['every monday 9:00', '0 9 * * 1'],
    ['every Monday at 9am', '0 9 * * 1'],
    ['mondays at 2.30pm', '30 14 * * 1'],
    ['every mon and thu at 9:15', '15 9 * * 1,4'],
    ['every monday, wednesday & friday at 17:45', '45 17 * * 1,3,5'],
    ['weekly on friday at 12pm', '0 12 * * 5'],
    ['every 1 week on friday', '0 9 * * 5'],
    ['daily at 8:05', '5 8 * * *'],
    ['every day at noon', '0 12 * * *'],
    ['each day at midnight', '0 0 * * *'],
    ['every weekday at 8:30', '30 8 * * 1-5'],
    ['every working day', '0 9 * * 1-5'],
    ['monday to friday at 7am', '0 7 * * 1-5'],
    ['every weekend at 10', '0 10 * * 0,6'],
    ['monthly on the 1st at 10:00', '0 10 1 * *'],
    ['on the 1st of every month at 10', '0 10 1 * *'],
    ['every month on the 15th', '0 9 15 * *'],
    ['monthly', '0 9 1 * *'],
    ['on the last day of every month at 16:00', '0 16 L * *'],
    ['monthly on the first monday', '0 9 * * 1#1'],
    ['first monday of every month at 9', '0 9 * * 1#1'],
    ['every second tuesday of the month', '0 9 * * 2#2'],
    ['the last friday of the month at 3pm', '0 15 * * 5L'],
    // Counted from May, the month of creation.
    ['every 3 months on the 1st', '0 9 1 2,5,8,11 *'],
    ['quarterly at 10:00', '0 10 1 2,5,8,11 *'],
    ['every 6 months on the last day', '0 9 L 5,11 *'],
    ['every 1 day at 6', '0 6 * * *'],
  ])('%s -> %s', (phrase, expr) => {
    expect(parsed(phrase).schedule).toEqual({ kind: 'cron', expr });
  });

  it('takes cron expressions as written, in any quotes', () => {
    expect(parsed('cron "0 9 * * 1"').schedule).toEqual({ kind: 'cron', expr: '0 9 * * 1' });
    expect(parsed("cron '30  8 1 * *'").schedule).toEqual({ kind: 'cron', expr: '30 8 1 * *' });
    expect(parsed('cron `0 9 * * MON-FRI`').schedule).toEqual({ kind: 'cron', expr: '0 9 * * MON-FRI' });
  });

  it('says when the default time was used, and warns about days missing from short months', () => {
    expect(parsed('every monday').defaultTime).toBe(true);
    expect(parsed('every monday at 10').defaultTime).toBe(false);
    expect(parsed('monthly on the 31st').note).toMatch(/Months without a 31st day are skipped/);
    expect(parsed('monthly on the 28th').note).toBeUndefined();
  });
});

describe('parseSchedule: intervals cron cannot count', () => {
  it.each([
    ['every 90 days', 90, '2025-05-20T09:00'],
    ['every 90 days at 17:00', 90, '2025-05-20T17:00'],
    ['every other day', 2, '2025-05-20T09:00'],
    ['every two weeks', 14, '2025-05-20T09:00'],
    // Anchored on the next Monday (26 May) and Friday (23 May) after Tuesday 20 May.
    ['every 2 weeks on monday at 9', 14, '2025-05-26T09:00'],
    ['every other monday', 14, '2025-05-26T09:00'],
    ['fortnightly on friday at 16:00', 14, '2025-05-23T16:00'],
    ['every 3 weeks on tuesday', 21, '2025-05-20T09:00'],
  ])('%s -> every %i days from %s', (phrase, days, anchor) => {
    expect(parsed(phrase).schedule).toEqual({ kind: 'interval', days, anchor });
  });

  it('anchors on the local date of the zone, not UTC', () => {
    // 23:30 UTC on 20 May is already 21 May in Seoul.
    const late = parseSchedule('every 90 days', { now: new Date('2025-05-20T23:30:00Z'), timeZone: 'Asia/Seoul' });
    expect(late).toMatchObject({ schedule: { kind: 'interval', days: 90, anchor: '2025-05-21T09:00' } });
  });
});

describe('parseSchedule: rejections', () => {
  it.each([
    ['', /Say when/],
    ['sometime soon', /could not read “sometime soon”/],
    ['every constructor', /could not read/],
    ['every hour', /days, not hours/],
    ['every 15 minutes', /days, not hours/],
    ['every monday at 25:00', /time of day/],
    ['every monday at 9:75', /time of day/],
    ['every monday at 13pm', /time of day/],
    ['every monday at', /time of day/],
    ['every monday at 9 and 5pm', /one time of day/],
    ['every 0 days', /at least 1/],
    ['every 400 days', /366 days/],
    ['every 5 months', /1, 2, 3, 4, 6 or 12 months/],
    ['every 2 weeks on monday and friday', /one weekday only/],
    ['every 2 weeks on someday', /name a weekday/],
    ['every 10 days on monday', /did not understand/],
    ['monthly on the 32nd', /no day 32/],
    ['cron ""', /cron expression in quotes/],
    ['cron "*/5 * * * *"', /more than once an hour/],
    ['cron "61 9 * * *"', /cannot be used/],
    ['cron "0 0 9 * * 1"', /cannot be used/],
    ['cron "0 0 30 2 *"', /never runs|cannot be used/],
  ])('%j is refused', (phrase, message) => {
    const result = parseSchedule(phrase, ctx);
    expect(result).toHaveProperty('error');
    if ('error' in result) expect(result.error).toMatch(message);
  });
});

describe('describeSchedule', () => {
  it.each([
    ['every monday 9:00', 'every Monday at 09:00'],
    ['every weekday at 8:30', 'every weekday (Monday to Friday) at 08:30'],
    ['monthly on the 1st at 10:00', 'monthly on the 1st at 10:00'],
    ['monthly on the 22nd', 'monthly on the 22nd at 09:00'],
    ['monthly on the 11th', 'monthly on the 11th at 09:00'],
    ['on the last day of every month', 'monthly on the last day at 09:00'],
    ['first monday of every month', 'on the first Monday of every month at 09:00'],
    ['quarterly', 'every 3 months (Feb, May, Aug, Nov) on the 1st at 09:00'],
    ['every 90 days', 'every 90 days at 09:00 (counted from Tue 20 May 2025)'],
    ['every other monday', 'every other Monday at 09:00 (counted from Mon 26 May 2025)'],
    ['every 3 weeks on tuesday', 'every 3 weeks on Tuesday at 09:00 (counted from Tue 20 May 2025)'],
    ['cron "0 9 * * 1"', 'every Monday at 09:00'],
    ['cron "0 9,17 * * 1"', 'cron `0 9,17 * * 1`'],
  ])('%s reads "%s"', (phrase, words) => {
    expect(describeSchedule(parsed(phrase).schedule)).toBe(words);
  });
});
