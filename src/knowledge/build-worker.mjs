// Worker thread body for WorkerIndexBuilder: parses the documents and writes the index file off the
// main thread, so a long PDF never holds up the questions being answered meanwhile. Plain
// JavaScript, loading the TypeScript through tsx's API (as the chart worker does), so it starts the
// same under tsx, vitest and plain node. One build at a time, in the order asked.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { buildKnowledge } = await tsImport('./knowledge-base.ts', import.meta.url);

let queue = Promise.resolve();
parentPort.on('message', ({ id, paths }) => {
  queue = queue.then(async () => {
    try {
      const { fingerprint, report } = await buildKnowledge(paths);
      parentPort.postMessage({ id, ok: true, fingerprint, report });
    } catch (error) {
      parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
