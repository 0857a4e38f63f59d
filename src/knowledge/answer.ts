import type { AnswerSource, KnowledgeAnswer } from '../core/ports.js';
import type { Concept, PassageSearch, ScoredPassage } from './search.js';
import { sentences, stem, words } from './text.js';

/** Calibrated on the retrieval evaluation set; see README "Retrieval quality". */
export interface AnswerThresholds {
  /** Minimum share of the question's weight the best passage must match. */
  minCoverage: number;
  /** Passages scoring below this share of the best one are not cited. */
  relativeCutoff: number;
}

export const defaultThresholds: AnswerThresholds = { minCoverage: 0.56, relativeCutoff: 0.5 };

const MAX_SOURCES = 3;
const MAX_SENTENCES = 3;
const MAX_ANSWER_CHARS = 600;

interface Candidate {
  text: string;
  rank: number;
  position: number;
  score: number;
}

/** Picks the 1-3 sentences of the cited passages that best match the question; one paragraph per passage. */
export const extractSentences = (search: PassageSearch, concepts: Concept[], hits: ScoredPassage[]): string[] => {
  const candidates: Candidate[] = [];
  hits.forEach((hit, rank) => {
    const parts = sentences(hit.passage.text);
    parts.forEach((text, position) => {
      let shown = text;
      // A sentence that introduces a list ("… common agendas:") is shown with its items.
      if (/:\s*$/u.test(text)) {
        const items = parts.slice(position + 1, position + 10).filter((item) => item.length < 160);
        if (items.length > 0) shown = `${text} ${items.map((item) => item.replace(/[.;,]\s*$/u, '')).join('; ')}.`;
      }
      const coverage = search.coverage(concepts, new Set(words(shown).map(stem)));
      const score = coverage - rank * 0.08 - (shown.length < 25 ? 0.2 : 0);
      candidates.push({ text: shown, rank, position, score });
    });
  });
  const ranked = candidates.filter((c) => c.score > 0).sort((a, b) => b.score - a.score);
  const termsOf = (candidate: Candidate): Set<string> => new Set(words(candidate.text).map(stem));
  const covered = (candidate: Candidate): Concept[] =>
    concepts.filter((concept) => search.coverage([concept], termsOf(candidate)) > 0);
  const addsConcept = (candidate: Candidate, chosen: Candidate[]): boolean => {
    const already = new Set(chosen.flatMap(covered));
    return covered(candidate).some((concept) => !already.has(concept));
  };
  const chosen: Candidate[] = [];
  let length = 0;
  for (const candidate of ranked) {
    if (chosen.length >= MAX_SENTENCES) break;
    // More sentences from the best passage read on; one from another passage must nearly match
    // the best and add something the chosen ones do not say.
    const samePassage = candidate.rank === chosen[0]?.rank;
    if (chosen.length > 0 && candidate.score < (chosen[0]?.score ?? 0) * (samePassage ? 0.6 : 0.85)) continue;
    if (chosen.length > 0 && !samePassage && !addsConcept(candidate, chosen)) continue;
    if (chosen.length > 0 && length + candidate.text.length > MAX_ANSWER_CHARS) continue;
    if (chosen.some((c) => c.text.includes(candidate.text) || candidate.text.includes(c.text))) continue;
    chosen.push(candidate);
    length += candidate.text.length;
  }
  const ordered = chosen.sort((a, b) => a.rank - b.rank || a.position - b.position);
  // Sentences of one passage read on; a gap inside a passage is marked; passages get paragraphs.
  const paragraphs: string[] = [];
  ordered.forEach((candidate, i) => {
    const previous = ordered[i - 1];
    const text = truncate(candidate.text, MAX_ANSWER_CHARS);
    if (previous === undefined || previous.rank !== candidate.rank) paragraphs.push(text);
    else {
      const joiner = candidate.position === previous.position + 1 ? ' ' : ' … ';
      paragraphs[paragraphs.length - 1] += `${joiner}${text}`;
    }
  });
  return paragraphs;
};

const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
};

/**
 * Answers a question from the passages: the best sentences and the passages cited, or a plain
 * "the documents do not answer this" with topics they do cover.
 */
export const answerQuestion = (
  search: PassageSearch,
  question: string,
  topics: string[],
  thresholds: AnswerThresholds = defaultThresholds,
): KnowledgeAnswer => {
  const { concepts, hits } = search.search(question, 10);
  const best = hits[0];
  if (concepts.length === 0) {
    return {
      question,
      noAnswer: true,
      answer: 'Please ask a question in words, for example "What is a learning city?"',
      sources: [],
      suggestions: topics,
    };
  }
  if (!best || best.coverage < thresholds.minCoverage) {
    const missing = best
      ? concepts.filter((concept) => search.coverage([concept], new Set(words(`${best.passage.heading} ${best.passage.text}`).map(stem))) === 0)
      : concepts;
    const about = missing.length > 0 ? ` about ${missing.slice(0, 3).map((c) => `“${c.surface}”`).join(', ')}` : '';
    return {
      question,
      noAnswer: true,
      answer: `The documents I have do not answer that${about}.`,
      sources: [],
      suggestions: topics,
    };
  }
  const cited = hits
    .filter((hit) => hit.score >= best.score * thresholds.relativeCutoff && hit.coverage > 0)
    .slice(0, MAX_SOURCES);
  const sources: AnswerSource[] = cited.map(({ passage, score }) => ({
    source: passage.source,
    title: passage.title,
    passage: passage.text,
    score: Math.round(score * 1000) / 1000,
  }));
  const extracted = extractSentences(search, concepts, cited);
  return {
    question,
    noAnswer: false,
    answer: extracted.length > 0 ? extracted.join('\n\n') : truncate(best.passage.text, MAX_ANSWER_CHARS),
    sources,
    suggestions: [],
  };
};
