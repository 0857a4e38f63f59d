import lunr from 'lunr';
import { z } from 'zod';
import { chunkDocument, passageSchema, type ChunkOptions, type Passage } from './chunk.js';
import type { LoadError, SourceDocument } from './documents.js';
import { documentKinds } from './front-matter.js';
import {
  compactChampions,
  compactFrequency,
  compactScorer,
  compactLunr,
  compactLunrSchema,
  compactPassageTerms,
  loadCompactLunr,
  type CompactLunr,
  type ScoreClause,
} from './lunr-compact.js';
import { collectionNames } from './names.js';
import { STEM_FAMILIES_DIGEST } from './stem-families.js';
import { stem, words } from './text.js';

/** Bumped whenever the serialized shape or the way text is indexed changes; older files are rebuilt. */
export const INDEX_FORMAT = 18;

/** Field boosts: a word in a heading says more about a passage than the same word in its text. */
export const FIELD_BOOSTS = { heading: 3, title: 1.5, text: 1 } as const;

export const serializedIndexSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  /** The word families stemmed apart when it was built (see `familyStem`). */
  stemming: z.literal(STEM_FAMILIES_DIGEST),
  builtAt: z.string(),
  /** Fingerprint of the source files the index was built from (name, size, mtime). */
  fingerprint: z.string(),
  documents: z.array(
    z.object({ file: z.string(), title: z.string(), source: z.string(), kind: z.enum(documentKinds), pages: z.number().int().positive().optional() }),
  ),
  /** Files left out of the index and why, reported again when the index is read back. */
  skipped: z.array(z.object({ file: z.string(), message: z.string() })),
  passages: z.array(passageSchema),
  /** Surface words with their counts, for correcting typos in questions. */
  vocabulary: z.array(z.unknown()),
  /** Words the documents write as names (see `collectionNames`). */
  names: z.array(z.string()),
  lunr: compactLunrSchema,
});

export type SerializedIndex = z.infer<typeof serializedIndexSchema>;

export interface BuiltIndex {
  documents: Array<Pick<SourceDocument, 'file' | 'title' | 'source' | 'kind' | 'pages'>>;
  /** Files left out of the index and why. */
  skipped: LoadError[];
  passages: Passage[];
  vocabulary: Map<string, number>;
  /** Folded words the documents write as names, so a question may write them in lower case. */
  names: Set<string>;
  index: lunr.Index;
  /** The index in its serialized form. */
  compact: CompactLunr;
  /** Number of passages a stemmed term occurs in (any field); 0 for unknown terms. */
  frequency(term: string): number;
  /** For a term too common to query: the passages it weighs most in; otherwise `undefined`. */
  champions(term: string): readonly number[] | undefined;
  /** The stems passage number `ref` contains, in any field. */
  termsOf(ref: number): Set<string>;
  /** Lunr's scores for exact, boosted terms, best first, the first `limit` (default all; see `compactScorer`). */
  score(clauses: readonly ScoreClause[], limit?: number): Array<{ ref: number; score: number }>;
}

/**
 * Text as the index sees it: the same words a question is cut into (see `words`), so a passage
 * and a question meet on identical terms; Lunr then drops stop words and stems.
 */
const indexText = (text: string): string => words(text).join(' ');

/**
 * The index stems with the same function as questions (see `stem`): Lunr's stemmer, except for the
 * words it would merge with unrelated ones. Registered so that the built index can name it.
 */
const indexStemmer: lunr.PipelineFunction = (token) => token.update(() => stem(token.toString()));
lunr.Pipeline.registerFunction(indexStemmer, 'learningCityStemmer');

/** Builds passages, the Lunr index (stemmed, stop words removed, field boosts) and the vocabulary. */
export const buildIndex = (documents: SourceDocument[], chunkOptions?: ChunkOptions, skipped: LoadError[] = []): BuiltIndex =>
  buildPassageIndex(
    documents.map(({ file, title, source, kind, pages }) => ({ file, title, source, kind, ...(pages === undefined ? {} : { pages }) })),
    documents.flatMap((document) => chunkDocument(document, chunkOptions)),
    skipped,
  );

/** The same index over passages already cut (a workspace's stored documents). */
export const buildPassageIndex = (documents: BuiltIndex['documents'], passages: Passage[], skipped: LoadError[] = []): BuiltIndex => {
  const vocabulary = new Map<string, number>();
  const index = lunr(function build() {
    this.ref('id');
    this.pipeline.after(lunr.stemmer, indexStemmer);
    this.pipeline.remove(lunr.stemmer);
    this.field('heading', { boost: FIELD_BOOSTS.heading });
    this.field('title', { boost: FIELD_BOOSTS.title });
    this.field('text', { boost: FIELD_BOOSTS.text });
    // Refs are positions in `passages`: short refs keep the serialized index small and quick to parse.
    for (const [position, passage] of passages.entries()) {
      this.add({
        id: String(position),
        heading: indexText(passage.heading),
        title: indexText(passage.title),
        text: indexText(passage.text),
      });
      for (const word of words(`${passage.heading} ${passage.text}`)) {
        vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
      }
    }
  });
  const compact = compactLunr(index, passages.length);
  return {
    documents,
    skipped,
    passages,
    vocabulary,
    names: collectionNames(passages.map((passage) => passage.text)),
    index,
    compact,
    frequency: compactFrequency(compact),
    champions: compactChampions(compact),
    termsOf: compactPassageTerms(compact),
    score: compactScorer(compact),
  };
};

export const serializeIndex = (built: BuiltIndex, fingerprint: string, builtAt: Date): string =>
  JSON.stringify({
    format: INDEX_FORMAT,
    stemming: STEM_FAMILIES_DIGEST,
    builtAt: builtAt.toISOString(),
    fingerprint,
    documents: built.documents,
    skipped: built.skipped,
    passages: built.passages,
    vocabulary: [...built.vocabulary],
    names: [...built.names],
    lunr: built.compact,
  } satisfies SerializedIndex);

/** Word counts from the serialized pairs; entries of another shape are dropped. */
const vocabularyOf = (pairs: unknown[]): Map<string, number> => {
  const vocabulary = new Map<string, number>();
  for (const pair of pairs) {
    if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'number') vocabulary.set(pair[0], pair[1]);
  }
  return vocabulary;
};

/** Parses a serialized index; throws when it is not one of this format (the caller rebuilds). */
export const deserializeIndex = (json: string): BuiltIndex & { fingerprint: string } => {
  const data = serializedIndexSchema.parse(JSON.parse(json));
  return {
    documents: data.documents.map(({ pages, ...document }) => (pages === undefined ? document : { ...document, pages })),
    skipped: data.skipped,
    passages: data.passages.map(({ page, ...passage }) => (page === undefined ? passage : { ...passage, page })),
    vocabulary: vocabularyOf(data.vocabulary),
    names: new Set(data.names),
    index: loadCompactLunr(data.lunr),
    compact: data.lunr,
    frequency: compactFrequency(data.lunr),
    champions: compactChampions(data.lunr),
    termsOf: compactPassageTerms(data.lunr),
    score: compactScorer(data.lunr),
    fingerprint: data.fingerprint,
  };
};
