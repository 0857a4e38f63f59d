import { copyFileSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { knowledgePaths, projectRoot } from '../knowledge/default-paths.js';
import { buildKnowledge, loadOrBuildKnowledge } from '../knowledge/knowledge-base.js';
import { isLoadError } from '../knowledge/documents.js';
import { LiveKnowledgeBase } from '../knowledge/live-knowledge.js';
import { parseDocumentFile } from '../knowledge/parse-file.js';
import { longReportSpec, writePdf } from './generated-pdf.js';

export interface PdfBenchResult {
  pages: number;
  pdfBytes: number;
  /** The first PDF a process reads also loads pdf.js's worker code: a one-page PDF, timed alone. */
  firstPdfMs: number;
  /** Reading and parsing the PDF (pdf.js text extraction and structure). */
  parseMs: number;
  /** The whole build: parsing, chunking, indexing, writing the index file. */
  buildMs: number;
  passages: number;
  indexBytes: number;
  /** Reading the stored index back at start-up. */
  loadMs: number;
  /** Live reload after the PDF is dropped into a running knowledge base (its first: the build worker starts too). */
  reloadMs: number;
  /** The same file changed again: a rebuild in the worker already running. */
  secondReloadMs: number;
  /** Event-loop delay while that reload ran: how long a question arriving then could wait. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** For comparison: the same reload built on the main thread instead of the worker. */
  inlineReloadMs: number;
  inlineLoopDelayP99Ms: number;
  inlineLoopDelayMaxMs: number;
}

/** Time and event-loop delay of one reload after the PDF's modification time moves on. */
const timedReload = async (kb: LiveKnowledgeBase, file: string, minutesLater: number) => {
  const later = new Date(Date.now() + minutesLater * 60_000);
  utimesSync(file, later, later);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const outcome = await kb.reload();
  const ms = performance.now() - started;
  delay.disable();
  if (outcome.action !== 'replaced') throw new Error(`a live reload did not replace the index (${outcome.action})`);
  return { ms, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
};

const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Build time and index size for one long generated PDF (`pages` pages, a heading on each), then
 * how a running bot fares while it indexes the same file in the background.
 */
export const benchPdf = async (pages = 300): Promise<PdfBenchResult> => {
  const pdf = await writePdf(longReportSpec(pages));
  const warmUp = performance.now();
  const first = await parseDocumentFile('first.pdf', await writePdf(longReportSpec(1)));
  const firstPdfMs = performance.now() - warmUp;
  if (isLoadError(first)) throw new Error(`the one-page PDF was not read: ${first.message}`);
  const cold = mkdtempSync(join(tmpdir(), 'lc-bench-pdf-'));
  const live = mkdtempSync(join(tmpdir(), 'lc-bench-pdf-live-'));
  try {
    writeFileSync(join(cold, 'annual-report.pdf'), pdf);
    const paths = knowledgePaths(cold);
    const { report } = await buildKnowledge(paths);
    const loaded = await loadOrBuildKnowledge(paths);
    if (loaded.report.action !== 'loaded') throw new Error('the stored index was not read back');

    copyFileSync(join(projectRoot, 'knowledge', 'synonyms.yaml'), join(live, 'synonyms.yaml'));
    writeFileSync(join(live, 'notes.md'), '# Notes\n\nThe learning bus visits the villages on Saturdays.\n');
    const kb = await LiveKnowledgeBase.open(knowledgePaths(live));
    writeFileSync(join(live, 'annual-report.pdf'), pdf);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const outcome = await kb.reload();
    const reloadMs = performance.now() - started;
    delay.disable();
    if (outcome.action !== 'replaced') throw new Error(`the live reload did not replace the index (${outcome.action})`);
    const second = await timedReload(kb, join(live, 'annual-report.pdf'), 1);
    await kb.close();
    const inlineKb = await LiveKnowledgeBase.open(knowledgePaths(live), { build: (path) => buildKnowledge(path) });
    const inline = await timedReload(inlineKb, join(live, 'annual-report.pdf'), 2);
    await inlineKb.close();
    return {
      pages,
      pdfBytes: pdf.byteLength,
      firstPdfMs: round(firstPdfMs),
      parseMs: round(report.files[0]?.milliseconds ?? 0),
      buildMs: round(report.milliseconds),
      passages: report.passages,
      indexBytes: statSync(paths.indexFile).size,
      loadMs: round(loaded.report.milliseconds),
      reloadMs: round(reloadMs),
      secondReloadMs: round(second.ms),
      loopDelayP99Ms: round(Math.max(delay.percentile(99) / 1e6, second.p99)),
      loopDelayMaxMs: round(Math.max(delay.max / 1e6, second.max)),
      inlineReloadMs: round(inline.ms),
      inlineLoopDelayP99Ms: round(inline.p99),
      inlineLoopDelayMaxMs: round(inline.max),
    };
  } finally {
    rmSync(cold, { recursive: true, force: true });
    rmSync(live, { recursive: true, force: true });
  }
};

export const printPdf = (out: (line?: string) => void, result: PdfBenchResult): void => {
  out(`PDF ingestion: one generated report of ${result.pages} pages (${(result.pdfBytes / 1e6).toFixed(1)} MB)`);
  out(`  first PDF in the process (loads pdf.js) ${result.firstPdfMs} ms`);
  out(`  then: parse ${result.parseMs} ms, whole build ${result.buildMs} ms, ${result.passages} passages, index ${(result.indexBytes / 1e6).toFixed(2)} MB, load ${result.loadMs} ms`);
  out(`  live reload ${result.reloadMs} ms (worker starting), again ${result.secondReloadMs} ms; event-loop delay meanwhile p99 ${result.loopDelayP99Ms} ms, max ${result.loopDelayMaxMs} ms`);
  out(`  the same reload on the main thread, for comparison: ${result.inlineReloadMs} ms; event-loop delay p99 ${result.inlineLoopDelayP99Ms} ms, max ${result.inlineLoopDelayMaxMs} ms`);
  out();
};
