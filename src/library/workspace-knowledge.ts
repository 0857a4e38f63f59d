import { errorMessage } from '../core/errors.js';
import { silentLogger, type AnswerContext, type AnswerPort, type KnowledgeAnswer, type Logger } from '../core/ports.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** What the workspace indexes need of the shared knowledge base (the one in use, if it reloads). */
export type SharedKnowledge = Pick<KnowledgeBase, 'answerWith' | 'searchOver' | 'topics'>;
import type { PassageSearch } from '../knowledge/search.js';
import type { DocumentStore, StoredDocument } from './document-store.js';
import { buildWorkspaceIndex, type IndexBuilder } from './index-builder.js';

/** One workspace's index as built from the store at `version`; no search when it has no documents. */
interface Entry {
  version: string;
  search: PassageSearch | undefined;
  passages: number;
}

/** Workspaces whose indexes each instance keeps; the least recently asked is dropped first. */
export const DEFAULT_CACHED_WORKSPACES = 32;

/**
 * Answers from the shared documents and, for a workspace that added its own, from those too,
 * ranked together. Each instance builds a workspace's index from the stored passages the first
 * time it is asked there, keeps it (for a bounded number of workspaces), and before each answer
 * reads the workspace's version from the store, so an add or removal on any instance is seen by
 * the next question everywhere.
 */
export class WorkspaceKnowledge implements AnswerPort {
  readonly #entries = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<void>>();

  constructor(
    private readonly shared: SharedKnowledge,
    private readonly store: DocumentStore,
    private readonly options: { logger?: Logger; maxWorkspaces?: number; build?: IndexBuilder } = {},
  ) {}

  answer(question: string, context: AnswerContext = {}): KnowledgeAnswer {
    const entry = context.workspace === undefined ? undefined : this.#touch(context.workspace);
    return this.shared.answerWith(entry?.search, question, context);
  }

  topics(): string[] {
    return this.shared.topics();
  }

  async prepare(workspace: string): Promise<void> {
    const logger = this.options.logger ?? silentLogger;
    try {
      const version = await this.store.version(workspace);
      if (this.#entries.get(workspace)?.version === version) return;
      const key = `${workspace}\u0000${version}`;
      // Questions arriving together while the index is built wait for the one build.
      let loading = this.#loading.get(key);
      if (loading === undefined) {
        loading = this.#load(workspace, version).finally(() => this.#loading.delete(key));
        this.#loading.set(key, loading);
      }
      await loading;
    } catch (error) {
      // The shared documents still answer; the workspace's own come back with the database.
      logger.warn({ workspace, err: errorMessage(error) }, 'workspace documents not read; answering from what is at hand');
    }
  }

  /** Passages in the index this instance holds for `workspace`; 0 when it holds none. */
  cachedPassages(workspace: string): number {
    return this.#entries.get(workspace)?.passages ?? 0;
  }

  async #load(workspace: string, version: string): Promise<void> {
    const documents = await this.store.withPassages(workspace);
    const build = this.options.build ?? buildWorkspaceIndex;
    const search = documents.length === 0 ? undefined : this.shared.searchOver(await indexOf(documents, build));
    const passages = documents.reduce((sum, document) => sum + document.passages.length, 0);
    this.#entries.delete(workspace);
    this.#entries.set(workspace, { version, search, passages });
    const limit = this.options.maxWorkspaces ?? DEFAULT_CACHED_WORKSPACES;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= limit) break;
      this.#entries.delete(oldest);
    }
    (this.options.logger ?? silentLogger).info(
      { workspace, documents: documents.length, passages },
      'workspace documents indexed',
    );
  }

  /** The workspace's entry, marked as the most recently used. */
  #touch(workspace: string): Entry | undefined {
    const entry = this.#entries.get(workspace);
    if (entry === undefined) return undefined;
    this.#entries.delete(workspace);
    this.#entries.set(workspace, entry);
    return entry;
  }
}

/** The Lunr index over a workspace's stored passages. */
const indexOf = (documents: StoredDocument[], build: IndexBuilder) =>
  build(
    documents.map((document) => ({ file: document.name, title: document.title, source: document.name, kind: 'report' as const })),
    documents.flatMap((document) => document.passages),
  );
