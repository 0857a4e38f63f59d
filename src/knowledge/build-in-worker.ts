import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { deserializeIndex } from './index-build.js';
import type { BuildReport, BuiltKnowledge, KnowledgePaths } from './knowledge-base.js';

type WorkerReply = { id: number } & ({ ok: true; fingerprint: string; report: BuildReport } | { ok: false; error: string });

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
}

const WORKER_URL = new URL('./build-worker.mjs', import.meta.url);

const isReply = (value: unknown): value is WorkerReply =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number' && typeof (value as { ok?: unknown }).ok === 'boolean';

/**
 * Builds indexes in a worker thread: parsing, chunking, indexing and writing the index file all
 * happen there, and this thread only reads the written file back. The worker starts on the first
 * build (loading pdf.js and the rest takes a few seconds) and stays for the next ones; it is unref'd
 * while idle, so it never keeps the process alive.
 */
export class WorkerIndexBuilder {
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, Pending>();

  /** Rejects with the worker's reason when the build fails, or when the file read back is not the index just built. */
  async build(paths: KnowledgePaths): Promise<BuiltKnowledge> {
    const reply = await this.#ask(paths);
    if (!reply.ok) throw new Error(reply.error);
    const built = deserializeIndex(readFileSync(paths.indexFile, 'utf8'));
    if (built.fingerprint !== reply.fingerprint) throw new Error('the index file was replaced while it was read back');
    return { built, fingerprint: reply.fingerprint, report: reply.report };
  }

  /** Stops the worker; builds under way are rejected. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #ask(paths: KnowledgePaths): Promise<WorkerReply> {
    const worker = this.#start();
    const id = ++this.#nextId;
    worker.ref();
    return new Promise<WorkerReply>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, paths });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_URL);
    this.#worker = worker;
    worker.on('message', (message: unknown) => {
      if (!isReply(message)) return;
      this.#pending.get(message.id)?.resolve(message);
      this.#pending.delete(message.id);
      if (this.#pending.size === 0) worker.unref();
    });
    const fail = (error: Error): void => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the index build stopped (worker exit code ${code})`)));
    return worker;
  }
}
