import type { Passage } from './chunk.js';
import type { Concept } from './concepts.js';
import { SKIPPABLE } from './answer-forms.js';
import { isAside, isAttribution, unitsOf } from './quote.js';
import type { StemPhrase } from './synonyms.js';
import { stem, words } from './text.js';

/** True when every stem of a non-empty phrase is among the terms. */
const hasPhrase = (phrase: StemPhrase, terms: Terms): boolean => {
  if (phrase.length === 0) return false;
  for (const term of phrase) if (!terms.has(term)) return false;
  return true;
};

/** True when the terms hold the concept's phrase or one of its alternatives. */
export const holdsConcept = (concept: Concept, terms: Terms): boolean => {
  if (hasPhrase(concept.phrase, terms)) return true;
  for (const alternative of concept.alternatives) if (hasPhrase(alternative, terms)) return true;
  return false;
};

/** True when the terms hold any of the stems. */
export const hasAny = (stems: readonly string[], terms: Terms): boolean => {
  for (const term of stems) if (terms.has(term)) return true;
  return false;
};

/** A passage's adjacent stem pairs (for word order) and its sentences (for coverage within a sentence). */
export interface PassageShape {
  /** Every pair of stems standing next to each other (heading, then text), as "left right". */
  pairs: Set<string>;
  sentences: PassageSentence[];
  /** Per sentence: its stems with those of the heading and title it sits under. */
  underHeading: Array<Set<string>>;
  /** Per sentence: whether it only says where the passage comes from (see `isAttribution`). */
  credits: boolean[];
}

/** One sentence (or list with its lead-in) of a passage, and its stems. */
export interface PassageSentence {
  text: string;
  position: number;
  terms: Set<string>;
  /** The acronyms the sentence itself defines, as stems ("…the UK Learning Cities Network (LCN)…": "lcn"); see {@link definedAcronyms}. */
  defines: readonly string[];
  /** The label of the item the sentence goes on, when it is not the item's first ("South Korea" for "In 2001, the first 3 cities…"). */
  label?: string;
  /** The sentence's stems with those of its label, when it has one: what the sentence is read with when quoting. */
  labelled: Set<string>;
  /** …and with those of a sentence wholly in brackets after it that says where it comes from ("(ELLI definition, quoted from Longworth, 1999)."), when there is one. */
  credited?: Set<string>;
  /** Which question types' answer cues were looked for in the text, and found (bit sets; see `hasAnswerCue`). */
  cuesTested: number;
  cuesFound: number;
  /** The parts that may only name something, with their stems (stop words left out) and those of the lead-in of the list they are items of, read at the first question that needs them (see `namingOnly`). */
  spans?: ReadonlyArray<{ text: string; terms: readonly string[]; leadIn: readonly string[] }>;
}

/** A set of stems, as far as coverage needs one. */
export interface Terms {
  has(term: string): boolean;
}

/** An acronym defined in brackets after its long form: "the UK Learning Cities Network (LCN)". */
const DEFINED_ACRONYM = /\((\p{Lu}{2,8})\)/gu;
/** Words read back from a bracketed acronym for its long form, at most, and the characters they are looked for in. */
const LONG_FORM_WORDS = 12;
const LONG_FORM_CHARS = 300;

/**
 * The acronyms a text defines ("…the UK Learning Cities Network (LCN) was established"), each
 * with the stems of its long form: the words before the brackets whose first letters spell it, in
 * order, small words allowed between them.
 */
export const definedAcronyms = (text: string): Map<string, string[]> => {
  const defined = new Map<string, string[]>();
  for (const match of text.matchAll(DEFINED_ACRONYM)) {
    const acronym = match[1] ?? '';
    const before = text.slice(Math.max(0, match.index - LONG_FORM_CHARS), match.index).match(/[\p{L}\p{N}’'&-]+/gu)?.slice(-LONG_FORM_WORDS) ?? [];
    const letters = acronym.toLowerCase();
    const taken: string[] = [];
    let letter = letters.length - 1;
    for (let i = before.length - 1; i >= 0 && letter >= 0; i--) {
      const word = before[i] ?? '';
      if (word.toLowerCase().startsWith(letters[letter] ?? '')) {
        taken.unshift(word);
        letter -= 1;
      } else if (!(taken.length > 0 && SKIPPABLE.has(word.toLowerCase()))) break;
    }
    if (letter < 0) defined.set(stem(letters), words(taken.join(' ')).map(stem));
  }
  return defined;
};

/** A sentence's stems, with those of the long form of each acronym of the passage it uses ("Now, LCN has 80 member cities" holds "network"). */
const sentenceTerms = (text: string, acronyms: ReadonlyMap<string, string[]>): Set<string> => {
  const terms = new Set(words(text).map(stem));
  for (const [acronym, longForm] of acronyms) if (terms.has(acronym)) for (const term of longForm) terms.add(term);
  return terms;
};

/** Builds a passage's {@link PassageShape}. */
export const buildShape = (passage: Passage): PassageShape => {
  const heading = words(`${passage.heading}\n${passage.title}`).map(stem);
  const acronyms = definedAcronyms(`${passage.heading}\n${passage.text}`);
  const sentences = unitsOf(passage.text).map((unit): PassageSentence => {
    const terms = sentenceTerms(unit.text, acronyms);
    return {
      ...unit,
      terms,
      labelled: unit.label === undefined ? terms : new Set([...terms, ...words(unit.label).map(stem)]),
      defines: [...definedAcronyms(unit.text).keys()],
      cuesTested: 0,
      cuesFound: 0,
    };
  });
  // A sentence wholly in brackets after one says where that one comes from ("…all its human potential…
  // (ELLI definition, quoted from Longworth, 1999)."): the sentence is quoted as the ELLI's definition.
  for (const [i, sentence] of sentences.entries()) {
    const aside = sentences[i + 1];
    if (aside !== undefined && isAside(aside.text) && !isAside(sentence.text)) sentence.credited = new Set([...sentence.labelled, ...aside.terms]);
  }
  const underHeading = sentences.map(({ terms }) => new Set([...heading, ...terms]));
  const sequence = [...heading, ...words(passage.text).map(stem)];
  const pairs = new Set<string>();
  for (let i = 1; i < sequence.length; i++) pairs.add(`${sequence[i - 1]} ${sequence[i]}`);
  return { pairs, sentences, underHeading, credits: sentences.map(({ text }) => isAttribution(text)) };
};
