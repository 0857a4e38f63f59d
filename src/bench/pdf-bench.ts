import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { knowledgePaths, projectRoot } from '../knowledge/default-paths.js';
import { buildKnowledge, loadOrBuildKnowledge } from '../knowledge/knowledge-base.js';
import { LiveKnowledgeBase } from '../knowledge/live-knowledge.js';
import { longReportSpec, writePdf } from './generated-pdf.js';

export interface PdfBenchResult {
  pages: number;
  pdfBytes: number;
  /** Reading and parsing the PDF (pdf.js text extraction and structure). */
  parseMs: number;
  /** The whole build: parsing, chunking, indexing, writing the index file. */
  buildMs: number;
  passages: number;
  indexBytes: number;
  /** Reading the stored index back at start-up. */
  loadMs: number;
  /** Live reload after the PDF is dropped into a running knowledge base. */
  reloadMs: number;
  /** Event-loop delay while that reload ran: how long a question arriving then could wait. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Build time and index size for one long generated PDF (`pages` pages, a heading on each), then
 * how a running bot fares while it indexes the same file in the background.
 */
export const benchPdf = async (pages = 300): Promise<PdfBenchResult> => {
  const pdf = await writePdf(longReportSpec(pages));
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
    await kb.close();
    if (outcome.action !== 'replaced') throw new Error(`the live reload did not replace the index (${outcome.action})`);
    return {
      pages,
      pdfBytes: pdf.byteLength,
      parseMs: round(report.files[0]?.milliseconds ?? 0),
      buildMs: round(report.milliseconds),
      passages: report.passages,
      indexBytes: statSync(paths.indexFile).size,
      loadMs: round(loaded.report.milliseconds),
      reloadMs: round(reloadMs),
      loopDelayP99Ms: round(delay.percentile(99) / 1e6),
      loopDelayMaxMs: round(delay.max / 1e6),
    };
  } finally {
    rmSync(cold, { recursive: true, force: true });
    rmSync(live, { recursive: true, force: true });
  }
};

export const printPdf = (out: (line?: string) => void, result: PdfBenchResult): void => {
  out(`PDF ingestion: one generated report of ${result.pages} pages (${(result.pdfBytes / 1e6).toFixed(1)} MB)`);
  out(`  parse ${result.parseMs} ms, whole build ${result.buildMs} ms, ${result.passages} passages, index ${(result.indexBytes / 1e6).toFixed(2)} MB, load ${result.loadMs} ms`);
  out(`  live reload ${result.reloadMs} ms; event-loop delay meanwhile p99 ${result.loopDelayP99Ms} ms, max ${result.loopDelayMaxMs} ms`);
  out();
};
