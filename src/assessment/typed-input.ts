import type { ScaleLevel } from './framework-schema.js';

/** What a typed line means during an assessment. */
export type TypedInput =
  | { type: 'answer'; value: number }
  | { type: 'skip' | 'back' | 'stop' | 'cancel' | 'resume' | 'restart' | 'help' }
  | { type: 'not-on-scale'; value: number }
  | { type: 'ambiguous'; values: number[] }
  | { type: 'unknown' };

/** Lower-case, straight quotes, punctuation to spaces, single spaces. */
export const normaliseWords = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .replace(/(^|\s)-(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const COMMANDS: ReadonlyArray<[TypedInput['type'], readonly string[]]> = [
  ['skip', ['skip', 'pass', 'next', 'skip it', 'skip this', 'skip question', "don't know", 'dont know', 'do not know', 'not sure', 'unsure', 'n a', 'no idea']],
  ['back', ['back', 'go back', 'previous', 'prev', 'undo', 'change', 'change answer', 'change my answer', 'previous question']],
  // Words that sound like leaving pause rather than discard: nothing is lost by accident.
  ['stop', ['stop', 'pause', 'later', 'save', 'save for later', 'stop for now', 'pause for now', 'continue later', 'quit', 'exit']],
  ['cancel', ['cancel', 'abort', 'discard', 'cancel assessment', 'cancel it', 'delete']],
  ['resume', ['resume', 'continue', 'carry on', 'go on', 'resume assessment']],
  ['restart', ['restart', 'start over', 'start again', 'new', 'begin again']],
  ['help', ['help', 'options', 'choices', 'status', 'progress', 'where was i', 'repeat', 'again', 'what']],
];

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Words that mean "the lowest" or "the highest" level on any scale, used when the framework does not claim them. */
const LOWEST = ['not yet', 'none', 'not at all', 'not started', 'nothing yet', 'lowest'];
const HIGHEST = ['fully', 'completely', 'fully in place', 'highest'];

const phrasesFor = (levels: readonly ScaleLevel[]): Array<{ phrase: string; value: number }> => {
  const phrases = new Map<string, number>();
  for (const level of levels) {
    for (const word of [level.label, ...(level.aliases ?? [])]) phrases.set(normaliseWords(word), level.value);
  }
  const lowest = levels[0];
  const highest = levels[levels.length - 1];
  for (const word of LOWEST) if (lowest !== undefined && !phrases.has(word)) phrases.set(word, lowest.value);
  for (const word of HIGHEST) if (highest !== undefined && !phrases.has(word)) phrases.set(word, highest.value);
  return [...phrases].map(([phrase, value]) => ({ phrase, value }));
};

const containsPhrase = (text: string, phrase: string): boolean => ` ${text} `.includes(` ${phrase} `);

/**
 * Reads a typed line against a scale: a command word, a number ("2", "level 2", "two"), a level
 * label or alias ("developing", "getting organised"), a phrase containing one, or the start of
 * one ("estab"). Never guesses between two levels.
 */
export const parseTypedInput = (text: string, levels: readonly ScaleLevel[]): TypedInput => {
  const words = normaliseWords(text);
  if (words === '' || text.trim() === '?') return { type: 'help' };
  for (const [type, list] of COMMANDS) {
    if (list.includes(words)) return { type } as TypedInput;
  }
  const values = new Set(levels.map((level) => level.value));
  const numeric = /^(?:level )?(-?\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b/.exec(words);
  if (numeric?.[1] !== undefined) {
    const token = numeric[1];
    const value = NUMBER_WORDS.includes(token) ? NUMBER_WORDS.indexOf(token) : Number(token);
    return values.has(value) ? { type: 'answer', value } : { type: 'not-on-scale', value };
  }
  const phrases = phrasesFor(levels);
  const exact = phrases.find((entry) => entry.phrase === words);
  if (exact !== undefined) return { type: 'answer', value: exact.value };
  const contained = phrases.filter((entry) => containsPhrase(words, entry.phrase));
  if (contained.length > 0) {
    const longest = contained.reduce((best, entry) => (entry.phrase.length > best.phrase.length ? entry : best));
    // A shorter phrase inside the longest one ("shared understanding" in "towards a shared understanding") is not a rival.
    const rivals = contained.filter((entry) => entry.value !== longest.value && !longest.phrase.includes(entry.phrase));
    if (rivals.length === 0) return { type: 'answer', value: longest.value };
    return { type: 'ambiguous', values: [...new Set([longest.value, ...rivals.map((entry) => entry.value)])] };
  }
  if (words.length >= 3) {
    const prefixed = [...new Set(phrases.filter((entry) => entry.phrase.startsWith(words)).map((entry) => entry.value))];
    if (prefixed.length === 1 && prefixed[0] !== undefined) return { type: 'answer', value: prefixed[0] };
    if (prefixed.length > 1) return { type: 'ambiguous', values: prefixed };
  }
  return { type: 'unknown' };
};
