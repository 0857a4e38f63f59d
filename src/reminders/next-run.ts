import { Cron } from 'croner';
import { errorMessage } from '../core/errors.js';
import type { Schedule } from './reminder.js';
import { localParts } from './time-zone.js';

const DAY_MS = 86_400_000;

/** Shortest gap allowed between two runs of a cron schedule: a digest more often is noise. */
export const MIN_CRON_GAP_MS = 3_600_000;

/**
 * A croner job used only for its calendar arithmetic: paused, so it never sets a timer of its own.
 * Five fields only (no seconds), so no schedule can fire many times a minute.
 */
const cronOf = (expr: string, timeZone: string): Cron => new Cron(expr, { timezone: timeZone, paused: true, mode: '5-part' });

/** Checks a cron expression: valid, runs at all, and never twice within an hour. */
export const checkCron = (expr: string, timeZone: string, from: Date): { ok: true } | { error: string } => {
  let runs: Date[];
  try {
    runs = cronOf(expr, timeZone).nextRuns(6, from);
  } catch (error) {
    return { error: errorMessage(error).replace(/^CronPattern:\s*/, '') };
  }
  if (runs.length === 0) return { error: 'it never runs' };
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0);
    if (gap < MIN_CRON_GAP_MS) return { error: 'it runs more than once an hour; reminders can be at most hourly' };
  }
  return { ok: true };
};

interface IntervalParts {
  /** UTC midnight of the anchor's local date, used only for day arithmetic. */
  dateMs: number;
  hour: number;
  minute: number;
}

const intervalParts = (anchor: string): IntervalParts => {
  const [date = '', time = ''] = anchor.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { dateMs: Date.UTC(y, m - 1, d), hour, minute };
};

/**
 * The instant a wall-clock time has in a zone, with croner's daylight-saving rules: a time that
 * falls in a spring-forward gap moves to the first valid time after it; a time that occurs twice
 * (fall back) is the first occurrence.
 */
export const wallClockInstant = (dateMs: number, hour: number, minute: number, timeZone: string): Date | undefined => {
  const date = new Date(dateMs);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const job = new Cron(`0 ${minute} ${hour} ${d} ${m} * ${y}`, { timezone: timeZone, paused: true, mode: '7-part' });
  return job.nextRun(new Date(dateMs - 2 * DAY_MS)) ?? undefined;
};

const intervalSlot = (parts: IntervalParts, days: number, k: number, timeZone: string): Date | undefined =>
  wallClockInstant(parts.dateMs + k * days * DAY_MS, parts.hour, parts.minute, timeZone);

/** Whole local days from the anchor's date to the local date of `at` (may be negative). */
const dayIndex = (parts: IntervalParts, at: Date, timeZone: string): number => {
  const local = localParts(at, timeZone);
  return Math.round((Date.UTC(local.year, local.month - 1, local.day) - parts.dateMs) / DAY_MS);
};

/** The first slot strictly after `from`; undefined when the schedule never runs again. */
export const nextSlotAfter = (schedule: Schedule, timeZone: string, from: Date): Date | undefined => {
  if (schedule.kind === 'cron') return cronOf(schedule.expr, timeZone).nextRun(from) ?? undefined;
  const parts = intervalParts(schedule.anchor);
  let k = Math.max(0, Math.floor(dayIndex(parts, from, timeZone) / schedule.days));
  // Slot k is on or before from's local date; at most two steps reach the first one after `from`.
  for (let step = 0; step < 3; step++, k++) {
    const slot = intervalSlot(parts, schedule.days, k, timeZone);
    if (slot !== undefined && slot.getTime() > from.getTime()) return slot;
  }
  return undefined;
};

/**
 * The latest slot in (`after`, `now`]: after downtime this is the one slot worth sending, however
 * many were missed. Undefined when none is due.
 */
export const latestSlotBetween = (schedule: Schedule, timeZone: string, after: Date, now: Date): Date | undefined => {
  let latest: Date | undefined;
  if (schedule.kind === 'cron') {
    // previousRuns is strictly before its reference, so look from just after `now`.
    latest = cronOf(schedule.expr, timeZone).previousRuns(1, new Date(now.getTime() + 1))[0];
  } else {
    const parts = intervalParts(schedule.anchor);
    let k = Math.floor(dayIndex(parts, now, timeZone) / schedule.days);
    for (let step = 0; step < 3 && k >= 0; step++, k--) {
      const slot = intervalSlot(parts, schedule.days, k, timeZone);
      if (slot !== undefined && slot.getTime() <= now.getTime()) {
        latest = slot;
        break;
      }
    }
  }
  return latest !== undefined && latest.getTime() > after.getTime() ? latest : undefined;
};
