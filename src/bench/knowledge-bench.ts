import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findGc } from './assessment-memory.js';
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

interface BuildStats {
  documents: number;
  passages: number;
  buildMs: number;
}

/** Builds and writes the index; the documents and the built index are garbage once it returns. */
const buildToFile = (documents: SourceDocument[], file: string): BuildStats => {
  const started = performance.now();
  const built = buildIndex(documents);
  writeFileSync(file, serializeIndex(built, 'bench', new Date()));
  return { documents: documents.length, passages: built.passages.length, buildMs: performance.now() - started };
};

/**
 * Build, load and query cost of one knowledge base. `prepare` makes the documents and questions,
 * so nothing but the loaded index is alive while answers are timed (as in the running bot), and
 * a large collection's build does not inflate the garbage collector's pauses during queries.
 */
export const benchKnowledge = (
  name: string,
  prepare: () => { documents: SourceDocument[]; questions: string[] },
  synonyms: SynonymTable,
): KnowledgeBenchRow => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-bench-'));
  try {
    const file = join(dir, 'index.json');
    const { stats, questions } = (() => {
      const prepared = prepare();
      return { stats: buildToFile(prepared.documents, file), questions: prepared.questions };
    })();
    const { gc } = findGc();
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      gc?.();
      const t = performance.now();
      deserializeIndex(readFileSync(file, 'utf8'));
      loads.push(performance.now() - t);
    }
    gc?.();
    // Every question answered afresh: the figures are what reading and ranking cost, not what a kept answer does.
    const kb = new KnowledgeBase(deserializeIndex(readFileSync(file, 'utf8')), synonyms, undefined, undefined, 0);
    gc?.();
    const query = timeEach(questions, (question) => kb.answer(question));
    return {
      name,
      documents: stats.documents,
      passages: stats.passages,
      buildMs: Math.round(stats.buildMs),
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
  sizes.map((size) =>
    benchKnowledge(
      `generated ${size.toLocaleString('en-GB')}`,
      () => {
        const documents = generateDocuments(real, size);
        return { documents, questions: generateQuestions(documents, questionsPerSize) };
      },
      synonyms,
    ),
  );
