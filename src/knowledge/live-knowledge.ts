import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { ReloadWaiters, watchFolder, type FolderWatch } from '../folder-watch.js';
import type { AnswerContext, AnswerPort, KnowledgeAnswer, Logger } from '../core/ports.js';
import { silentLogger } from '../core/ports.js';
import type { BuiltIndex } from './index-build.js';
import type { PassageSearch } from './search.js';
import { WorkerIndexBuilder } from './build-in-worker.js';
import {
  fingerprintSources,
  KnowledgeBase,
  loadOrBuildKnowledge,
  logBuildReport,
  readSynonyms,
  type BuildReport,
  type BuiltKnowledge,
  type KnowledgePaths,
} from './knowledge-base.js';
import { NON_DOCUMENT_FOLDERS } from './load-documents.js';
import type { SynonymTable } from './synonyms.js';

/** What a reload did: nothing (sources unchanged), replaced the index, or failed and kept the old one. */
export type ReloadOutcome =
  | { action: 'unchanged' }
  | { action: 'replaced'; report: BuildReport }
  | { action: 'failed'; reason: string };

export interface LiveKnowledgeOptions {
  logger?: Logger;
  /** Quiet time after the last change before rebuilding: a file copied in several writes is read once. */
  debounceMs?: number;
  /** How a rebuild is made; by default in a worker thread (see WorkerIndexBuilder), off the event loop. */
  build?: (paths: KnowledgePaths) => Promise<BuiltKnowledge>;
}

/** Size and modification time of the synonyms file ('' when there is none): a change means a reload. */
const stampOf = (file: string | undefined): string => {
  if (file === undefined) return '';
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return '';
  }
};

/** Half a second: enough to let a copy or a save finish, short enough to feel immediate. */
export const DEFAULT_RELOAD_DEBOUNCE_MS = 500;

/**
 * The knowledge base that follows its folder. Questions are answered from one immutable index at a
 * time; a rebuild works on a new one beside it and swaps it in with a single assignment, so no
 * answer ever sees half an index. A rebuild that fails keeps the old index and logs why.
 */
export class LiveKnowledgeBase implements AnswerPort {
  private current: KnowledgeBase;
  private currentReport: BuildReport;
  private fingerprint: string;
  private synonymsStamp: string;
  private running: Promise<ReloadOutcome> | undefined;
  private queued: Promise<ReloadOutcome> | undefined;
  private watcher: FolderWatch | undefined;
  private closed = false;
  private readonly waiters = new ReloadWaiters<ReloadOutcome>();
  private readonly logger: Logger;
  private readonly debounceMs: number;
  private readonly build: (paths: KnowledgePaths) => Promise<BuiltKnowledge>;
  private closeBuilder: () => Promise<void> = () => Promise.resolve();

  private constructor(
    private readonly paths: KnowledgePaths,
    initial: KnowledgeBase,
    report: BuildReport,
    fingerprint: string,
    options: LiveKnowledgeOptions,
  ) {
    this.current = initial;
    this.currentReport = report;
    this.fingerprint = fingerprint;
    this.synonymsStamp = stampOf(paths.synonymsFile);
    this.logger = options.logger ?? silentLogger;
    this.debounceMs = options.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS;
    if (options.build) {
      this.build = options.build;
    } else {
      const builder = new WorkerIndexBuilder();
      this.build = (paths) => builder.build(paths);
      this.closeBuilder = () => builder.close();
    }
  }

  /** Loads the stored index, or builds it when the documents changed, and logs what went in. */
  static async open(paths: KnowledgePaths, options: LiveKnowledgeOptions = {}): Promise<LiveKnowledgeBase> {
    const { built, fingerprint, report } = await loadOrBuildKnowledge(paths);
    logBuildReport(report, options.logger ?? silentLogger);
    return new LiveKnowledgeBase(paths, new KnowledgeBase(built, readSynonyms(paths)), report, fingerprint, options);
  }

  /** The index questions are answered from now. */
  get built(): BuiltIndex {
    return this.current.built;
  }

  /** What went into the index in use: files, pages, passages, and the files skipped with their reasons. */
  get report(): BuildReport {
    return this.currentReport;
  }

  answer(question: string, context: AnswerContext = {}): KnowledgeAnswer {
    return this.current.answer(question, context);
  }

  topics(): string[] {
    return this.current.topics();
  }

  /** A search over another index (a workspace's own documents) with the same synonyms and weights. */
  searchOver(built: BuiltIndex): PassageSearch {
    return this.current.searchOver(built);
  }

  /** Answers from the index in use and, when given, another search ranked together with it. */
  answerWith(own: PassageSearch | undefined, question: string, context: AnswerContext = {}): KnowledgeAnswer {
    return this.current.answerWith(own, question, context);
  }

  /**
   * Rebuilds the index if the documents changed since the current one was built. One rebuild runs
   * at a time; calls during it share a single follow-up rebuild, which sees every change.
   */
  reload(): Promise<ReloadOutcome> {
    if (this.closed) return Promise.resolve({ action: 'unchanged' });
    if (this.queued) return this.queued;
    if (this.running) {
      this.queued = this.running.then(() => {
        this.queued = undefined;
        return this.reload();
      });
      return this.queued;
    }
    this.running = this.rebuild().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves with the outcome of the next rebuild that finishes (for tests and tools). */
  nextReload(): Promise<ReloadOutcome> {
    return this.waiters.next();
  }

  /**
   * Watches the folder: a document added, changed or removed (hidden entries and the frameworks
   * folder aside) starts a rebuild once the folder has been quiet for the debounce time. With
   * `poll`, the folder is looked at every two seconds instead of waiting for change events, for
   * network file systems that send none. Resolves once the watcher is ready.
   */
  async watch(options: { poll?: boolean } = {}): Promise<void> {
    if (this.watcher || this.closed) return;
    const root = this.paths.docsDir;
    const ignored = (path: string): boolean => {
      const parts = relative(root, path).split(sep);
      return parts.some((part) => part.startsWith('.')) || (parts.length > 1 && NON_DOCUMENT_FOLDERS.has(parts[0] ?? ''));
    };
    const watchOptions = { ignored, poll: options.poll === true, debounceMs: this.debounceMs, logger: this.logger, name: 'knowledge folder' };
    const watcher = await watchFolder(root, watchOptions, () => void this.reload());
    // Closed while the watcher got ready: it must not outlive the knowledge base.
    if (this.closed) await watcher.close();
    else this.watcher = watcher;
  }

  /**
   * The synonyms file when it changed, read, or why it cannot be used; `undefined` when it did not
   * change. An invalid file is logged, naming the line at fault, and the synonyms in use stay.
   */
  private readSynonyms(stamp: string): SynonymTable | Error | undefined {
    if (stamp === this.synonymsStamp) return undefined;
    try {
      return readSynonyms(this.paths);
    } catch (error) {
      this.logger.error({ err: errorMessage(error) }, 'synonyms file not reloaded: answering with the synonyms read before');
      return new Error(errorMessage(error));
    }
  }

  /** Stops watching; a rebuild under way finishes, and none starts after it. */
  async close(): Promise<void> {
    this.closed = true;
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.close();
    await (this.queued ?? this.running)?.catch(() => undefined);
    await this.closeBuilder();
  }

  private async rebuild(): Promise<ReloadOutcome> {
    let outcome: ReloadOutcome;
    try {
      const sourcesChanged = fingerprintSources(this.paths.docsDir) !== this.fingerprint;
      const synonymsStamp = stampOf(this.paths.synonymsFile);
      if (!sourcesChanged && synonymsStamp === this.synonymsStamp) {
        outcome = { action: 'unchanged' };
      } else {
        const started = performance.now();
        const read = this.readSynonyms(synonymsStamp);
        const synonyms = read instanceof Error ? undefined : read;
        const rebuilt = sourcesChanged ? await this.build(this.paths) : undefined;
        if (!rebuilt && !synonyms) return this.settle({ action: 'failed', reason: read instanceof Error ? read.message : 'nothing to reload' });
        const next = new KnowledgeBase(rebuilt?.built ?? this.current.built, synonyms ?? this.current.synonymTable);
        // The swap: every question from here on is answered from the new index, none from a mix.
        this.current = next;
        if (rebuilt) {
          this.currentReport = rebuilt.report;
          this.fingerprint = rebuilt.fingerprint;
          logBuildReport(rebuilt.report, this.logger);
          this.logger.info({ documents: rebuilt.report.documents, passages: rebuilt.report.passages, ms: Math.round(performance.now() - started) }, 'knowledge base reloaded');
        }
        if (synonyms) {
          this.synonymsStamp = synonymsStamp;
          this.logger.info({ file: this.paths.synonymsFile }, 'synonyms reloaded');
        }
        outcome = { action: 'replaced', report: this.currentReport };
      }
    } catch (error) {
      const reason = errorMessage(error);
      this.logger.error({ err: reason, folder: this.paths.docsDir }, 'knowledge rebuild failed: answering from the previous index');
      outcome = { action: 'failed', reason };
    }
    return this.settle(outcome);
  }

  /** Tells whoever waits for the next reload how it went. */
  private settle(outcome: ReloadOutcome): ReloadOutcome {
    this.waiters.settle(outcome);
    return outcome;
  }
}
