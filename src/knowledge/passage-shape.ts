import type { Passage } from './chunk.js';
import type { Concept } from './concepts.js';
import { unitsOf } from './quote.js';
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
}

/** One sentence (or list with its lead-in) of a passage, and its stems. */
export interface PassageSentence {
  text: string;
  position: number;
  terms: Set<string>;
  /** Which question types' answer cues were looked for in the text, and found (bit sets; see `hasAnswerCue`). */
  cuesTested: number;
  cuesFound: number;
}

/** A set of stems, as far as coverage needs one. */
export interface Terms {
  has(term: string): boolean;
}

/** Builds a passage's {@link PassageShape}. */
export const buildShape = (passage: Passage): PassageShape => {
  const heading = words(`${passage.heading}\n${passage.title}`).map(stem);
  const sentences = unitsOf(passage.text).map((unit) => ({ ...unit, terms: new Set(words(unit.text).map(stem)), cuesTested: 0, cuesFound: 0 }));
  const underHeading = sentences.map(({ terms }) => new Set([...heading, ...terms]));
  const sequence = [...heading, ...words(passage.text).map(stem)];
  const pairs = new Set<string>();
  for (let i = 1; i < sequence.length; i++) pairs.add(`${sequence[i - 1]} ${sequence[i]}`);
  return { pairs, sentences, underHeading };
};
