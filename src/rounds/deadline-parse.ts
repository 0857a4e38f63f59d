import { wallClockInstant } from '../reminders/next-run.js';
import { dayNumber } from '../reminders/schedule-parse.js';
import { localParts } from '../reminders/time-zone.js';
import { escapeText } from '../core/markdown.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Time of day a deadline without one gets: the end of a working day. */
export const DEFAULT_DEADLINE_TIME = { hour: 17, minute: 0 } as const;

/** Longest a round may stay open. */
export const MAX_ROUND_DAYS = 90;

export type DeadlineParse = { deadline: Date } | { error: string };

const EXAMPLES = 'Write it like `until Friday 17:00`, `until tomorrow`, `until 2026-12-04 12:00` or `for 3 days`.';

/** `17:00`, `9.30`, `5pm`, `noon`; undefined for none, `null` for a time that cannot be. */
const readTime = (words: string[]): { hour: number; minute: number } | null | undefined => {
  const text = words.join(' ');
  if (text === '') return undefined;
  if (/^(noon|midday)$/.test(text)) return { hour: 12, minute: 0 };
  const clock = /^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?m?\.?$/.exec(text);
  if (clock === null) return null;
  let hour = Number(clock[1]);
  const minute = Number(clock[2] ?? 0);
  if (clock[3] !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (clock[3] === 'p' ? 12 : 0);
  } else if (clock[2] === undefined) return null;
  return hour > 23 || minute > 59 ? null : { hour, minute };
};

/**
 * Reads when a round closes, in the workspace's zone: a weekday (the next one; today if its time
 * is still ahead), `today`, `tomorrow`, a date `YYYY-MM-DD`, each with an optional time (default
 * 17:00), or a length: `in 3 days`, `for 2 weeks`, `in 4 hours`. Pure, given `now`.
 */
export const parseDeadline = (phrase: string, ctx: { now: Date; timeZone: string }): DeadlineParse => {
  const words = phrase.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter((word) => word !== '' && word !== 'at' && word !== 'on' && word !== 'next');
  if (words.length === 0) return { error: `Say when the round closes. ${EXAMPLES}` };
  const length = /^(?:in|for)?\s*(\d{1,3}|a|an|one|two|three|four|five|six|seven)\s+(hours?|days?|weeks?)$/.exec(words.join(' '));
  let deadline: Date | undefined;
  if (length !== null) {
    const count = ({ a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 } as Record<string, number>)[length[1] ?? ''] ?? Number(length[1]);
    const unit = length[2]?.startsWith('hour') ? HOUR_MS : length[2]?.startsWith('week') ? 7 * DAY_MS : DAY_MS;
    deadline = new Date(ctx.now.getTime() + count * unit);
  } else {
    const [first = '', ...rest] = words;
    const time = readTime(rest);
    if (time === null) return { error: `I could not read the time in “${escapeText(phrase.trim())}”. ${EXAMPLES}` };
    const at = time ?? DEFAULT_DEADLINE_TIME;
    const local = localParts(ctx.now, ctx.timeZone);
    const today = Date.UTC(local.year, local.month - 1, local.day);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(first);
    const weekday = dayNumber(first);
    let dates: number[];
    if (first === 'today' || first === 'tonight') dates = [today];
    else if (first === 'tomorrow') dates = [today + DAY_MS];
    else if (iso !== null) dates = [Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]))];
    else if (weekday !== undefined) {
      const ahead = (weekday - local.weekday + 7) % 7;
      // Today if its time is still ahead, else a week on.
      dates = [today + ahead * DAY_MS, today + (ahead + 7) * DAY_MS];
    } else return { error: `I could not read “${escapeText(phrase.trim())}” as a deadline. ${EXAMPLES}` };
    deadline = dates.map((date) => wallClockInstant(date, at.hour, at.minute, ctx.timeZone)).find((d) => d !== undefined && d > ctx.now);
    if (deadline === undefined) return { error: `That deadline has already passed. ${EXAMPLES}` };
  }
  if (deadline.getTime() <= ctx.now.getTime()) return { error: `That deadline has already passed. ${EXAMPLES}` };
  if (deadline.getTime() - ctx.now.getTime() > MAX_ROUND_DAYS * DAY_MS) return { error: `A round can stay open for ${MAX_ROUND_DAYS} days at most.` };
  return { deadline };
};
