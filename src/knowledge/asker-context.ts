import type { Concept } from './concepts.js';
import { POINTING_WORDS } from './follow-ups.js';

/** Words that say a clause is about the asker: "I work in…", "we're a borough…", "a colleague asked me…" ("as a coordinator in Galway, …" is read apart). */
const ABOUT_ASKER = /\b(?:i|i'm|im|i've|ive|we|we're|we've|weve|our|my|me)\b/i;
/** "us" in lower case: "the US" is a country. */
const US = /\bus\b/u;
/** A clause of at least this many words that does not ask sets the scene ("Heading to a conference in Melbourne next month."); a shorter one may name the topic ("Victoria, Canada - …"). */
const SCENE_WORDS = 6;

/**
 * Share of its weight that a word of what the asker says about themselves keeps (set 1's tuning
 * half: 0.3–1 alike, 0.5 one question more after refitting; on the three tuning halves 0.3 gave
 * fewer wrong answers but left "GNLC members" just under the point from which the bot answers).
 */
const ASKER_CONTEXT_WEIGHT = 0.5;

/**
 * Words by which a question points back to what was said before it ("which joined first?" asks
 * which of those named before; "who runs it there?"). "Is there a stat…" only asks whether
 * something exists: its "there" points nowhere.
 */
const POINTS_BACK = new RegExp(
  String.raw`${POINTING_WORDS}|\b(?:theirs|our|ours|my)\b|\bwhich\s+(?:\w+ed|is|was|were|are|has|have|had|did|does|do|one|ones)\b`,
  'i',
);

/** "As a coordinator in Galway, …" opens a question with who asks it. */
const AS_A = /^\s*as an?\s(?!(?:result|rule|whole|matter|consequence|reminder|percentage|example|group|first step)\b)[^,]{1,80},\s*/i;
/** Words a clause that asks opens with. */
const QUESTION_WORD = String.raw`(?:what|how|why|when|where|who|which|does|do|did|is|are|can|could|should|would|will)\b`;
/** A clause that opens as a question. */
const ASKS = new RegExp(String.raw`^\s*${QUESTION_WORD}`, 'i');
/** Between sentences, a dash between words, or ", so" (", but", ", and") before a question word. */
const CLAUSE_BREAK = new RegExp(String.raw`(?<=[.!?])\s+|\s[-–—]\s|,\s+(?:so|but|and)\s+(?=${QUESTION_WORD})`, 'i');

/** Words of a question's opening in which a word points back to what came before it. */
const OPENING_WORDS = 5;
const openingWords = (text: string): string => text.trim().split(/\s+/u).slice(0, OPENING_WORDS).join(' ');

/** A name written inside the opening, before a pointing word: "How did Birmingham run theirs?" points at Birmingham. */
const NAME_BEFORE = /^\s*\S+\s+(?:\S+\s+)*?\p{Lu}[\p{L}’'-]+\s/u;

/** True when the opening points back to what came before it, not to a name of its own before the pointing word. */
const pointsBack = (opening: string): boolean => {
  const pointing = POINTS_BACK.exec(opening);
  return pointing !== null && !NAME_BEFORE.test(opening.slice(0, pointing.index));
};

/** A clause that tells about the asker, or sets the scene at some length, and does not itself ask. */
const aboutAsker = (clause: string): boolean =>
  (ABOUT_ASKER.test(clause) || US.test(clause) || clause.trim().split(/\s+/u).length >= SCENE_WORDS) &&
  !/\?\s*$/u.test(clause) &&
  !ASKS.test(clause);

/**
 * The part of a message that asks, when clauses about the asker come first: what follows the
 * last of them. Undefined when nothing comes before the question, or what comes before is not
 * about the asker.
 */
export const askingPart = (message: string): string | undefined => {
  const text = message.replace(/[’]/gu, "'");
  // Sentences, dashes between words, and an opening "as a …, " are clauses.
  const opening = AS_A.exec(text)?.[0];
  const rest = opening === undefined ? text : text.slice(opening.length);
  const clauses = [...(opening === undefined ? [] : [opening]), ...rest.split(CLAUSE_BREAK)].filter((clause) => clause.trim() !== '');
  if (clauses.length < 2) return undefined;
  let first = 0;
  if (opening !== undefined) first = 1;
  while (first < clauses.length - 1 && aboutAsker(clauses[first] ?? '')) first += 1;
  // "…next door to Birmingham - could their tool help us?", "I work in Leeds. Does our city…?", "I'm interested in Cork. When did it…?":
  // the question asks about what it points back to, the clause just before it; clauses before
  // that one still only tell about the asker ("my friend works near Melbourne - she says councils
  // in Victoria must join. is that right?"). A word further on points within the question
  // ("which city was Japan's first…, and when did that happen?").
  if (first > 0 && pointsBack(openingWords(fromClause(text, clauses, first)))) first -= 1;
  return first === 0 ? undefined : fromClause(text, clauses, first);
};

/** The message as written from its `first` clause on. */
const fromClause = (text: string, clauses: readonly string[], first: number): string => {
  let at = 0;
  for (const clause of clauses.slice(0, first)) at = text.indexOf(clause, at) + clause.length;
  return text.slice(text.indexOf(clauses[first] ?? '', at)).trim();
};

/**
 * The concepts without the unknown words of what the asker says about themselves before asking
 * ("I work in Leeds council. How can universities help a learning city?"): the question is not
 * about Leeds, and the documents' silence on Leeds says nothing about it. `build` reads a text's
 * concepts as the question's were read.
 */
export const aboutTheQuestion = (question: string, concepts: Concept[], build: (text: string) => Concept[]): Concept[] => {
  const asked = askingPart(question);
  if (asked === undefined) return concepts;
  const kept = new Set(build(asked).map((concept) => concept.phrase.join(' ')));
  if (kept.size === 0) return concepts;
  // Unknown words go; the others stay at a lower weight, and a name among them is not what the question is about.
  return concepts
    .filter((concept) => kept.has(concept.phrase.join(' ')) || concept.known || concept.alternatives.length > 0)
    .map((concept) => (kept.has(concept.phrase.join(' ')) ? concept : { ...concept, entity: false, weight: concept.weight * ASKER_CONTEXT_WEIGHT }));
};
