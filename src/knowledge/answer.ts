import type { AnswerSource, KnowledgeAnswer } from '../core/ports.js';
import { rarity } from './concepts.js';
import { MAX_ANSWER_CHARS, answerCue, questionType, quoteSentences, truncate } from './quote.js';
import { searchMerged } from './merged-search.js';
import type { Concept, PassageSearch, ScoredPassage } from './search.js';

/**
 * Where the answer's confidence changes, fitted on the tuning half of the evaluation set
 * (see README "Retrieval quality"); `npm run eval` shows what they give.
 */
export interface AnswerThresholds {
  /** Below this coverage of the question's weight by the best passage, nothing is close enough to offer. */
  noneBelow: number;
  /** …or below this coverage by its best sentence (with the passage's heading). */
  sentenceNoneBelow: number;
  /** From this sentence coverage on, with no rare word missing, the passage answers. */
  highFrom: number;
  /** An unmatched word rarer than this (0-1, see `rarity`) leaves at most low confidence. */
  maxMissingRarity: number;
  /** A word that no document uses and nothing bridges, rarer than this, means no answer. */
  maxLackedRarity: 0.35,
  /** Passages scoring below this share of the best one are not cited. */
  relativeCutoff: number;
}

export const defaultThresholds: AnswerThresholds = {
  noneBelow: 0.1,
  sentenceNoneBelow: 0.45,
  highFrom: 0.7,
  maxMissingRarity: 0.3,
  maxLackedRarity: 0.35,
  relativeCutoff: 0.5,
};

export type Confidence = 'high' | 'low' | 'none';

/** What the decision rests on, beyond coverage. */
export interface ConfidenceFeatures {
  coverage: number;
  /** Rarity (0-1) of the rarest question word the best passage lacks; 0 when it lacks none. */
  missingRarity: number;
  /** A name, acronym or year of the question is missing from the best passage. */
  entityMissing: boolean;
  /** …and from the whole collection. */
  entityUnknown: boolean;
  /** Score of the best passage minus the second's. */
  margin: number;
  /** A when or how-many question whose best passage has no date or number. */
  typeMissing: boolean;
  /** Coverage by the best passage's single best sentence (with the passage heading). */
  sentenceCoverage: number;
  /** Rarity (0-1) of the rarest question word that the whole collection lacks and nothing bridges. */
  lackedRarity: number;
}

const MAX_SOURCES = 3;
/** A sentence matching this share of the best sentence's coverage may hold the date or number asked for. */
const SENTENCE_NEAR_BEST = 0.8;
const MAX_SUGGESTIONS = 3;

const matchedIn = (search: PassageSearch, concept: Concept, terms: Set<string>): boolean => search.coverage([concept], terms) > 0;

/** Question words the documents lack entirely (never filler words: those weigh almost nothing). */
const lackedWords = (search: PassageSearch, concepts: Concept[]): Concept[] =>
  concepts.filter((concept) => !concept.known && concept.alternatives.length === 0 && (concept.entity || rarity(concept.surface) >= 0.3));

/** The best passage's sentences that match the question nearly as well as its best one. */
const answeringSentences = (search: PassageSearch, concepts: Concept[], best: ScoredPassage): string[] => {
  const coverages = search.sentenceCoverages(concepts, best.passage);
  const top = Math.max(0, ...coverages);
  return search
    .sentencesOf(best.passage)
    .filter((_, i) => (coverages[i] ?? 0) >= top * SENTENCE_NEAR_BEST)
    .map((sentence) => sentence.text);
};

export const confidenceFeatures = (search: PassageSearch, question: string, concepts: Concept[], hits: ScoredPassage[]): ConfidenceFeatures => {
  const best = hits[0];
  const lacked = concepts.filter((concept) => !concept.known && concept.alternatives.length === 0);
  const lackedRarity = Math.max(0, ...lacked.map((concept) => (concept.entity ? 1 : rarity(concept.surface))));
  if (!best) return { coverage: 0, missingRarity: 1, entityMissing: true, entityUnknown: true, margin: 0, typeMissing: true, sentenceCoverage: 0, lackedRarity };
  const sentenceCoverage = best.sentenceCoverage;
  const type = questionType(question);
  // Only dates and numbers can be checked by their form; names and reasons cannot.
  const typeCue = type === 'when' || type === 'count' ? answerCue(type) : undefined;
  const missing = concepts.filter((concept) => !matchedIn(search, concept, best.terms));
  const rarityOf = (concept: Concept): number =>
    concept.entity ? 1 : concept.known || concept.alternatives.length > 0 ? Math.min(1, concept.weight / search.maxWeight()) : rarity(concept.surface);
  return {
    coverage: best.coverage,
    missingRarity: Math.max(0, ...missing.map(rarityOf)),
    entityMissing: missing.some((concept) => concept.entity),
    entityUnknown: missing.some((concept) => concept.entity && !concept.known && concept.alternatives.length === 0),
    margin: best.score - (hits[1]?.score ?? 0),
    typeMissing: typeCue !== undefined && !answeringSentences(search, concepts, best).some((text) => typeCue.test(text)),
    sentenceCoverage,
    lackedRarity,
  };
};

export const decide = (features: ConfidenceFeatures, thresholds: AnswerThresholds): Confidence => {
  // A name, year or place the passage lacks, or a date or number it does not give, is not answered.
  if (features.entityMissing || features.typeMissing || features.lackedRarity >= thresholds.maxLackedRarity) return 'none';
  if (features.coverage < thresholds.noneBelow || features.sentenceCoverage < thresholds.sentenceNoneBelow) return 'none';
  if (features.sentenceCoverage >= thresholds.highFrom && features.missingRarity < thresholds.maxMissingRarity) return 'high';
  return 'low';
};

/** The 2-3 passage headings nearest the question, as "Heading (document)". */
const nearestHeadings = (hits: ScoredPassage[]): string[] => {
  const seen = new Set<string>();
  const headings: string[] = [];
  for (const { passage } of hits) {
    const label = passage.heading === passage.title ? passage.title : `${passage.heading} (${passage.title.split(/:| - /u)[0]?.trim()})`;
    if (seen.has(label)) continue;
    seen.add(label);
    headings.push(label);
    if (headings.length >= MAX_SUGGESTIONS) break;
  }
  return headings;
};

const refusal = (search: PassageSearch, question: string, concepts: Concept[], hits: ScoredPassage[]): KnowledgeAnswer => {
  const lacked = lackedWords(search, concepts).sort((a, b) => Number(b.entity) - Number(a.entity) || b.weight - a.weight);
  const about = lacked.length > 0 ? ` They say nothing about ${lacked.slice(0, 3).map((c) => `“${c.surface}”`).join(', ')}.` : '';
  return {
    question,
    noAnswer: true,
    confidence: 'none',
    answer: `The documents I have do not answer that.${about}`,
    sources: [],
    suggestions: nearestHeadings(hits.filter((hit) => hit.coverage > 0)),
  };
};

/**
 * Answers a question from the passages with one of three confidences: `high` quotes the passage
 * that answers; `low` says plainly that the quoted passage is only the closest one; `none` says
 * what the documents lack and offers the nearest headings. With several collections, their
 * passages compete in one ranking.
 */
export const answerQuestion = (
  searches: PassageSearch | readonly PassageSearch[],
  question: string,
  thresholds: AnswerThresholds = defaultThresholds,
  previous?: string,
): KnowledgeAnswer => {
  // Several collections (the shared documents and a workspace's own) are ranked as one.
  const { search, concepts, hits } = searchMerged(Array.isArray(searches) ? searches : [searches], question, 10, previous);
  if (concepts.length === 0) {
    return {
      question,
      noAnswer: true,
      confidence: 'none',
      answer: 'Please ask a question in words, for example "What is a learning city?"',
      sources: [],
      suggestions: [],
    };
  }
  const best = hits[0];
  const confidence = decide(confidenceFeatures(search, question, concepts, hits), thresholds);
  if (!best || confidence === 'none') return refusal(search, question, concepts, hits);
  const cited = hits.filter((hit) => hit.score >= best.score * thresholds.relativeCutoff && hit.coverage > 0).slice(0, MAX_SOURCES);
  const sources: AnswerSource[] = cited.map(({ passage, score }) => ({
    source: passage.source,
    title: passage.title,
    passage: passage.text,
    score: Math.round(score * 1000) / 1000,
    ...(passage.page === undefined ? {} : { page: passage.page }),
  }));
  const quoted = quoteSentences(search, question, concepts, cited);
  const text = quoted.length > 0 ? quoted.join('\n\n') : truncate(best.passage.text, MAX_ANSWER_CHARS);
  return {
    question,
    noAnswer: false,
    confidence,
    answer: confidence === 'high' ? text : `The closest the documents come is this:\n\n${text}`,
    sources,
    suggestions: [],
  };
};
