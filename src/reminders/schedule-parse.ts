import { checkCron } from './next-run.js';
import type { Schedule } from './reminder.js';
import { ordinal } from './schedule-describe.js';
import { localParts } from './time-zone.js';
import { codeSpan, escapeText } from '../core/markdown.js';

/** What a schedule phrase is read against: "every 90 days" counts from `now`, in `timeZone`. */
export interface ScheduleContext {
  now: Date;
  timeZone: string;
}

/** `note` warns about something the user may not expect, e.g. months without a 31st. */
export type ScheduleParse = { schedule: Schedule; defaultTime: boolean; note?: string } | { error: string };

/** Days 29-31 are missing from some months; cron then skips those months rather than moving the day. */
const shortMonthNote = (schedule: Schedule): string | undefined => {
  const dom = schedule.kind === 'cron' ? schedule.expr.split(' ')[2] : undefined;
  return dom !== undefined && /^(29|30|31)$/.test(dom)
    ? `Months without a ${ordinal(Number(dom))} day are skipped; write \`last day\` to be reminded at the end of every month.`
    : undefined;
};

/** Time of day used when a phrase names none. */
export const DEFAULT_TIME = { hour: 9, minute: 0 } as const;

// Maps, not object literals: user words such as `constructor` must not find inherited properties.
const DAY_NUMBERS: ReadonlyMap<string, number> = new Map(Object.entries({
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
}));

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(Object.entries({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  other: 2, second: 2,
}));

const NTH_WORDS: ReadonlyMap<string, number> = new Map(Object.entries({
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4,
}));

const FILLERS = new Set(['on', 'the', 'of', 'at', 'in', 'every', 'each', 'a', 'and', 'an']);

/** Day name or its plural (`mondays`) to its cron number. */
export const dayNumber = (word: string): number | undefined => DAY_NUMBERS.get(word) ?? DAY_NUMBERS.get(word.replace(/s$/, ''));

const pad = (n: number): string => String(n).padStart(2, '0');

type Time = { hour: number; minute: number };
type TimeParse = { time?: Time; rest: string } | { error: string };

const TIME_ERROR =
  'I could not read the time of day. Write it like `9:00`, `09:30`, `17:15`, `9am` or `2.30pm`.';

/** Finds one time of day in the phrase and removes it. */
const takeTime = (text: string): TimeParse => {
  const patterns: Array<[RegExp, (m: RegExpExecArray) => Time | undefined]> = [
    [/(?:^|\s)(?:at\s+)?(noon|midday|midnight)(?=\s|$)/, (m) => ({ hour: m[1] === 'midnight' ? 0 : 12, minute: 0 })],
    [
      /(?:^|\s)(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?(?=\s|$)/,
      (m) => {
        const hour = Number(m[1]);
        const minute = Number(m[2] ?? 0);
        if (hour < 1 || hour > 12 || minute > 59) return undefined;
        return { hour: (hour % 12) + (m[3] === 'p' ? 12 : 0), minute };
      },
    ],
    [/(?:^|\s)(?:at\s+)?(\d{1,2})[:.h](\d{2})(?=\s|$)/, (m) => ({ hour: Number(m[1]), minute: Number(m[2]) })],
    [/(?:^|\s)at\s+(\d{1,2})(?=\s|$)/, (m) => ({ hour: Number(m[1]), minute: 0 })],
  ];
  for (const [pattern, read] of patterns) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const time = read(match);
    if (time === undefined || time.hour > 23 || time.minute > 59) return { error: TIME_ERROR };
    const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, ' ').trim();
    if (patterns.some(([other]) => other.test(rest))) {
      return { error: 'Give one time of day per reminder (or a cron expression for several), e.g. `every monday at 9:00`.' };
    }
    return { time, rest };
  }
  if (/(?:^|\s)at(?:\s|$)/.test(text)) return { error: TIME_ERROR };
  return { rest: text };
};

const cron = (time: Time, dom: string, month: string, dow: string): Schedule => ({
  kind: 'cron',
  expr: `${time.minute} ${time.hour} ${dom} ${month} ${dow}`,
});

/** `1st`, `15th`, `15`, `day 15` -> 15; `last`, `last day` -> `L`. */
const monthDay = (words: string[]): string | { error: string } | undefined => {
  const joined = words.filter((word) => word !== 'day').join(' ');
  if (joined === '' && words.length === 0) return '1';
  if (joined === 'last') return 'L';
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(joined);
  if (match === null) return undefined;
  const day = Number(match[1]);
  if (day < 1 || day > 31) return { error: `There is no day ${day} in a month; use 1 to 31, or \`last day\`.` };
  return String(day);
};

/** `first monday`, `last friday` -> `1#1`, `5L`. */
const nthWeekday = (words: string[]): string | undefined => {
  if (words.length !== 2) return undefined;
  const [nth = '', dayWord = ''] = words;
  const day = dayNumber(dayWord);
  if (day === undefined) return undefined;
  if (nth === 'last') return `${day}L`;
  const n = NTH_WORDS.get(nth);
  return n === undefined ? undefined : `${day}#${n}`;
};

/** Months from the current one, every `step` months, e.g. step 3 in May -> `2,5,8,11`. */
const monthList = (step: number, now: Date, timeZone: string): string => {
  if (step === 1) return '*';
  const start = localParts(now, timeZone).month;
  const months = Array.from({ length: 12 / step }, (_, i) => ((start - 1 + i * step) % 12) + 1);
  return months.sort((a, b) => a - b).join(',');
};

/** The part of a monthly phrase that says which day: words left after the fillers. */
const monthlySchedule = (words: string[], time: Time, months: string): Schedule | { error: string } | undefined => {
  const rest = words.filter((word) => !['month', 'months', 'monthly', 'quarterly', 'quarter'].includes(word));
  const weekday = nthWeekday(rest);
  if (weekday !== undefined) return cron(time, '*', months, weekday);
  const dom = monthDay(rest);
  if (dom === undefined || typeof dom !== 'string') return dom;
  return cron(time, dom, months, '*');
};

const localDateText = (ms: number): string => {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

/** An interval counted from today in the zone, or from the next `weekday` (today included). */
const interval = (days: number, time: Time, ctx: ScheduleContext, weekday?: number): Schedule => {
  const local = localParts(ctx.now, ctx.timeZone);
  let dateMs = Date.UTC(local.year, local.month - 1, local.day);
  if (weekday !== undefined) dateMs += ((weekday - local.weekday + 7) % 7) * 86_400_000;
  return { kind: 'interval', days, anchor: `${localDateText(dateMs)}T${pad(time.hour)}:${pad(time.minute)}` };
};

const countOf = (word: string): number | undefined => (/^\d{1,4}$/.test(word) ? Number(word) : NUMBER_WORDS.get(word));

/** `every 90 days`, `every 2 weeks on monday`, `every 3 months on the 1st`, `every other tuesday`, `fortnightly`. */
const countedSchedule = (text: string, time: Time, ctx: ScheduleContext): Schedule | { error: string } | undefined => {
  let match = /^(?:every|each) (\S+) (days?|weeks?|months?|hours?|minutes?)(?: (.*))?$/.exec(text);
  let count: number | undefined;
  let unit: string;
  let rest: string[];
  if (match !== null) {
    count = countOf(match[1] ?? '');
    if (count === undefined) return undefined;
    unit = (match[2] ?? '').replace(/s$/, '');
    rest = (match[3] ?? '').split(' ').filter((word) => word !== '' && !FILLERS.has(word));
  } else {
    match = /^(?:fortnightly|biweekly|every fortnight|every (?:other|second) (\w+))(?: (.*))?$/.exec(text);
    if (match === null) return undefined;
    count = 2;
    unit = 'week';
    rest = [match[1] ?? '', ...(match[2] ?? '').split(' ')].filter((word) => word !== '' && !FILLERS.has(word));
    // "every second tuesday of the month" is a monthly schedule, read further on.
    if (rest.some((word) => word.startsWith('month'))) return undefined;
  }
  if (unit === 'hour' || unit === 'minute') return undefined;
  if (count < 1) return { error: 'The number in `every N …` must be at least 1.' };
  if (unit === 'day') {
    if (rest.length > 0) return { error: `I did not understand “${escapeText(rest.join(' '))}” after \`every ${count} days\`.` };
    if (count > 366) return { error: 'The longest interval is 366 days.' };
    return count === 1 ? cron(time, '*', '*', '*') : interval(count, time, ctx);
  }
  if (unit === 'week') {
    const days = rest.filter((word) => word !== 'week' && word !== 'weeks').map(dayNumber);
    if (days.some((day) => day === undefined)) return { error: `I did not understand “${escapeText(rest.join(' '))}”; name a weekday, e.g. \`every 2 weeks on monday\`.` };
    if (count > 52) return { error: 'The longest interval is 52 weeks.' };
    if (count === 1) return cron(time, '*', '*', days.length === 0 ? '1' : days.join(','));
    if (days.length > 1) return { error: 'An interval of several weeks can start on one weekday only, e.g. `every 2 weeks on monday`.' };
    return interval(count * 7, time, ctx, days[0]);
  }
  if (![1, 2, 3, 4, 6, 12].includes(count)) {
    return { error: 'Months can repeat every 1, 2, 3, 4, 6 or 12 months, so the dates fall evenly through the year.' };
  }
  return monthlySchedule(rest, time, monthList(count, ctx.now, ctx.timeZone));
};

const EXAMPLES =
  'Try `every monday 9:00`, `every weekday at 8:30`, `monthly on the 1st at 10:00`, `on the first tuesday of every month`, ' +
  '`every 90 days`, `every 2 weeks on friday at 16:00` or `cron "0 9 * * 1"`.';

/**
 * Reads a schedule phrase (without zone, city or target) into a normalised schedule. Phrases
 * without a time run at {@link DEFAULT_TIME}. Pure: the same phrase, time and zone give the same result.
 */
export const parseSchedule = (phrase: string, ctx: ScheduleContext): ScheduleParse => {
  const raw = phrase.trim();
  const cronMatch = /^cron\s+(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(.*))$/is.exec(raw);
  if (cronMatch !== null) {
    const expr = (cronMatch[1] ?? cronMatch[2] ?? cronMatch[3] ?? cronMatch[4] ?? '').trim().replace(/\s+/g, ' ');
    if (expr === '') return { error: 'Give the cron expression in quotes, e.g. `cron "0 9 * * 1"` (09:00 every Monday).' };
    const checked = checkCron(expr, ctx.timeZone, ctx.now);
    if ('error' in checked) return { error: `The cron expression ${codeSpan(expr)} cannot be used: ${checked.error}. Use five fields: minute hour day-of-month month day-of-week, e.g. \`0 9 * * 1\`.` };
    return { schedule: { kind: 'cron', expr }, defaultTime: false };
  }
  const text = raw.toLowerCase().replace(/[,&]/g, ' and ').replace(/\s+/g, ' ').trim();
  if (text === '') return { error: `Say when the reminder should run. ${EXAMPLES}` };
  const timed = takeTime(text);
  if ('error' in timed) return timed;
  const time = timed.time ?? DEFAULT_TIME;
  const done = (schedule: Schedule | { error: string } | undefined): ScheduleParse =>
    schedule === undefined
      ? { error: `I could not read “${escapeText(phrase.trim())}” as a schedule. ${EXAMPLES}` }
      : 'error' in schedule
        ? schedule
        : (() => {
            const note = shortMonthNote(schedule);
            return { schedule, defaultTime: timed.time === undefined, ...(note === undefined ? {} : { note }) };
          })();
  if (/\b(hourly|hours?|minutes?|mins?)\b/.test(timed.rest)) {
    return { error: 'Reminders run on days, not hours: try `every day at 9:00`. (A cron expression can run up to hourly.)' };
  }
  const counted = countedSchedule(timed.rest, time, ctx);
  if (counted !== undefined) return done(counted);
  const words = timed.rest.split(' ').filter((word) => word !== '' && !FILLERS.has(word));
  const set = new Set(words);
  if (words.length === 0) return { error: `Say which days the reminder should run. ${EXAMPLES}` };
  if (words.every((word) => ['day', 'days', 'daily', 'everyday'].includes(word))) return done(cron(time, '*', '*', '*'));
  const weekdayWords = ['weekday', 'weekdays', 'working', 'work', 'business', 'workday', 'workdays', 'day', 'days'];
  if (words.every((word) => weekdayWords.includes(word))) return done(cron(time, '*', '*', '1-5'));
  if (/^(?:monday|mon) (?:to|-|through|until) (?:friday|fri)$/.test(words.join(' '))) return done(cron(time, '*', '*', '1-5'));
  if (words.every((word) => word === 'weekend' || word === 'weekends')) return done(cron(time, '*', '*', '0,6'));
  const dayWords = words.filter((word) => word !== 'weekly' && word !== 'week');
  if (words.some((word) => word === 'weekly' || word === 'week') && dayWords.length === 0) return done(cron(time, '*', '*', '1'));
  const days = dayWords.map(dayNumber);
  if (days.every((day) => day !== undefined) && !words.some((word) => NTH_WORDS.has(word) || word === 'last')) {
    const unique = [...new Set(days)].sort((a, b) => a - b);
    return done(cron(time, '*', '*', unique.join(',')));
  }
  const quarterly = set.has('quarterly') || set.has('quarter');
  if (quarterly || set.has('monthly') || set.has('month') || set.has('months') || monthlySchedule(words, time, '*') !== undefined) {
    return done(monthlySchedule(words, time, quarterly ? monthList(3, ctx.now, ctx.timeZone) : '*'));
  }
  return done(undefined);
};
