/** The IANA name in its canonical spelling (`europe/london` -> `Europe/London`), or undefined when unknown. */
export const canonicalTimeZone = (name: string): string | undefined => {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

/** Wall-clock fields of an instant in a zone. `weekday` is 0 for Sunday, as in cron. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The date and time an instant shows on a clock in `timeZone`. */
export const localParts = (date: Date, timeZone: string): LocalParts => {
  let format = partsFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short',
      hourCycle: 'h23',
    });
    partsFormats.set(timeZone, format);
  }
  const parts = new Map<string, string>(format.formatToParts(date).map((part) => [part.type, part.value]));
  const number = (type: string): number => Number(parts.get(type) ?? Number.NaN);
  return {
    year: number('year'),
    month: number('month'),
    day: number('day'),
    hour: number('hour'),
    minute: number('minute'),
    weekday: WEEKDAYS.indexOf(parts.get('weekday') ?? ''),
  };
};

/** E.g. `Mon 7 Apr 2025, 09:00 BST`: the zone's abbreviation shows which side of a clock change it is. */
export const formatInZone = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short',
  })
    .format(date)
    .replace(/^(\w{3}),/, '$1');
