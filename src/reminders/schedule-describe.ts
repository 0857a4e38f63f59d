import type { Schedule } from './reminder.js';
import { codeSpan } from '../core/markdown.js';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NTH = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** `1st`, `2nd`, `23rd`, `11th`. */
export const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** `a, b and c`. */
const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;

const numbers = (field: string): number[] | undefined =>
  /^\d{1,2}(,\d{1,2})*$/.test(field) ? field.split(',').map(Number) : undefined;

/** Month field in words: `*` is empty; an evenly spaced list reads `every 3 months (Feb, May, Aug, Nov)`. */
const monthWords = (field: string): string | undefined => {
  if (field === '*') return '';
  const months = numbers(field);
  if (months === undefined || months.some((m) => m < 1 || m > 12)) return undefined;
  const names = months.map((m) => MONTH_NAMES[m - 1] ?? String(m));
  const step = 12 / months.length;
  const even = Number.isInteger(step) && months.every((m, i) => i === 0 || m - (months[i - 1] ?? 0) === step);
  return even ? `every ${step === 12 ? '12' : step} months (${names.join(', ')})` : `in ${list(names)}`;
};

/** Words for the cron shapes the phrase parser produces; other expressions are shown as written. */
const describeCron = (expr: string): string => {
  const asWritten = `cron ${codeSpan(expr)}`;
  const [minute = '', hour = '', dom = '', month = '', dow = '', ...extra] = expr.split(' ');
  if (extra.length > 0 || !/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour)) return asWritten;
  const at = `at ${pad(Number(hour))}:${pad(Number(minute))}`;
  const months = monthWords(month);
  if (months === undefined) return asWritten;
  if (dom === '*' && month === '*') {
    if (dow === '*') return `every day ${at}`;
    if (dow === '1-5') return `every weekday (Monday to Friday) ${at}`;
    const days = numbers(dow);
    if (days !== undefined && days.every((d) => d <= 6)) return `every ${list(days.map((d) => DAY_NAMES[d] ?? ''))} ${at}`;
  }
  if (dom === '*') {
    const nth = /^([0-6])#([1-5])$/.exec(dow);
    const last = /^([0-6])L$/.exec(dow);
    const day = DAY_NAMES[Number((nth ?? last)?.[1])];
    const which = nth !== null ? NTH[Number(nth[2])] : 'last';
    if (day !== undefined && (nth !== null || last !== null)) {
      return month === '*' ? `on the ${which} ${day} of every month ${at}` : `${months} on the ${which} ${day} ${at}`;
    }
  }
  if (dow === '*' && (dom === 'L' || /^\d{1,2}$/.test(dom))) {
    const day = dom === 'L' ? 'the last day' : `the ${ordinal(Number(dom))}`;
    return month === '*' ? `monthly on ${day} ${at}` : `${months} on ${day} ${at}`;
  }
  return asWritten;
};

/** Local date of an interval anchor in words, e.g. `Mon 3 Mar 2025`. */
const anchorWords = (anchor: string): { date: string; weekday: string; time: string } => {
  const [date = '', time = ''] = anchor.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const weekday = DAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  return { date: `${weekday.slice(0, 3)} ${d} ${MONTH_NAMES[m - 1] ?? ''} ${y}`, weekday, time };
};

/** A schedule in plain words, e.g. `every Monday at 09:00` or `every 90 days at 09:00 (counted from Mon 3 Mar 2025)`. */
export const describeSchedule = (schedule: Schedule): string => {
  if (schedule.kind === 'cron') return describeCron(schedule.expr);
  const { date, weekday, time } = anchorWords(schedule.anchor);
  if (schedule.days % 7 === 0) {
    const weeks = schedule.days / 7;
    return `every ${weeks === 2 ? 'other' : `${weeks} weeks on`} ${weekday} at ${time} (counted from ${date})`;
  }
  return `every ${schedule.days} days at ${time} (counted from ${date})`;
};
