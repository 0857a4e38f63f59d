import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEvalQuestions } from './eval-questions.js';
import { generateDocuments, generateQuestions } from './generated-knowledge.js';
import { summarize, timeEach, type Timing } from './stats.js';
import type { SourceDocument } from '../knowledge/documents.js';
import { buildIndex, deserializeIndex, serializeIndex } from '../knowledge/index-build.js';
import { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SynonymTable } from '../knowledge/synonyms.js';

export interface KnowledgeBenchRow {
  name: string;
  documents: number;
  passages: number;
  buildMs: number;
  indexBytes: number;
  /** Median of several loads of the serialized index (read, parse, validate, Lunr load). */
  loadMs: number;
  query: Timing;
}

const median = (values: number[]): number => summarize(values).medianMs;

/** Build, load and query cost of one knowledge base. */
export const benchKnowledge = (
  name: string,
  documents: SourceDocument[],
  synonyms: SynonymTable,
  questions: string[],
): KnowledgeBenchRow => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-bench-'));
  try {
    const started = performance.now();
    const built = buildIndex(documents);
    const file = join(dir, 'index.json');
    writeFileSync(file, serializeIndex(built, 'bench', new Date()));
    const buildMs = performance.now() - started;
    const loads: number[] = [];
    let loaded = deserializeIndex(readFileSync(file, 'utf8'));
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      loaded = deserializeIndex(readFileSync(file, 'utf8'));
      loads.push(performance.now() - t);
    }
    const kb = new KnowledgeBase(loaded, synonyms);
    const query = timeEach(questions, (question) => kb.answer(question));
    return {
      name,
      documents: documents.length,
      passages: built.passages.length,
      buildMs: Math.round(buildMs),
      indexBytes: statSync(file).size,
      loadMs: Math.round(median(loads) * 10) / 10,
      query,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Questions for the real knowledge base: the evaluation set plus samples of its own passages. */
export const realQuestions = (documents: SourceDocument[], count: number): string[] => {
  const evalQuestions = loadEvalQuestions();
  return [...evalQuestions, ...generateQuestions(documents, Math.max(0, count - evalQuestions.length))];
};

export const syntheticRows = (
  real: SourceDocument[],
  synonyms: SynonymTable,
  sizes: number[],
  questionsPerSize: number,
): KnowledgeBenchRow[] =>
  sizes.map((size) => {
    const documents = generateDocuments(real, size);
    return benchKnowledge(`generated ${size.toLocaleString('en-GB')}`, documents, synonyms, generateQuestions(documents, questionsPerSize));
  });
