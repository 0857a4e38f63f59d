import lunr from 'lunr';
import { z } from 'zod';

/**
 * Lunr's own JSON keeps one object per posting (`{"text": {"12": {}}}`); parsing hundreds of
 * thousands of tiny objects dominates start-up for large collections. This form keeps postings as
 * arrays of passage numbers and field vectors as flat arrays, and rebuilds Lunr's structures only
 * for the terms and passages a query touches.
 */
export const compactLunrSchema = z.object({
  version: z.string(),
  fields: z.array(z.string()),
  /** Sorted, as Lunr's token set needs them. */
  terms: z.array(z.string()),
  // The two large parts are checked for shape only: validating millions of numbers one by one
  // would cost more than loading them. A file that is not of this format fails here or in
  // JSON.parse and is rebuilt.
  /** Per term: the number of passages it occurs in (any field). */
  frequencies: z.array(z.number()),
  /** Per term: [lunr's term index, refs in field 0, refs in field 1, …]. */
  postings: z.array(z.array(z.unknown())),
  /** Per field: per passage number, the flat [position, weight, …] vector, or null. */
  vectors: z.array(z.array(z.unknown())),
  /** For terms in more passages than a query can afford to score: the passages they weigh most in. */
  champions: z.array(z.tuple([z.string(), z.array(z.number())])),
});

/** Terms found in more passages than this get a champion list. */
export const CHAMPION_MIN_PASSAGES = 1_000;
/** Length of a champion list. */
export const CHAMPIONS_PER_TERM = 200;

export type CompactLunr = z.infer<typeof compactLunrSchema>;

interface LunrJson {
  version: string;
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, Record<string, unknown>]>;
}

/** The passages each very common term weighs most in (summed over fields), best first. */
const championLists = (json: LunrJson, frequent: Map<number, string>): CompactLunr['champions'] => {
  const weights = new Map<number, Map<number, number>>();
  for (const [fieldRef, elements] of json.fieldVectors) {
    const ref = Number(fieldRef.slice(fieldRef.indexOf('/') + 1));
    for (let i = 0; i < elements.length; i += 2) {
      const termIndex = elements[i] ?? -1;
      if (!frequent.has(termIndex)) continue;
      const byRef = weights.get(termIndex) ?? new Map<number, number>();
      byRef.set(ref, (byRef.get(ref) ?? 0) + (elements[i + 1] ?? 0));
      weights.set(termIndex, byRef);
    }
  }
  return [...frequent].map(([termIndex, term]) => [
    term,
    [...(weights.get(termIndex) ?? new Map<number, number>())]
      .sort((a, b) => b[1] - a[1])
      .slice(0, CHAMPIONS_PER_TERM)
      .map(([ref]) => ref),
  ]);
};

/** Converts a built index whose refs are passage numbers ("0", "1", …) to the compact form. */
export const compactLunr = (index: lunr.Index, passages: number): CompactLunr => {
  const json = index.toJSON() as unknown as LunrJson;
  const vectors = json.fields.map(() => Array.from<number[] | null>({ length: passages }).fill(null));
  for (const [fieldRef, elements] of json.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const field = json.fields.indexOf(fieldRef.slice(0, slash));
    const row = vectors[field];
    if (row) row[Number(fieldRef.slice(slash + 1))] = elements;
  }
  const terms: string[] = [];
  const postings: CompactLunr['postings'] = [];
  const frequencies: number[] = [];
  const frequent = new Map<number, string>();
  for (const [term, posting] of json.invertedIndex) {
    terms.push(term);
    const refsOf = (field: string): number[] => Object.keys((posting[field] ?? {}) as object).map(Number);
    const fieldRefs = json.fields.map(refsOf);
    postings.push([Number(posting._index), ...fieldRefs]);
    const frequency = new Set(fieldRefs.flat()).size;
    frequencies.push(frequency);
    if (frequency > CHAMPION_MIN_PASSAGES) frequent.set(Number(posting._index), term);
  }
  const champions = championLists(json, frequent);
  return { version: json.version, fields: json.fields, terms, frequencies, postings, vectors, champions };
};

const NO_METADATA = Object.freeze({});

const positionTables = new WeakMap<CompactLunr, Map<string, number>>();

/** Term -> position in `terms`, built once per loaded index and shared by its readers. */
const termPositions = (data: CompactLunr): Map<string, number> => {
  let table = positionTables.get(data);
  if (!table) {
    table = new Map(data.terms.map((term, i) => [term, i]));
    positionTables.set(data, table);
  }
  return table;
};

/**
 * A read-only map-like object whose entries are built on first read and kept. Lunr reads
 * `invertedIndex[term]` and `fieldVectors["text/12"]` and nothing else, so a Proxy serves it.
 */
const lazyRecord = <T>(has: (key: string) => boolean, build: (key: string) => T | undefined): Record<string, T> => {
  const cache = new Map<string, T | undefined>();
  const read = (key: string): T | undefined => {
    if (!cache.has(key)) cache.set(key, has(key) ? build(key) : undefined);
    return cache.get(key);
  };
  return new Proxy(Object.create(null) as Record<string, T>, {
    get: (_target, key) => (typeof key === 'string' ? read(key) : undefined),
    has: (_target, key) => typeof key === 'string' && has(key),
  });
};

/** Rebuilds a Lunr index from the compact form; postings and vectors materialise when first used. */
export const loadCompactLunr = (data: CompactLunr): lunr.Index => {
  const positions = termPositions(data);
  const invertedIndex = lazyRecord(
    (term) => positions.has(term),
    (term) => {
      const [termIndex, ...fieldRefs] = data.postings[positions.get(term) ?? -1] ?? [];
      const posting: Record<string, unknown> = { _index: termIndex };
      data.fields.forEach((field, f) => {
        const byRef: Record<string, unknown> = {};
        const refs = fieldRefs[f];
        if (Array.isArray(refs)) for (const ref of refs) byRef[String(ref)] = NO_METADATA;
        posting[field] = byRef;
      });
      return posting;
    },
  );
  const vectorOf = (fieldRef: string): unknown => {
    const slash = fieldRef.indexOf('/');
    const field = data.fields.indexOf(fieldRef.slice(0, slash));
    return data.vectors[field]?.[Number(fieldRef.slice(slash + 1))];
  };
  const fieldVectors = lazyRecord(
    (fieldRef) => Array.isArray(vectorOf(fieldRef)),
    (fieldRef) => new lunr.Vector(vectorOf(fieldRef) as number[]),
  );
  return new lunr.Index({
    invertedIndex,
    fieldVectors,
    // @types/lunr declares fromArray on instances; Lunr defines it on the class.
    tokenSet: (lunr.TokenSet as unknown as { fromArray(terms: string[]): lunr.TokenSet }).fromArray(data.terms),
    fields: data.fields,
    pipeline: new lunr.Pipeline(),
  } as unknown as ConstructorParameters<typeof lunr.Index>[0]);
};

/** Document frequency of a term, as counted when the index was built. */
export const compactFrequency = (data: CompactLunr) => {
  const positions = termPositions(data);
  return (term: string): number => data.frequencies[positions.get(term) ?? -1] ?? 0;
};

/** Champion list of a very common term, or `undefined` for a term rare enough to query. */
export const compactChampions = (data: CompactLunr) => {
  const lists = new Map(data.champions);
  return (term: string): readonly number[] | undefined => lists.get(term);
};

/** The stems a passage contains (any field), read from its field vectors without re-tokenizing. */
export const compactPassageTerms = (data: CompactLunr) => {
  let termAt: string[] | undefined;
  const termsByIndex = (): string[] => {
    if (termAt) return termAt;
    const table: string[] = [];
    data.postings.forEach((posting, i) => {
      const termIndex = posting[0];
      if (typeof termIndex === 'number') table[termIndex] = data.terms[i] ?? '';
    });
    termAt = table;
    return table;
  };
  return (ref: number): Set<string> => {
    const table = termsByIndex();
    const terms = new Set<string>();
    for (const field of data.vectors) {
      const vector = field[ref];
      if (!Array.isArray(vector)) continue;
      for (let i = 0; i < vector.length; i += 2) {
        const term = table[vector[i] as number];
        if (term !== undefined) terms.add(term);
      }
    }
    return terms;
  };
};

/** One term of a query and its boost, as `query.term(term, { usePipeline: false, boost })` takes them. */
export interface ScoreClause {
  term: string;
  boost: number;
}

/** Weight of `termIndex` in a flat [position, weight, …] vector sorted by position; 0 when absent. */
const weightIn = (vector: readonly number[], termIndex: number): number => {
  let low = 0;
  let high = vector.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const position = vector[middle * 2] ?? -1;
    if (position === termIndex) return vector[middle * 2 + 1] ?? 0;
    if (position < termIndex) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
};

/** Term weight lists kept between questions; bounded, since a large collection has many terms. */
const WEIGHT_LISTS = 20_000;

/**
 * Lunr's scoring of exact terms, computed straight from the compact form. Lunr scores a passage by
 * the dot product of the query vector (summed boosts per term) with each field's vector, over the
 * query vector's length, summed over fields; that is, per term, its boost times its weight summed
 * over the passage's fields. Those summed weights are listed once per term (on first use), so a
 * question costs one pass over its terms' postings: the same figures as `index.query` for such
 * clauses, without token sets, match data or field-ref strings on every question.
 */
export const compactScorer = (data: CompactLunr) => {
  const positions = termPositions(data);
  const lists = new Map<number, { refs: Int32Array; weights: Float64Array }>();
  const listOf = (position: number): { refs: Int32Array; weights: Float64Array } | undefined => {
    const cached = lists.get(position);
    if (cached) return cached;
    const posting = data.postings[position];
    const termIndex = posting?.[0];
    if (!posting || typeof termIndex !== 'number') return undefined;
    const summed = new Map<number, number>();
    data.fields.forEach((_field, f) => {
      const refs = posting[f + 1];
      if (!Array.isArray(refs)) return;
      for (const ref of refs as number[]) {
        const vector = data.vectors[f]?.[ref];
        if (Array.isArray(vector)) summed.set(ref, (summed.get(ref) ?? 0) + weightIn(vector as number[], termIndex));
      }
    });
    const list = { refs: Int32Array.from(summed.keys()), weights: Float64Array.from(summed.values()) };
    if (lists.size >= WEIGHT_LISTS) lists.delete(lists.keys().next().value as number);
    lists.set(position, list);
    return list;
  };
  // Scores are summed in arrays indexed by passage, kept between questions and cleared after each:
  // no map entry per scored passage, and only the passages returned become objects.
  const passages = Math.max(0, ...data.vectors.map((field) => field.length));
  const sums = new Float64Array(passages);
  const scored = new Uint8Array(passages);
  const touched = new Int32Array(passages);
  return (clauses: readonly ScoreClause[], limit = Infinity): Array<{ ref: number; score: number }> => {
    const query = new Map<number, number>();
    for (const { term, boost } of clauses) {
      const position = positions.get(term);
      if (position !== undefined) query.set(position, (query.get(position) ?? 0) + boost);
    }
    let squares = 0;
    for (const boost of query.values()) squares += boost * boost;
    if (squares === 0) return [];
    const magnitude = Math.sqrt(squares);
    let count = 0;
    for (const [position, boost] of query) {
      const list = listOf(position);
      if (!list) continue;
      for (let i = 0; i < list.refs.length; i++) {
        const ref = list.refs[i] ?? 0;
        if (scored[ref] === 0) {
          scored[ref] = 1;
          touched[count++] = ref;
        }
        sums[ref] = (sums[ref] ?? 0) + (boost * (list.weights[i] ?? 0)) / magnitude;
      }
    }
    const refs = touched.slice(0, count).sort((a, b) => (sums[b] ?? 0) - (sums[a] ?? 0) || a - b);
    const results: Array<{ ref: number; score: number }> = [];
    for (let i = 0; i < Math.min(count, limit); i++) {
      const ref = refs[i] ?? 0;
      results.push({ ref, score: sums[ref] ?? 0 });
    }
    for (let i = 0; i < count; i++) {
      const ref = touched[i] ?? 0;
      sums[ref] = 0;
      scored[ref] = 0;
    }
    return results;
  };
};
