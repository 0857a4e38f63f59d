// Worker thread body for buildIndexOffThread: builds a workspace's Lunr index away from the event
// loop and hands it back serialized. Plain JavaScript loading the TypeScript through tsx's API, as
// the chart workers do, so it starts the same under tsx, vitest and plain node.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { buildPassageIndex, serializeIndex } = await tsImport('../knowledge/index-build.ts', import.meta.url);

try {
  const built = buildPassageIndex(workerData.documents, workerData.passages);
  parentPort.postMessage({ json: serializeIndex(built, 'workspace', new Date()) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
