import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The worker half of pdf.js; in Node it runs on the main thread and registers itself as `globalThis.pdfjsWorker`. */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * pdf.js's legacy build carries core-js polyfills that replace `JSON.stringify`, `JSON.parse` and
 * `Array.prototype.push` with JavaScript versions (for `JSON.rawJSON` and edge cases of array
 * lengths, which nothing here uses). Installed process-wide, they made every Web API call, log line
 * and array push slower; the natives are put back once both halves of pdf.js are loaded.
 */
const keepNatives = (): (() => void) => {
  const { stringify, parse } = JSON;
  const { push } = Array.prototype;
  return () => {
    JSON.stringify = stringify;
    JSON.parse = parse;
    Array.prototype.push = push;
  };
};

let loading: Promise<typeof Pdfjs> | undefined;

/**
 * pdf.js, loaded on the first PDF (a process that reads none never pays for it), with its worker
 * module loaded too: left to pdf.js, the worker would be imported at the first document and install
 * its polyfills then.
 */
export const loadPdfjs = (): Promise<typeof Pdfjs> => {
  loading ??= (async () => {
    const restore = keepNatives();
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import(WORKER_MODULE);
      return pdfjs;
    } finally {
      restore();
    }
  })();
  return loading;
};
