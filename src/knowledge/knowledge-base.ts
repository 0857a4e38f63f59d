import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errorMessage } from '../core/errors.js';
import type { AnswerContext, AnswerPort, KnowledgeAnswer, Logger } from '../core/ports.js';
import { silentLogger } from '../core/ports.js';
import { answerQuestion } from './answer.js';
import type { ConfidenceModel } from './confidence.js';
import { fittedConfidence } from './confidence-fit.js';
import { listDocumentFiles, loadDocuments, type LoadError } from './documents.js';
import { buildIndex, deserializeIndex, serializeIndex, type BuiltIndex } from './index-build.js';
import { PassageSearch } from './search.js';
import { buildSynonymTable, loadSynonyms, type SynonymTable } from './synonyms.js';
import { WordNet } from './wordnet.js';

export interface KnowledgePaths {
  /** Folder of source documents (Markdown, text, HTML), searched with its sub-folders. */
  docsDir: string;
  /** Serialized index file, rebuilt when the documents change. */
  indexFile: string;
  /** Synonym groups (YAML); optional. */
  synonymsFile?: string;
}

export interface BuildReport {
  documents: number;
  passages: number;
  errors: LoadError[];
  milliseconds: number;
  /** `built` when the index was (re)built, `loaded` when an up-to-date one was read. */
  action: 'built' | 'loaded';
  reason?: string;
}

/** Names, sizes and modification times of the sources; a change in one of them means a rebuild. */
export const fingerprintSources = (docsDir: string): string => {
  const hash = createHash('sha256');
  for (const file of listDocumentFiles(docsDir)) {
    const stats = statSync(join(docsDir, file));
    hash.update(`${file}\u0000${stats.size}\u0000${stats.mtimeMs}\n`);
  }
  return hash.digest('hex');
};

/** Builds the index from the documents and writes it atomically. */
export const buildKnowledge = (paths: KnowledgePaths, now: Date = new Date()): { built: BuiltIndex; report: BuildReport } => {
  const started = performance.now();
  const { documents, errors } = loadDocuments(paths.docsDir);
  const built = buildIndex(documents);
  mkdirSync(dirname(paths.indexFile), { recursive: true });
  const temporary = `${paths.indexFile}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeIndex(built, fingerprintSources(paths.docsDir), now));
  renameSync(temporary, paths.indexFile);
  return {
    built,
    report: {
      documents: documents.length,
      passages: built.passages.length,
      errors,
      milliseconds: performance.now() - started,
      action: 'built',
    },
  };
};

/** Reads the serialized index when it matches the sources; otherwise rebuilds it. */
export const loadOrBuildKnowledge = (paths: KnowledgePaths): { built: BuiltIndex; report: BuildReport } => {
  const started = performance.now();
  let reason = 'no index yet';
  try {
    const loaded = deserializeIndex(readFileSync(paths.indexFile, 'utf8'));
    if (loaded.fingerprint === fingerprintSources(paths.docsDir)) {
      return {
        built: loaded,
        report: {
          documents: loaded.documents.length,
          passages: loaded.passages.length,
          errors: [],
          milliseconds: performance.now() - started,
          action: 'loaded',
        },
      };
    }
    reason = 'documents changed';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    reason = code === 'ENOENT' ? 'no index yet' : `index unreadable (${errorMessage(error).slice(0, 120)})`;
  }
  const { built, report } = buildKnowledge(paths);
  return { built, report: { ...report, reason } };
};

/** Short topic names for "I can help with…": document titles up to their first colon or dash. */
const topicsOf = (built: BuiltIndex): string[] =>
  built.documents.map((document) => document.title.split(/:| - /u)[0]?.trim() ?? document.title).filter((t) => t !== '');

let wordnet: WordNet | undefined;
/** One WordNet reader per process: its files are opened on first use and shared by every knowledge base. */
const sharedWordNet = (): WordNet => (wordnet ??= new WordNet());

/** The knowledge base as the bot uses it: answers questions from the indexed documents. */
export class KnowledgeBase implements AnswerPort {
  private readonly search: PassageSearch;
  private readonly topicList: string[];

  constructor(
    readonly built: BuiltIndex,
    synonyms: SynonymTable = buildSynonymTable([]),
    private readonly model: ConfidenceModel = fittedConfidence,
    wordnet: WordNet | undefined = sharedWordNet(),
  ) {
    this.search = new PassageSearch(built, synonyms, wordnet);
    this.topicList = [...new Set(topicsOf(built))];
  }

  answer(question: string, context: AnswerContext = {}): KnowledgeAnswer {
    return answerQuestion(this.search, question, this.model, context.previous);
  }

  topics(): string[] {
    return this.topicList;
  }
}

/** Opens the knowledge base: loads or rebuilds the index, reads synonyms, logs what it did. */
export const openKnowledgeBase = (paths: KnowledgePaths, logger: Logger = silentLogger): KnowledgeBase => {
  const { built, report } = loadOrBuildKnowledge(paths);
  for (const error of report.errors) logger.warn({ file: error.file }, `knowledge document skipped: ${error.message}`);
  logger.info(
    { documents: report.documents, passages: report.passages, ms: Math.round(report.milliseconds), action: report.action },
    'knowledge base ready',
  );
  const synonyms = paths.synonymsFile ? loadSynonyms(paths.synonymsFile) : buildSynonymTable([]);
  return new KnowledgeBase(built, synonyms);
};
