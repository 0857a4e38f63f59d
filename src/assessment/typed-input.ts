import { isMoreRequest, withoutOpening } from '../core/small-talk.js';
import type { ScaleLevel } from './framework-schema.js';

/**
 * What a typed line means during an assessment, the same way for every framework. `confirm` marks
 * an answer read from a vague word ("yes", "partly"): the engine asks before recording it.
 */
export type TypedInput =
  | { type: 'answer'; value: number; confirm: boolean }
  | { type: 'skip'; unsure: boolean; notApplicable?: boolean }
  | { type: 'back' | 'stop' | 'cancel' | 'resume' | 'restart' | 'help' | 'progress' }
  | { type: 'goto'; position: number }
  | { type: 'question'; text: string }
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

const COMMANDS: ReadonlyArray<[Exclude<TypedInput['type'], 'answer' | 'skip' | 'goto' | 'question' | 'not-on-scale' | 'ambiguous' | 'unknown'> | 'skip', readonly string[]]> = [
  ['skip', ['skip', 'pass', 'next', 'skip it', 'skip this', 'skip question']],
  ['back', ['back', 'go back', 'previous', 'prev', 'undo', 'change', 'change answer', 'change my answer', 'previous question']],
  // Words that sound like leaving pause rather than discard: nothing is lost by accident.
  ['stop', ['stop', 'pause', 'later', 'save', 'save for later', 'stop for now', 'pause for now', 'continue later', 'quit', 'exit']],
  ['cancel', ['cancel', 'abort', 'discard', 'cancel assessment', 'cancel it', 'delete']],
  ['resume', ['resume', 'continue', 'carry on', 'go on', 'keep going', 'resume assessment']],
  ['restart', ['restart', 'start over', 'start again', 'new', 'begin again']],
  ['progress', ['progress', 'status', 'where was i', 'where am i', 'how far', 'how far am i', 'what is left', "what's left"]],
  ['help', ['help', 'options', 'choices', 'repeat', 'again', 'what', 'huh']],
];

const NOT_APPLICABLE = new Set(['n a', 'na', 'not applicable', 'does not apply', "doesn't apply", 'doesnt apply']);

/** "Not sure" in any wording skips the question, and the reply says so. */
const UNSURE = ['not sure', 'unsure', "don't know", 'dont know', 'do not know', 'no idea', "i'm not sure", 'no clue', 'not certain'];

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * Everyday words that place an answer on any scale, as a fraction of it (0 = "Not yet", 1 = the
 * top level). A framework's own labels and aliases win over these. `confirm` words are vague, so
 * the level they point to is offered for confirmation rather than recorded.
 */
const EVERYDAY: ReadonlyArray<{ at: number | 'first'; confirm: boolean; words: readonly string[] }> = [
  { at: 0, confirm: false, words: ['not yet', 'no', 'nope', 'none', 'not started', 'nothing yet', 'nothing', 'not at all', 'not really', 'not in place', 'lowest'] },
  {
    at: 'first',
    confirm: false,
    words: ['just getting started', 'getting started', 'just started', 'just starting', 'starting out', 'starting', 'beginning', 'just beginning', 'first steps', 'early days', 'early stages'],
  },
  { at: 0.5, confirm: true, words: ['partly', 'partially', 'somewhat', 'some', 'sort of', 'kind of', 'in part', 'halfway', 'half', 'in progress', 'a bit', 'a little', 'to some extent', 'developing'] },
  { at: 0.85, confirm: true, words: ['yes', 'yeah', 'yep', 'yup', 'y', 'we do', 'it does', 'there is', 'there are', 'mostly', 'largely', 'in place', 'pretty much'] },
  { at: 1, confirm: false, words: ['advanced', 'fully', 'completely', 'fully in place', 'highest', 'excellent', 'totally', 'very advanced'] },
];

interface Phrase {
  phrase: string;
  value: number;
  confirm: boolean;
}

/** The level an everyday word points to: the one nearest its fraction of the scale (the higher one on a tie). */
const levelAt = (levels: readonly ScaleLevel[], at: number | 'first'): number | undefined => {
  if (at === 'first') return (levels[1] ?? levels[0])?.value;
  const min = levels[0]?.value ?? 0;
  const span = (levels[levels.length - 1]?.value ?? 0) - min || 1;
  let best: ScaleLevel | undefined;
  for (const level of levels) {
    const distance = Math.abs((level.value - min) / span - at);
    if (best === undefined || distance <= Math.abs((best.value - min) / span - at) + 1e-9) best = level;
  }
  return best?.value;
};

const phrasesFor = (levels: readonly ScaleLevel[]): Phrase[] => {
  const phrases = new Map<string, Phrase>();
  for (const level of levels) {
    for (const word of [level.label, ...(level.aliases ?? [])]) {
      const phrase = normaliseWords(word);
      phrases.set(phrase, { phrase, value: level.value, confirm: false });
    }
  }
  for (const { at, confirm, words } of EVERYDAY) {
    const value = levelAt(levels, at);
    if (value === undefined) continue;
    for (const phrase of words) if (!phrases.has(phrase)) phrases.set(phrase, { phrase, value, confirm });
  }
  return [...phrases.values()];
};

const containsPhrase = (text: string, phrase: string): boolean => ` ${text} `.includes(` ${phrase} `);

const QUESTION_START = /^(?:what|why|how|who|where|when|which|whose|does|do|is|are|can|could|should|would|will|explain|define|tell me)\b/;

/**
 * A line that is plainly a question about the content ("what does political will mean here?"), not
 * an answer: it ends with a question mark or starts like a question, and has at least three words.
 */
export const looksLikeQuestion = (text: string): boolean => {
  const words = normaliseWords(text);
  const count = words === '' ? 0 : words.split(' ').length;
  // Chinese and Japanese write no spaces between words, so their letters are counted instead.
  const unspaced = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  const asks = /[?？؟]\s*$/u.test(text);
  return (asks && (count >= 3 || unspaced >= 3)) || (count >= 4 && QUESTION_START.test(words));
};

const YES = new Set(['yes', 'y', 'yeah', 'yep', 'yup', 'correct', 'right', 'ok', 'okay', 'sure', 'confirm', "that's right", 'yes please', 'yes i do', 'i do', 'exactly']);
const NO = new Set(['no', 'n', 'nope', 'wrong', 'not that', 'no thanks', 'no i do not', "no i don't", 'neither']);

/** Reads the reply to a yes/no confirmation; `undefined` when the line is neither. */
export const readYesNo = (text: string): 'yes' | 'no' | undefined => {
  const words = normaliseWords(text);
  return YES.has(words) ? 'yes' : NO.has(words) ? 'no' : undefined;
};

/**
 * The levels a line starting with a number names when it names more than one: two numbers joined
 * ("2 or 3", "1-2", "1 to 2"), a number taken back ("3 no wait 1", "2, sorry, 1"), or a number
 * between two ("1.5"). Never guessed: the engine asks which. A number in a comment after the
 * answer ("2, we meet every 6 months", "2 out of 3") names nothing. Undefined for a line naming one level.
 */
const severalNumbers = (text: string): { values: number[]; between: boolean } | undefined => {
  const line = text.trim().toLowerCase();
  const decimal = /^(?:level\s+)?(\d{1,3})[.,](\d{1,2})$/u.exec(line);
  if (decimal?.[1] !== undefined && decimal[2] !== undefined) {
    const low = Number(decimal[1]);
    return Number(decimal[2]) === 0 ? undefined : { values: [low, low + 1], between: true };
  }
  const bare = line.replace(/^level\s+/u, '');
  const pair = NUMBER_PAIR.exec(line);
  const named = NUMBERS_ONLY.test(bare) ? (bare.match(/\d+/gu) ?? []) : pair?.[1] !== undefined && pair[2] !== undefined ? [pair[1], pair[2]] : [];
  const values = [...new Set(named.map(Number))];
  return values.length > 1 ? { values: values.sort((a, b) => a - b), between: false } : undefined;
};

/** "2 or 3", "1-2", "1 to 2", "2 and 3", "3 no wait 1", "2, sorry, 1", "2 or rather 3". */
const NUMBER_PAIR =
  /^(?:level\s+)?(\d{1,3})\s*(?:or|-|–|to|and|or rather|(?:,\s*)?(?:no|sorry|wait|no wait|actually|i mean|make that|or maybe)[\s,!.]*)\s*(?:level\s+)?(\d{1,3})(?![\d.,]*\d)/u;
/** A line of numbers only ("2 3", "1, 2, 3"): levels pasted together. "2, 12 partners" is one level and a count. */
const NUMBERS_ONLY = /^(\d{1,3})(?:\s*[,;]?\s+(\d{1,3}))+$/u;

/** Words that hedge an answer ("I think 2", "probably 3"): what follows them is the answer. */
const HEDGE = /^(?:i think|i guess|i suppose|i'd say|id say|i would say|probably|maybe|perhaps)\s+(?=\S)/u;

const GOTO = /^(?:go ?to|go back to|back to|return to|jump to|question|q)(?: question)? ?(\d{1,3})$/;

/**
 * Reads a typed line against a scale: a command word, a question about the content, "not sure", a
 * number ("2", "level 2", "two"), a level label or alias ("developing"), an everyday word ("yes",
 * "partly", "just getting started", "advanced"), a phrase containing one, or the start of one
 * ("estab"). Never guesses between two levels.
 */
export const parseTypedInput = (text: string, levels: readonly ScaleLevel[]): TypedInput => {
  const words = normaliseWords(text);
  if (words === '' || text.trim() === '?') return { type: 'help' };
  // "ok, keep going" is `keep going`, as "ok, tell me more" is `more`.
  const unopened = withoutOpening(text);
  const opened = normaliseWords(unopened);
  // "n/a" says the question does not apply: skipped, as a statement about it (an earlier answer goes).
  if (NOT_APPLICABLE.has(words) || NOT_APPLICABLE.has(opened)) return { type: 'skip', unsure: false, notApplicable: true };
  for (const [type, list] of COMMANDS) {
    if (list.includes(words) || list.includes(opened)) return type === 'skip' ? { type, unsure: false } : { type };
  }
  const goto = GOTO.exec(words);
  if (goto?.[1] !== undefined) return { type: 'goto', position: Number(goto[1]) };
  if (looksLikeQuestion(text)) return { type: 'question', text: text.trim() };
  // "more" and "ok, tell me more" ask for more on the last question answered, unless a level is called so.
  if (isMoreRequest(unopened) && !phrasesFor(levels).some((entry) => entry.phrase === words)) return { type: 'question', text: text.trim() };
  if (UNSURE.some((phrase) => containsPhrase(words, phrase))) return { type: 'skip', unsure: true };
  const lowered = text.trim().toLowerCase().replace(/[\u2018\u2019`]/gu, "'");
  const hedged = HEDGE.exec(lowered);
  if (hedged !== null) {
    // "I think 2" reads as "2", as "I'd say getting organised" reads as the level it names; "probably
    // not" is a vague word after a hedge, offered back to confirm. What follows keeps its own
    // punctuation: "I think 1.5" is between two levels.
    const rest = parseTypedInput(lowered.slice(hedged[0].length), levels);
    const said = normaliseWords(lowered.slice(hedged[0].length));
    // A number alone, or a level's own name: "probably 2 partners" is a count, not an answer.
    if (rest.type === 'answer' && /^(?:level )?\d/u.test(said) && !/^(?:level )?\d+$/u.test(said)) return { type: 'unknown' };
    const named = /^(?:level )?\d+$/u.test(said) || phrasesFor(levels).some((entry) => entry.phrase === said && !entry.confirm);
    if (rest.type === 'answer') return named ? rest : { ...rest, confirm: true };
    if (rest.type === 'ambiguous' || rest.type === 'not-on-scale') return rest;
  }
  const values = new Set(levels.map((level) => level.value));
  const numeric = /^(?:level )?(-?\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten)\b/.exec(words);
  if (numeric?.[1] !== undefined) {
    const several = severalNumbers(text);
    if (several !== undefined) {
      // "3.5" on a scale ending at 3 is asked about 3; "3 or 7" names a level the scale lacks.
      const offScale = several.values.find((value) => !values.has(value));
      if (offScale !== undefined && !several.between) return { type: 'not-on-scale', value: offScale };
      const onScale = several.values.filter((value) => values.has(value));
      if (onScale.length > 0) return { type: 'ambiguous', values: onScale };
      return { type: 'not-on-scale', value: several.values[0] ?? 0 };
    }
    const token = numeric[1];
    const value = NUMBER_WORDS.includes(token) ? NUMBER_WORDS.indexOf(token) : Number(token);
    return values.has(value) ? { type: 'answer', value, confirm: false } : { type: 'not-on-scale', value };
  }
  const phrases = phrasesFor(levels);
  const exact = phrases.find((entry) => entry.phrase === words);
  if (exact !== undefined) return { type: 'answer', value: exact.value, confirm: exact.confirm };
  const contained = phrases.filter((entry) => containsPhrase(words, entry.phrase));
  if (contained.length > 0) {
    const longest = contained.reduce((best, entry) => (entry.phrase.length > best.phrase.length ? entry : best));
    // A shorter phrase inside the longest one ("shared understanding" in "towards a shared understanding") is not a rival.
    const rivals = contained.filter((entry) => entry.value !== longest.value && !longest.phrase.includes(entry.phrase));
    if (rivals.length === 0) return { type: 'answer', value: longest.value, confirm: longest.confirm };
    return { type: 'ambiguous', values: [...new Set([longest.value, ...rivals.map((entry) => entry.value)])].sort((a, b) => a - b) };
  }
  if (words.length >= 3) {
    const prefixed = [...new Set(phrases.filter((entry) => entry.phrase.startsWith(words)).map((entry) => entry.value))];
    if (prefixed.length === 1 && prefixed[0] !== undefined) return { type: 'answer', value: prefixed[0], confirm: false };
    if (prefixed.length > 1) return { type: 'ambiguous', values: prefixed.sort((a, b) => a - b) };
  }
  return { type: 'unknown' };
};

/** Steps through an assessment's questions ("skip", "back", "stop", "progress", "question 3"): while it is paused, they get the paused prompt, not a search. */
const STEPS: ReadonlySet<TypedInput['type']> = new Set(['skip', 'back', 'stop', 'progress', 'goto']);

/** True when a typed line is one of an assessment's steps rather than an answer, a question or conversation. */
export const isAssessmentStep = (text: string): boolean => STEPS.has(parseTypedInput(text, []).type);
