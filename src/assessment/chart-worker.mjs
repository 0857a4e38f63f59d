// Worker thread body for ChartWorkerPool: draws chart PNGs with `renderChartPng` off the main thread.
// Plain JavaScript, loading the TypeScript renderer through tsx's API, so it starts the same whether
// the app runs under tsx (`npm start`), under vitest (whose module loader workers do not inherit), or
// under plain node.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { renderChartPng } = await tsImport('./chart.ts', import.meta.url);

parentPort.on('message', ({ id, input }) => {
  try {
    const png = renderChartPng(input);
    // Transferred, not copied: the PNG's memory moves to the main thread.
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
