import type { Concept } from './concepts.js';
import { FRAMING_WORDS } from './text.js';

/** Share of its weight a concept of the previous question keeps in a follow-up. */
const FOLLOW_UP_WEIGHT = 0.6;
/** A follow-up is short: at most this many content words of its own. */
const FOLLOW_UP_WORDS = 4;
/** Words that open a follow-up: "and who funds it?", "what about Leeds?". */
const LEADING_CUE = /^\s*(?:and|also|but|so|what about|how about|then)\b/i;
/** "there" points back ("who runs it there?"), unless it only says something exists ("have there been…", "is there…", "there are…"). */
const POINTING_THERE = String.raw`(?<!\b(?:is|are|was|were|have|has|had|be|been)\s+)\bthere\b(?!\s+(?:is|are|was|were|be|been|have|has|had|'s|’s)\b)`;
/** "the next one", "that one", "the third one": "one" standing for something named before, at the end of its clause. */
const POINTING_ONE = String.raw`\b(?:the|that|this|which)\s+(?:(?:next|last|latest|first|second|third|fourth|fifth|other|same|new|previous|recent)\s+)?ones?\b(?=\s*(?:[?.!,;]|$))`;
/** Words that point back to what was said before ("it", "their", a "there" that points, "the next one"), as a pattern's source. */
export const POINTING_WORDS = String.raw`\b(?:it|its|they|them|their|that|this|those|these|he|she|his|her)\b|${POINTING_THERE}|${POINTING_ONE}`;
const POINTING = new RegExp(POINTING_WORDS, 'i');
/** "which other cities…?", "any others?": others than those the question before named. */
const OTHERS_CUE = /^\s*(?:and\s+)?(?:which|what|any)\s+others?\b/i;
const FOLLOW_UP_CUE = new RegExp(`${LEADING_CUE.source}|${POINTING.source}|${OTHERS_CUE.source}`, 'i');

/** A message with no content words of its own leans on the one before only when it asks ("why?", "and when?"). */
const ASKS = /\?|\b(?:who|what|when|where|why|how|which|explain|elaborate|expand|clarify|details?)\b/i;

/** A follow-up that both opens as one and points back ("and what network was set up that year, and how many members does it have now?") may be longer. */
const LONG_FOLLOW_UP_WORDS = 8;
/** True for a question that leans on the one before ("and who funds it?", "when did it start?"); not "hello". */
export const isFollowUp = (question: string, own: readonly Concept[]): boolean =>
  (own.length <= FOLLOW_UP_WORDS &&
    (FOLLOW_UP_CUE.test(question) || (own.length === 0 && ASKS.test(question)) || (bareSubject(own) && BARE_ASK.test(question)))) ||
  (own.length <= LONG_FOLLOW_UP_WORDS && LEADING_CUE.test(question) && POINTING.test(question));

/**
 * At most one word of its own besides framing ("how many cities": "many" frames) and what is done
 * ("how many cities took part?"), and no name: no subject of its own.
 */
const bareSubject = (own: readonly Concept[]): boolean =>
  !own.some((concept) => concept.entity) && own.filter((concept) => !FRAMING_WORDS.has(concept.surface) && concept.phrasalVerb !== true).length <= 1;

/** "how many cities?", "when?", "who runs it": a count, time or person asked with no subject of its own is asked of the last one. */
const BARE_ASK = /^\s*(?:and\s+)?(?:how\s+(?:many|much|often|long)|when|who|where)\b/i;

const key = (concept: Concept): string => concept.phrase.join(' ');

/** True when a question names what the question before did not ("and Bristol?" after a question about Leeds): it has a subject of its own. */
export const namesOwnSubject = (own: readonly Concept[], earlier: readonly Concept[]): boolean => {
  const named = new Set(earlier.filter((concept) => concept.entity).map(key));
  return own.some((concept) => concept.entity && !named.has(key(concept)));
};

/**
 * A question's concepts with what it takes from the question before it: a short follow-up ("and
 * who funds it?") is about what the previous question was about, whose concepts count at a lower
 * weight. `before` is read only when the question is a follow-up.
 */
export const withPrevious = (question: string, own: Concept[], before: () => Concept[], maxConcepts: number): Concept[] => {
  if (!isFollowUp(question, own)) return own;
  let earlier = before();
  if (namesOwnSubject(own, earlier)) {
    // A question naming what the one before did not starts a topic of its own ("how did
    // Birmingham send out its survey?": "its" is Birmingham's), unless it opens as a follow-up
    // ("and Bristol?"): then it asks the same about another subject, without the earlier one's names.
    if (!LEADING_CUE.test(question)) return own;
    earlier = earlier.filter((concept) => !concept.entity);
  }
  const carried = earlier
    .filter((concept) => !own.some((mine) => key(mine) === key(concept)))
    .map((concept) => ({ ...concept, weight: concept.weight * FOLLOW_UP_WEIGHT }));
  return [...own, ...carried].slice(0, maxConcepts);
};
