/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early
 * once it exceeds `max`.
 */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? max + 1;
};

/** Finds the likeliest intended word for a misspelt one, from the words the documents use. */
export class TypoCorrector {
  private readonly byLength = new Map<number, Array<[string, number]>>();

  constructor(vocabulary: Map<string, number>) {
    for (const entry of vocabulary) {
      const bucket = this.byLength.get(entry[0].length) ?? [];
      bucket.push(entry);
      this.byLength.set(entry[0].length, bucket);
    }
  }

  /** Short words are left alone: "cat" is one edit from too many words to guess. */
  static allowedEdits(word: string): number {
    if (word.length < 4 || /\d/u.test(word)) return 0;
    return word.length >= 8 ? 2 : 1;
  }

  /** The closest known word (fewest edits, then most frequent), or `undefined`. */
  correct(word: string): string | undefined {
    const max = TypoCorrector.allowedEdits(word);
    if (max === 0) return undefined;
    let best: { word: string; distance: number; count: number } | undefined;
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const [candidate, count] of this.byLength.get(length) ?? []) {
        if (candidate[0] !== word[0] && max < 2) continue;
        const distance = editDistance(word, candidate, max);
        if (distance > max || distance === 0) continue;
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
          best = { word: candidate, distance, count };
        }
      }
    }
    return best?.word;
  }
}
