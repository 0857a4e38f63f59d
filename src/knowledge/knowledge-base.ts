import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errorMessage } from '../core/errors.js';
import type { AnswerContext, AnswerPort, KnowledgeAnswer, Logger } from '../core/ports.js';
import { silentLogger } from '../core/ports.js';
import { AnswerMemo, ANSWERS_KEPT, ANSWERS_KEPT_PER_WORKSPACE } from './answer-memo.js';
import { loadEverydayEnglish } from './common-english.js';
import type { ConfidenceModel } from './confidence.js';
import { fittedConfidence } from './confidence-fit.js';
import type { LoadError } from './documents.js';
import { listDocumentFiles, loadDocuments } from './load-documents.js';
import { buildIndex, deserializeIndex, serializeIndex, type BuiltIndex } from './index-build.js';
import { PassageSearch } from './search.js';
import { buildSynonymTable, loadSynonyms, type SynonymTable } from './synonyms.js';
import { WordNet } from './wordnet.js';

export interface KnowledgePaths {
  /** Folder of source documents (Markdown, text, HTML, PDF, Word), searched with its sub-folders. */
  docsDir: string;
  /** Serialized index file, rebuilt when the documents change. */
  indexFile: string;
  /** Synonym groups (YAML); optional. */
  synonymsFile?: string;
}

/** What went into the index from one file. */
export interface FileReport {
  file: string;
  title: string;
  /** Pages, for PDFs. */
  pages?: number;
  passages: number;
  /** Time to read and parse the file (building the index is counted once, for all files). */
  milliseconds: number;
}

export interface BuildReport {
  documents: number;
  /** One entry per document in the index; times are 0 when the index was read back rather than built. */
  files: FileReport[];
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

/** An index with the fingerprint of the sources it was built from, and what went into it. */
export interface BuiltKnowledge {
  built: BuiltIndex;
  fingerprint: string;
  report: BuildReport;
}

const fileReports = (built: BuiltIndex, timings: ReadonlyMap<string, number>): FileReport[] => {
  const passages = new Map<string, number>();
  // Passage ids are `file#n`.
  for (const passage of built.passages) {
    const file = passage.id.slice(0, passage.id.lastIndexOf('#'));
    passages.set(file, (passages.get(file) ?? 0) + 1);
  }
  return built.documents.map(({ file, title, pages }) => ({
    file,
    title,
    ...(pages === undefined ? {} : { pages }),
    passages: passages.get(file) ?? 0,
    milliseconds: timings.get(file) ?? 0,
  }));
};

/**
 * Builds the index from the documents and writes it atomically (a temporary file renamed over the
 * old one). Throws when the folder cannot be read or the index cannot be written.
 */
export const buildKnowledge = async (paths: KnowledgePaths, now: Date = new Date()): Promise<BuiltKnowledge> => {
  const started = performance.now();
  // Taken before reading: a file changed while the build reads it makes the next check rebuild.
  const fingerprint = fingerprintSources(paths.docsDir);
  const { documents, errors, timings } = await loadDocuments(paths.docsDir);
  const built = buildIndex(documents, undefined, errors);
  mkdirSync(dirname(paths.indexFile), { recursive: true });
  const temporary = `${paths.indexFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, serializeIndex(built, fingerprint, now));
    renameSync(temporary, paths.indexFile);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return {
    built,
    fingerprint,
    report: {
      documents: documents.length,
      files: fileReports(built, new Map(timings.map((t) => [t.file, t.milliseconds]))),
      passages: built.passages.length,
      errors,
      milliseconds: performance.now() - started,
      action: 'built',
    },
  };
};

/** Reads the serialized index when it matches the sources; otherwise rebuilds it. */
export const loadOrBuildKnowledge = async (paths: KnowledgePaths): Promise<BuiltKnowledge> => {
  const started = performance.now();
  let reason = 'no index yet';
  try {
    const loaded = deserializeIndex(readFileSync(paths.indexFile, 'utf8'));
    if (loaded.fingerprint === fingerprintSources(paths.docsDir)) {
      return {
        built: loaded,
        fingerprint: loaded.fingerprint,
        report: {
          documents: loaded.documents.length,
          files: fileReports(loaded, new Map()),
          passages: loaded.passages.length,
          errors: loaded.skipped,
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
  const built = await buildKnowledge(paths);
  return { ...built, report: { ...built.report, reason } };
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

  /** Answers kept from these documents alone, and from these with each workspace's own collection. */
  private readonly answers: AnswerMemo;
  private readonly answersWith = new WeakMap<PassageSearch, AnswerMemo>();

  constructor(
    readonly built: BuiltIndex,
    private readonly synonyms: SynonymTable = buildSynonymTable([]),
    private readonly model: ConfidenceModel = fittedConfidence,
    private readonly wordnet: WordNet | undefined = sharedWordNet(),
    /** Answers kept for questions asked again; 0 answers every question afresh (as the benchmark of answering does). */
    private readonly answersKept: number = ANSWERS_KEPT,
  ) {
    this.search = new PassageSearch(built, synonyms, wordnet);
    this.answers = new AnswerMemo(answersKept);
    this.topicList = [...new Set(topicsOf(built))];
    // What reading a question needs is read now (once per process), so the first question waits for none of it.
    loadEverydayEnglish();
    wordnet?.load();
  }

  /** The synonyms this knowledge base reads questions with. */
  get synonymTable(): SynonymTable {
    return this.synonyms;
  }

  answer(question: string, context: AnswerContext = {}): KnowledgeAnswer {
    return this.answers.answer(this.search, question, this.model, context);
  }

  /** A search over another collection (a workspace's own documents) with this one's synonyms and WordNet. */
  searchOver(built: BuiltIndex): PassageSearch {
    return new PassageSearch(built, this.synonyms, this.wordnet);
  }

  /** Answers from these documents and `own` (a workspace's, from {@link searchOver}) ranked together. */
  answerWith(own: PassageSearch | undefined, question: string, context: AnswerContext = {}): KnowledgeAnswer {
    if (own === undefined) return this.answer(question, context);
    let answers = this.answersWith.get(own);
    if (answers === undefined) {
      answers = new AnswerMemo(Math.min(this.answersKept, ANSWERS_KEPT_PER_WORKSPACE));
      this.answersWith.set(own, answers);
    }
    return answers.answer([this.search, own], question, this.model, context);
  }

  topics(): string[] {
    return this.topicList;
  }
}

/** The synonym table from the paths' synonyms file, or an empty one when there is none. Throws when the file is invalid. */
export const readSynonyms = (paths: KnowledgePaths): SynonymTable =>
  paths.synonymsFile && existsSync(paths.synonymsFile) ? loadSynonyms(paths.synonymsFile) : buildSynonymTable([]);

/** Logs what went into the index: each file built (pages, passages, time) and each file skipped with its reason. */
export const logBuildReport = (report: BuildReport, logger: Logger): void => {
  for (const error of report.errors) logger.warn({ file: error.file }, `knowledge document skipped: ${error.message}`);
  if (report.action === 'built') {
    for (const file of report.files) {
      logger.debug({ file: file.file, pages: file.pages, passages: file.passages, ms: Math.round(file.milliseconds) }, 'knowledge document indexed');
    }
  }
  logger.info(
    { documents: report.documents, passages: report.passages, skipped: report.errors.length, ms: Math.round(report.milliseconds), action: report.action },
    'knowledge base ready',
  );
};

/** Opens the knowledge base: loads or rebuilds the index, reads synonyms, logs what it did. */
export const openKnowledgeBase = async (paths: KnowledgePaths, logger: Logger = silentLogger): Promise<KnowledgeBase> => {
  const { built, report } = await loadOrBuildKnowledge(paths);
  logBuildReport(report, logger);
  return new KnowledgeBase(built, readSynonyms(paths));
};
