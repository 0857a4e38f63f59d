import { Worker } from 'node:worker_threads';
import type { Passage } from '../knowledge/chunk.js';
import { buildPassageIndex, deserializeIndex, type BuiltIndex } from '../knowledge/index-build.js';

/** Builds a workspace's index from its stored passages. */
export type IndexBuilder = (documents: BuiltIndex['documents'], passages: Passage[]) => Promise<BuiltIndex>;

/**
 * Up to this many passages the index is built on the event loop (well under 100 ms); a larger
 * one takes seconds (about 0.7 ms a passage) and is built in a worker thread, so questions in
 * other workspaces are answered meanwhile.
 */
export const INLINE_BUILD_PASSAGES = 100;

const WORKER_URL = new URL('./index-worker.mjs', import.meta.url);

/** Builds in a worker thread; the main thread only parses the result (about 2% of the build). */
export const buildIndexOffThread: IndexBuilder = (documents, passages) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { documents, passages } });
    let settled = false;
    worker.once('message', (message: { json?: string; error?: string }) => {
      settled = true;
      void worker.terminate();
      if (message.json === undefined) reject(new Error(`building the workspace index failed: ${message.error ?? 'no index'}`));
      else {
        try {
          resolve(deserializeIndex(message.json));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the index worker stopped (exit code ${code}) before building the index`));
    });
  });

/** Small collections inline, large ones off the event loop. */
export const buildWorkspaceIndex: IndexBuilder = async (documents, passages) =>
  passages.length <= INLINE_BUILD_PASSAGES ? buildPassageIndex(documents, passages) : buildIndexOffThread(documents, passages);
