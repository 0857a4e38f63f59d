/** What a user's text asks for. Parsing is pure so it can be tested on its own. */
export type Intent =
  | { type: 'help' }
  /** `explicit` when the user typed `ask …`: a question even while an assessment waits for an answer. */
  | { type: 'ask'; question: string; explicit: boolean }
  | { type: 'assess'; args: string }
  /** `assess … as a group …` (or the `/assess group` option): opens a city-wide round. */
  | { type: 'group-round'; args: string }
  /** `close round [id]`. */
  | { type: 'close-round'; args: string }
  /** `take part [id]` / `join round [id]`: the typed form of a round's Take part button. */
  | { type: 'join-round'; args: string }
  | { type: 'frameworks' }
  | { type: 'results'; city: string }
  | { type: 'export' }
  | { type: 'reminders'; args: string }
  /** `forget me`: delete what the bot keeps about the user. */
  | { type: 'forget-me' }
  /** `delete workspace data`: the request; `delete <name or id>`: its typed confirmation. */
  | { type: 'delete-workspace' }
  | { type: 'delete-confirm'; typed: string }
  | { type: 'add-document'; args: string }
  | { type: 'documents' }
  | { type: 'remove-document'; name: string }
  | { type: 'unknown-command'; command: string; suggestion?: string }
  | { type: 'empty' };

/** Commands a user can type (with or without a leading `/` or `!`). */
export const COMMANDS = ['help', 'ask', 'assess', 'frameworks', 'results', 'export', 'reminders', 'forget', 'delete'] as const;

const ALIASES: Record<string, (typeof COMMANDS)[number]> = {
  help: 'help',
  '?': 'help',
  commands: 'help',
  ask: 'ask',
  question: 'ask',
  assess: 'assess',
  assessment: 'assess',
  'self-assessment': 'assess',
  frameworks: 'frameworks',
  framework: 'frameworks',
  results: 'results',
  result: 'results',
  history: 'results',
  export: 'export',
  csv: 'export',
  remind: 'reminders',
  reminder: 'reminders',
  reminders: 'reminders',
  forget: 'forget',
  delete: 'delete',
};

/** `as a group`, `group` or `city-wide` after `assess` asks for a round of many respondents. */
const GROUP_REQUEST = /(?:^|\s)(?:as\s+(?:a\s+)?(?:group|partnership|round)|group|city-wide|citywide)(?=\s|$)/i;

/** Longest text the bot reads; anything beyond is ignored (and said so by callers where it matters). */
export const MAX_INPUT_CHARS = 4_000;

/** Removes control characters and leading mentions; folds whitespace; caps the length. */
export const cleanInput = (raw: string): string =>
  raw
    .slice(0, MAX_INPUT_CHARS * 2)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
    .replace(/^\s*(?:<@[^>]+>|@\S+)[\s,:]*/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_INPUT_CHARS);

/** Levenshtein distance, bounded: returns `max + 1` as soon as it is exceeded. */
const distance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
};

const closestCommand = (word: string): string | undefined => {
  const ranked = Object.keys(ALIASES)
    .map((name) => ({ name, d: distance(word, name, 2) }))
    .filter((entry) => entry.d <= 2)
    .sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best ? ALIASES[best.name] : undefined;
};

const ADD_DOCUMENT = /^[/!]?add\s+(?:an?\s+|the\s+|this\s+)?(?:document|doc|file)s?\b[\s:,-]*(.*)$/isu;
const LIST_DOCUMENTS = /^[/!]?(?:(?:list|show)\s+(?:the\s+|our\s+|my\s+)?)?(?:documents|docs)[.!?]?$/i;
const REMOVE_DOCUMENT = /^[/!]?(?:remove|delete)\s+(?:the\s+)?(?:document|doc|file)\b[\s:,-]*(.*)$/isu;

/** `add document …`, `documents`, `remove document <name>`: the workspace's own documents. */
const documentIntent = (text: string): Intent | undefined => {
  const add = ADD_DOCUMENT.exec(text);
  if (add) return { type: 'add-document', args: (add[1] ?? '').trim() };
  if (LIST_DOCUMENTS.test(text)) return { type: 'documents' };
  const remove = REMOVE_DOCUMENT.exec(text);
  if (remove) return { type: 'remove-document', name: (remove[1] ?? '').trim() };
  return undefined;
};

/**
 * Plain text is a question. A first word that names a command runs it; a `/word` or `!word`
 * that names no command is answered with the closest command, never treated as a question.
 */
export const parseIntent = (raw: string): Intent => {
  const text = cleanInput(raw);
  if (text === '') return { type: 'empty' };
  const document = documentIntent(text);
  if (document) return document;
  const match = /^([/!]?)([^\s]+)\s*(.*)$/su.exec(text);
  const prefix = match?.[1] ?? '';
  const word = (match?.[2] ?? '').toLowerCase().replace(/[.,:;!?]+$/u, '') || (match?.[2] ?? '');
  const rest = (match?.[3] ?? '').trim();
  if (word === 'close' && /^round(?:\s|$)/i.test(rest)) return { type: 'close-round', args: rest.replace(/^round\s*/i, '') };
  if ((word === 'join' && /^round(?:\s|$)/i.test(rest)) || (word === 'take' && /^part(?:\s|$)/i.test(rest))) {
    return { type: 'join-round', args: rest.replace(/^(?:round|part)\s*/i, '') };
  }
  const command = ALIASES[word];
  // A command word with words after it can be a question ("help me find funding"):
  // only treat the first word as a command when it is alone, prefixed, or an unambiguous verb.
  const isExplicit =
    prefix !== '' || rest === '' || ['ask', 'assess', 'results', 'remind', 'reminders', 'delete'].includes(word);
  const restWords = rest.toLowerCase().replace(/[.!?]+$/u, '').trim();
  if (command && isExplicit) {
    switch (command) {
      case 'help':
        return { type: 'help' };
      case 'ask':
        return rest === '' ? { type: 'help' } : { type: 'ask', question: rest, explicit: true };
      case 'assess':
        return GROUP_REQUEST.test(rest) ? { type: 'group-round', args: rest } : { type: 'assess', args: rest };
      case 'frameworks':
        return { type: 'frameworks' };
      case 'results':
        return { type: 'results', city: rest };
      case 'export':
        return { type: 'export' };
      case 'reminders':
        return { type: 'reminders', args: rest };
      case 'delete':
        return restWords === 'workspace data' ? { type: 'delete-workspace' } : { type: 'delete-confirm', typed: rest };
      case 'forget':
        break;
    }
  }
  // `forget me` exactly; "forget about funding?" stays a question.
  if (command === 'forget' && restWords === 'me') return { type: 'forget-me' };
  // "!!!" or "/?" names no command: read as a question, which asks for words.
  if (prefix !== '' && /\p{L}/u.test(word)) {
    const suggestion = closestCommand(word);
    return suggestion
      ? { type: 'unknown-command', command: word, suggestion }
      : { type: 'unknown-command', command: word };
  }
  return { type: 'ask', question: text, explicit: false };
};
