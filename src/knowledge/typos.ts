/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early
 * once it exceeds `max`.
 */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Int32Array(width);
  let previous = Int32Array.from({ length: width }, (_, j) => j);
  let current = new Int32Array(width);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? max + 1;
};

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Number of strings `editsOne` makes for a word of `length` letters: about 54 per letter. */
export const editsOneCount = (length: number): number => 54 * length + 25;

/** Every string one edit (delete, transpose, replace, insert) away from `word`. */
export const editsOne = (word: string): Set<string> => {
  const edits = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const left = word.slice(0, i);
    const right = word.slice(i);
    if (right.length > 0) edits.add(left + right.slice(1));
    if (right.length > 1) edits.add(left + right[1] + right[0] + right.slice(2));
    for (const letter of ALPHABET) {
      if (right.length > 0) edits.add(left + letter + right.slice(1));
      edits.add(left + letter + right);
    }
  }
  edits.delete(word);
  return edits;
};

/** Vocabularies larger than this ignore words seen only once when correcting. */
const LARGE_VOCABULARY = 20_000;

/** Bounds the correction cache; questions repeat words, hostile input cannot grow it forever. */
const CACHE_LIMIT = 50_000;

/**
 * Work (candidate strings made, plus known words compared letter by letter) one message may spend
 * on corrections: enough for a dozen ordinary misspellings, so a message of many long unknown
 * words costs no more than a few milliseconds.
 */
export const MESSAGE_WORK_BUDGET = 40_000;

/** Finds the likeliest intended word for a misspelt one, from the words the documents use. */
export class TypoCorrector {
  /** Words by first letter and length, for the two-edit search. */
  private readonly buckets = new Map<string, Array<[string, number]>>();
  private readonly cache = new Map<string, string | undefined>();
  /** Longest known word: a longer word (beyond the edits allowed) cannot be a typo of one. */
  private readonly longest: number;
  /** Work left for the current message; see `startMessage`. */
  private budget = MESSAGE_WORK_BUDGET;
  /** Work done since construction (candidate strings and comparisons), for tests and benchmarks. */
  work = 0;

  /** In a large collection, words seen once are more likely typos themselves than corrections. */
  private readonly minCount: number;

  constructor(private readonly vocabulary: Map<string, number>) {
    this.minCount = vocabulary.size > LARGE_VOCABULARY ? 2 : 1;
    let longest = 0;
    for (const entry of vocabulary) {
      longest = Math.max(longest, entry[0].length);
      if (entry[1] < this.minCount) continue;
      const key = `${entry[0][0]}:${entry[0].length}`;
      const bucket = this.buckets.get(key) ?? [];
      bucket.push(entry);
      this.buckets.set(key, bucket);
    }
    this.longest = longest;
  }

  /** Starts a new message's work budget: however many words it has, corrections stay cheap. */
  startMessage(): void {
    this.budget = MESSAGE_WORK_BUDGET;
    this.refused = false;
  }

  /**
   * True when the current message ran out of budget before a word could be tried: that word may be
   * corrected in a later message, so what was made of this one should not be kept.
   */
  refused = false;

  /** Short words are left alone: "cat" is one edit from too many words to guess. */
  static allowedEdits(word: string): number {
    if (word.length < 4 || /\d/u.test(word)) return 0;
    return word.length >= 8 ? 2 : 1;
  }

  /** The closest known word (fewest edits, then most frequent), or `undefined`. */
  correct(word: string): string | undefined {
    if (this.cache.has(word)) return this.cache.get(word);
    const max = TypoCorrector.allowedEdits(word);
    if (max === 0 || word.length > this.longest + max || !/^[a-z']+$/u.test(word)) return undefined;
    // Out of budget: no guess, and none cached, so the same word in a later message is corrected.
    if (editsOneCount(word.length) > this.budget) {
      this.refused = true;
      return undefined;
    }
    const corrected = this.find(word, max);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, corrected);
    return corrected;
  }

  private spend(amount: number): void {
    this.work += amount;
    this.budget -= amount;
  }

  private find(word: string, max: number): string | undefined {
    // One edit: look every candidate up (fast and exact, whatever the vocabulary's size).
    let best: { word: string; count: number } | undefined;
    const edits = editsOne(word);
    this.spend(edits.size);
    for (const candidate of edits) {
      const count = this.vocabulary.get(candidate) ?? 0;
      if (count >= this.minCount && (!best || count > best.count)) best = { word: candidate, count };
    }
    if (best || max < 2) return best?.word;
    // Two edits, for long words only: people rarely mistype the first letter, so scan that bucket.
    let bestDistance = max + 1;
    for (let length = word.length - max; length <= word.length + max; length++) {
      const bucket = this.buckets.get(`${word[0]}:${length}`) ?? [];
      if (bucket.length > this.budget) return undefined;
      this.spend(bucket.length);
      for (const [candidate, count] of bucket) {
        const distance = editDistance(word, candidate, max);
        if (distance > max) continue;
        if (distance < bestDistance || (distance === bestDistance && count > (best?.count ?? 0))) {
          best = { word: candidate, count };
          bestDistance = distance;
        }
      }
    }
    return best?.word;
  }
}
