import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isStopWord, stem, words } from './text.js';

/** Groups of words or phrases that mean the same thing to practitioners; kept as data in knowledge/. */
export const synonymsSchema = z.object({
  groups: z.array(z.array(z.string().trim().min(1)).min(2)).default([]),
});

/** A phrase as a sequence of stems (stop words removed). */
export type StemPhrase = string[];

export interface SynonymTable {
  /** For each phrase (joined by space), the other phrases of its groups. */
  alternatives: Map<string, StemPhrase[]>;
  /** Longest phrase length, so matching can stop early. */
  longest: number;
}

export const phraseStems = (phrase: string): StemPhrase =>
  words(phrase)
    .filter((word) => !isStopWord(word))
    .map(stem);

/** Builds the lookup table from groups of phrases. */
export const buildSynonymTable = (groups: string[][]): SynonymTable => {
  const alternatives = new Map<string, StemPhrase[]>();
  let longest = 1;
  for (const group of groups) {
    const phrases = group.map(phraseStems).filter((phrase) => phrase.length > 0);
    for (const phrase of phrases) {
      longest = Math.max(longest, phrase.length);
      const key = phrase.join(' ');
      const others = phrases.filter((other) => other.join(' ') !== key);
      alternatives.set(key, [...(alternatives.get(key) ?? []), ...others]);
    }
  }
  return { alternatives, longest };
};

/** Reads knowledge/synonyms.yaml; throws with the file name when it is invalid. */
export const loadSynonyms = (path: string): SynonymTable => {
  const parsed = synonymsSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return buildSynonymTable(parsed.data.groups);
};

export interface SynonymMatch {
  /** Position of the first stem of the matched phrase in the query. */
  start: number;
  length: number;
  alternatives: StemPhrase[];
}

/** Finds phrases of the table in a query's stems, longest first, without overlaps. */
export const findSynonyms = (stems: string[], table: SynonymTable): SynonymMatch[] => {
  const matches: SynonymMatch[] = [];
  let i = 0;
  while (i < stems.length) {
    let matched = false;
    for (let length = Math.min(table.longest, stems.length - i); length >= 1; length--) {
      const alternatives = table.alternatives.get(stems.slice(i, i + length).join(' '));
      if (alternatives) {
        matches.push({ start: i, length, alternatives });
        i += length;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }
  return matches;
};
