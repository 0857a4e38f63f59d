// Worker body for ChartWorkerPool (a piscina pool): draws chart PNGs with `renderChartPng` off the
// main thread. Plain JavaScript, loading the TypeScript renderer through tsx's API, so it starts the
// same whether the app runs under tsx (`npm start`), under vitest (whose module loader workers do not
// inherit), or under plain node.
import { Piscina } from 'piscina';
import { tsImport } from 'tsx/esm/api';

const { renderChartPng } = await tsImport('./chart.ts', import.meta.url);

// Moved, not copied: the PNG's memory goes to the main thread.
export default (input) => Piscina.move(renderChartPng(input));
