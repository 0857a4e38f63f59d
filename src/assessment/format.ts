const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * English date in UTC, e.g. `3 March 2025`; the year is left out when it is `relativeTo`'s year.
 * UTC so the same stored result reads the same wherever the bot runs.
 */
export const formatDate = (date: Date, relativeTo?: Date): string => {
  const base = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''}`;
  return relativeTo !== undefined && relativeTo.getUTCFullYear() === date.getUTCFullYear()
    ? base
    : `${base} ${date.getUTCFullYear()}`;
};

/** `58%`, or an en dash when there is no score. Whole numbers for reading; the stored value keeps one decimal. */
export const formatPercent = (percent: number | null): string => (percent === null ? '–' : `${Math.round(percent)}%`);

/** Ten-cell text bar, e.g. `███████░░░` for 67%. */
export const textBar = (percent: number | null, width = 10): string => {
  if (percent === null) return '·'.repeat(width);
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
};

/** Change in whole percentage points, signed: `+12`, `−4`, `±0`; `undefined` when either side has no score. */
export const formatDelta = (now: number | null, before: number | null | undefined): string | undefined => {
  if (now === null || before === null || before === undefined) return undefined;
  const delta = Math.round(now) - Math.round(before);
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${Math.abs(delta)}` : '±0';
};

const sameUtcDay = (a: Date, b: Date): boolean =>
  a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() === b.getUTCDate();

const two = (n: number): string => String(n).padStart(2, '0');

const utcTime = (date: Date, seconds = false): string =>
  `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}${seconds ? `:${two(date.getUTCSeconds())}` : ''} UTC`;

/**
 * The date with its time, `3 March, 14:05 UTC`: for two results that may share a date; with
 * `seconds`, `3 March, 14:05:09 UTC`, for two that share a minute.
 */
export const formatDateTime = (date: Date, relativeTo?: Date, seconds = false): string => `${formatDate(date, relativeTo)}, ${utcTime(date, seconds)}`;

/**
 * When an earlier result was taken, told apart from a later one: `earlier today, 09:15 UTC` on the
 * same day, otherwise the date with its time (`3 March, 14:05 UTC`), since two runs may share a date.
 */
export const formatEarlier = (date: Date, now: Date): string =>
  sameUtcDay(date, now) ? `earlier today, ${utcTime(date)}` : formatDateTime(date, now);
