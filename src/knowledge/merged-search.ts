import type { Concept } from './concepts.js';
import type { PassageSearch, ScoredPassage } from './search.js';

/** The hits of several collections in one ranking, and the search whose terms lead it. */
export interface MergedResult {
  /** The collection of the best hit (the first one when none has a hit): its weights rate the question. */
  search: PassageSearch;
  concepts: Concept[];
  hits: ScoredPassage[];
}

const phraseKey = (phrase: readonly string[]): string => phrase.join(' ');

/**
 * Searches every collection (the shared documents, a workspace's own) and merges their hits by
 * score: each collection scores its passages by the same formula (coverage of the question's
 * weight, Lunr's score relative to its best, word order, best sentence), so the scores compare.
 * The question's concepts are those of the leading collection, a word counting as known, and a
 * bridge as found, when any collection has it.
 */
export const searchMerged = (searches: readonly PassageSearch[], question: string, limit: number, previous?: string): MergedResult => {
  const first = searches[0];
  if (first === undefined) throw new Error('searchMerged needs at least one collection');
  const results = searches.map((search) => ({ search, ...search.search(question, limit, previous) }));
  if (results.length === 1) return results[0] as MergedResult;
  const leading = results.reduce((best, result) => ((result.hits[0]?.score ?? -1) > (best.hits[0]?.score ?? -1) ? result : best));
  const concepts = leading.concepts.map((concept) => {
    const others = results.flatMap((result) => result.concepts.filter((other) => other.surface === concept.surface));
    const alternatives = new Map(concept.alternatives.map((alternative) => [phraseKey(alternative), alternative]));
    for (const other of others) for (const alternative of other.alternatives) alternatives.set(phraseKey(alternative), alternative);
    return { ...concept, known: others.some((other) => other.known), alternatives: [...alternatives.values()] };
  });
  const hits = results
    .flatMap((result) => result.hits)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return { search: leading.search, concepts, hits };
};
