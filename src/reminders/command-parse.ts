import { canonicalTimeZone } from './time-zone.js';
import { codeSpan, escapeText } from '../core/markdown.js';

/** Where the user asked the digest to go, before the channel is checked against the platform. */
export type TargetSpec =
  | { kind: 'here' }
  | { kind: 'me' }
  | { kind: 'channel'; channelId: string }
  /** `#general` with no id: only the console can use a bare name. */
  | { kind: 'channel-name'; name: string };

export type ReminderAction = 'pause' | 'resume' | 'delete';

/** A `remind …` / `reminders …` line, read. */
export type ReminderCommand =
  | { type: 'help' }
  | { type: 'list' }
  | { type: ReminderAction; id: string }
  | { type: 'missing-id'; action: ReminderAction }
  | { type: 'create'; phrase: string; timeZone?: string; city?: string; target: TargetSpec }
  | { type: 'error'; message: string };

const ACTIONS: ReadonlyMap<string, ReminderAction | 'list' | 'help'> = new Map(Object.entries({
  list: 'list', ls: 'list', show: 'list', all: 'list',
  help: 'help', '?': 'help', examples: 'help',
  pause: 'pause', stop: 'pause', disable: 'pause', mute: 'pause',
  resume: 'resume', unpause: 'resume', continue: 'resume', enable: 'resume', restart: 'resume',
  delete: 'delete', remove: 'delete', cancel: 'delete', rm: 'delete', del: 'delete',
} as const));

/** Slack `C0123ABCD` / `G…` channel ids and Discord snowflakes survive the adapters' text cleaning. */
const channelIdOf = (text: string): string | undefined => {
  const link = /^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(text);
  if (link?.[1] !== undefined) return link[1];
  const bare = /^#?([CG][A-Z0-9]{8,}|\d{17,20})$/.exec(text);
  return bare?.[1];
};

const TARGET = /\s+(?:to|in|into|by|via|as)\s+(me|myself|dm|a dm|direct message|a direct message|private message|here|this channel|<#[^>\s]+>|#\S+)$/i;

const readTarget = (text: string): { target: TargetSpec; rest: string } => {
  const match = TARGET.exec(` ${text}`) ?? /\s+(me|privately|here)$/i.exec(` ${text}`);
  if (match === null) return { target: { kind: 'here' }, rest: text };
  const rest = ` ${text}`.slice(0, match.index).trim();
  const word = (match[1] ?? '').toLowerCase();
  if (word === 'here' || word === 'this channel') return { target: { kind: 'here' }, rest };
  if (!word.includes('#')) return { target: { kind: 'me' }, rest };
  const raw = match[1] ?? '';
  const channelId = channelIdOf(raw);
  return { target: channelId === undefined ? { kind: 'channel-name', name: raw.replace(/^#/, '') } : { kind: 'channel', channelId }, rest };
};

const ZONE_LIKE = /^(?:[A-Za-z][\w+-]*(?:\/[A-Za-z0-9][\w+-]*)+|utc|gmt|z)$/i;

/** Takes out one IANA zone name (with an optional `in`/`timezone` before it). */
const readZone = (text: string): { timeZone?: string; rest: string } | { error: string } => {
  const words = text.split(' ');
  const found = words.flatMap((word, i) => (ZONE_LIKE.test(word) ? [i] : []));
  if (found.length === 0) return { rest: text };
  if (found.length > 1) return { error: 'Give one time zone, e.g. `Europe/London`.' };
  const index = found[0] ?? 0;
  const name = words[index] ?? '';
  const timeZone = canonicalTimeZone(/^z$/i.test(name) ? 'UTC' : name);
  if (timeZone === undefined) {
    return { error: `I don’t know the time zone ${codeSpan(name)}. Use an IANA name such as \`Europe/London\`, \`Europe/Lisbon\`, \`America/New_York\`, \`Asia/Seoul\` or \`UTC\`.` };
  }
  const before = words[index - 1]?.toLowerCase();
  const start = before === 'in' || before === 'timezone' || before === 'tz' ? index - 1 : index;
  return { timeZone, rest: [...words.slice(0, start), ...words.slice(index + 1)].join(' ') };
};

/**
 * Reads what follows `remind` / `reminders`: a keyword (`list`, `help`, `pause <id>`, …) or a new
 * reminder `<schedule> [zone] [for <city>] [to me|#channel]`, also `remind me <schedule> …`.
 * A cron expression in quotes is kept whole, so its `*` and `/` are not read as anything else.
 */
export const parseReminderCommand = (args: string): ReminderCommand => {
  const text = args.trim().replace(/\s+/g, ' ');
  const [first = '', second, ...more] = text.split(' ');
  const action = ACTIONS.get(first.toLowerCase().replace(/^[/!]/, ''));
  if (text === '' || action === 'list') return { type: 'list' };
  if (action === 'help') return { type: 'help' };
  if (action !== undefined) {
    const id = second?.replace(/[`'"#<>.,;:!?]/g, '').toLowerCase();
    if (id === undefined || id === '') return { type: 'missing-id', action };
    if (more.length > 0 || !/^[a-z0-9-]{1,40}$/.test(id)) return { type: 'error', message: `${codeSpan(`${first} <id>`)} takes one reminder id, e.g. \`reminders ${action} r7k2m\`. Type \`reminders\` to see the ids.` };
    return { type: action, id };
  }
  let body = text;
  let me = false;
  if (/^(?:me|myself)\s/i.test(body)) {
    me = true;
    body = body.replace(/^\S+\s+/, '');
  }
  const cronMatch = /(?:^|\s)cron\s+("[^"]*"|'[^']*'|`[^`]*`|\S+(?:\s+\S+){4})/i.exec(body);
  const cronPart = cronMatch === null ? '' : `cron ${cronMatch[1] ?? ''}`;
  if (cronMatch !== null) body = `${body.slice(0, cronMatch.index)} ${body.slice(cronMatch.index + cronMatch[0].length)}`.trim();
  const targeted = readTarget(body);
  const zoned = readZone(targeted.rest);
  if ('error' in zoned) return { type: 'error', message: zoned.error };
  const cityMatch = /(?:^|\s)(?:for|about)\s+(.+)$/i.exec(zoned.rest);
  const city = cityMatch?.[1]?.trim();
  const phraseRest = (cityMatch === null ? zoned.rest : zoned.rest.slice(0, cityMatch.index)).trim();
  if (cronPart !== '' && phraseRest !== '') {
    return { type: 'error', message: `I did not understand “${escapeText(phraseRest)}” next to the cron expression. Write \`remind cron "0 9 * * 1" for <city>\`.` };
  }
  return {
    type: 'create',
    phrase: cronPart === '' ? phraseRest : cronPart,
    target: me ? { kind: 'me' } : targeted.target,
    ...(zoned.timeZone === undefined ? {} : { timeZone: zoned.timeZone }),
    ...(city === undefined || city === '' ? {} : { city }),
  };
};
