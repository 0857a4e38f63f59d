import type { SourceDocument } from '../knowledge/documents.js';
import { words } from '../knowledge/text.js';
import { seededRandom } from './stats.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'vu', 'sen', 'dor', 'pla', 'qui', 'ber', 'nos', 'tal', 'fi', 'gru', 'zen'];

/** A made-up word for rank `n`, distinct for every n. */
const pseudoWord = (n: number): string => {
  let word = '';
  let rest = n + SYLLABLES.length;
  while (rest > 0) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
};

/**
 * Builds a synthetic knowledge base of about `passages` passages: the real documents' words first
 * (the common ones), then made-up words so the vocabulary grows with size as real text does
 * (Heaps' law, V ≈ 30·√tokens), all drawn with a Zipf-like distribution. Index size and query
 * cost then grow as they would with a real collection of that size.
 */
export const generateDocuments = (real: SourceDocument[], passages: number, seed = 42): SourceDocument[] => {
  const random = seededRandom(seed);
  const counts = new Map<string, number>();
  for (const document of real) for (const word of words(document.body)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const realWords = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  const expectedTokens = passages * 80;
  const target = Math.max(realWords.length, Math.round(30 * Math.sqrt(expectedTokens)));
  const vocabulary = [...realWords, ...Array.from({ length: target - realWords.length }, (_, i) => pseudoWord(i))];
  // Rank r is drawn with probability ~ 1/r: common words common, rare words rare.
  const harmonic = vocabulary.map((_, r) => 1 / (r + 1));
  const total = harmonic.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  harmonic.reduce((sum, h) => {
    cumulative.push((sum + h) / total);
    return sum + h;
  }, 0);
  const pick = (): string => {
    const x = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] ?? 'learning';
  };
  const sentence = (): string => {
    const length = 8 + Math.floor(random() * 18);
    const parts = Array.from({ length }, pick);
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const documents: SourceDocument[] = [];
  const perDocument = 50;
  for (let d = 0; d * perDocument < passages; d++) {
    const sections: string[] = [];
    for (let p = 0; p < perDocument && d * perDocument + p < passages; p++) {
      const heading = Array.from({ length: 2 + Math.floor(random() * 3) }, pick).join(' ');
      const paragraph = Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
      sections.push(`## ${heading}\n\n${paragraph}`);
    }
    documents.push({
      file: `generated-${d}.md`,
      title: `Generated document ${d}`,
      source: `generated-${d}.txt`,
      kind: 'report',
      body: sections.join('\n\n'),
    });
  }
  return documents;
};

/** Questions for timing: real evaluation questions, and word samples of passages with typos. */
export const generateQuestions = (documents: SourceDocument[], count: number, seed = 7): string[] => {
  const random = seededRandom(seed);
  const pool = documents.flatMap((document) => document.body.split(/\n\n+/u)).filter((block) => block.length > 80);
  const questions: string[] = [];
  const fillers = ['what', 'how', 'does the', 'can a', 'which', 'tell me about'];
  while (questions.length < count && pool.length > 0) {
    const block = pool[Math.floor(random() * pool.length)] ?? '';
    const blockWords = words(block);
    const start = Math.floor(random() * Math.max(1, blockWords.length - 8));
    const picked = blockWords.slice(start, start + 3 + Math.floor(random() * 6));
    if (random() < 0.2 && picked.length > 0) {
      const i = Math.floor(random() * picked.length);
      const word = picked[i] ?? '';
      if (word.length > 4) picked[i] = `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
    }
    questions.push(`${fillers[Math.floor(random() * fillers.length)]} ${picked.join(' ')}?`);
  }
  return questions;
};
