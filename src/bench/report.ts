import type { AdversarialResult } from './adversarial.js';
import type { GroupRoundResult } from './group-round.js';
import type { MemoryResult } from './assessment-memory.js';
import type { ChartCostRow } from './chart-cost.js';
import type { LatencyRow } from './closed-loop.js';
import type { ThroughputResult } from './core-throughput.js';
import type { InstancesRow } from './instances.js';
import type { KnowledgeBenchRow } from './knowledge-bench.js';
import type { PgSessionsResult } from './pg-sessions.js';
import type { SlackOverhead } from './slack-latency.js';
import type { WorkspaceDocumentsRow } from './workspace-documents.js';

/** Writes one line of the report. */
export type Out = (line?: string) => void;

const pad = (text: string | number, width: number): string => String(text).padStart(width);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

export const printKnowledge = (out: Out, rows: KnowledgeBenchRow[]): void => {
  out('Knowledge base: build, load, answer');
  out(
    `${'collection'.padEnd(20)}${pad('passages', 10)}${pad('build ms', 10)}${pad('index MB', 10)}${pad('load ms', 9)}` +
      `${pad('answers', 9)}${pad('median ms', 11)}${pad('p99 ms', 9)}${pad('max ms', 9)}`,
  );
  for (const row of rows) {
    out(
      `${row.name.padEnd(20)}${pad(row.passages, 10)}${pad(row.buildMs, 10)}${pad((row.indexBytes / 1e6).toFixed(1), 10)}` +
        `${pad(row.loadMs, 9)}${pad(row.query.count, 9)}${pad(row.query.medianMs.toFixed(2), 11)}` +
        `${pad(row.query.p99Ms.toFixed(2), 9)}${pad(row.query.maxMs.toFixed(2), 9)}`,
    );
  }
  out();
};

export const printWorkspaceDocuments = (out: Out, rows: WorkspaceDocumentsRow[]): void => {
  out('Answers with a workspace’s own documents (through bot.handle; the same questions in a workspace without any)');
  for (const row of rows) {
    out(
      `  ${row.store}: while its index was built, ${row.duringBuild.count} questions elsewhere were answered ` +
        `(median ${row.duringBuild.medianMs.toFixed(2)} ms, p99 ${row.duringBuild.p99Ms.toFixed(2)} ms, max ${row.duringBuild.maxMs.toFixed(1)} ms)`,
    );
  }
  out(
    `${'store'.padEnd(12)}${pad('documents', 10)}${pad('passages', 10)}${pad('add med ms', 12)}${pad('1st answer ms', 15)}` +
      `${pad('own median', 12)}${pad('own p99', 9)}${pad('shared median', 15)}${pad('shared p99', 12)}${pad('own first', 11)}`,
  );
  for (const row of rows) {
    out(
      `${row.store.padEnd(12)}${pad(row.documents, 10)}${pad(row.passages, 10)}${pad(row.add.medianMs.toFixed(1), 12)}${pad(row.firstAnswerMs, 15)}` +
        `${pad(row.withDocuments.medianMs.toFixed(2), 12)}${pad(row.withDocuments.p99Ms.toFixed(2), 9)}` +
        `${pad(row.sharedOnly.medianMs.toFixed(2), 15)}${pad(row.sharedOnly.p99Ms.toFixed(2), 12)}${pad(row.ownFirst.toFixed(2), 11)}`,
    );
  }
  out();
};

export const printAdversarial = (out: Out, result: AdversarialResult): void => {
  out('Adversarial messages through the core (median ms per event, fresh words each time)');
  for (const row of result.perInput) out(`  ${row.name.padEnd(30)}${pad(row.timing.medianMs.toFixed(2), 9)}${pad(row.timing.maxMs.toFixed(2), 9)} max`);
  out(`  slowest: ${result.slowest.name}, ${result.slowest.medianMs.toFixed(2)} ms`);
  out();
};

export const printOverhead = (out: Out, result: SlackOverhead): void => {
  out(`Slack: the bot beside a bare Bolt app replying "ok" (${result.concurrency} signed app_mentions in flight, same local Web API, in turns)`);
  out(`${'round'.padEnd(8)}${pad('bare median ms', 16)}${pad('bot median ms', 15)}${pad('bare p99', 10)}${pad('bot p99', 10)}`);
  result.bot.forEach((bot, i) => {
    const bare = result.bare[i];
    if (!bare) return;
    out(`${String(i + 1).padEnd(8)}${pad(bare.latency.medianMs.toFixed(2), 16)}${pad(bot.latency.medianMs.toFixed(2), 15)}${pad(bare.latency.p99Ms.toFixed(1), 10)}${pad(bot.latency.p99Ms.toFixed(1), 10)}`);
  });
  out(`  median latency, bot / bare Bolt: ${result.ratio.toFixed(2)}x`);
  out();
};

export const printLatency = (out: Out, rows: LatencyRow[]): void => {
  out('End-to-end latency: platform event sent -> reply reaching the platform (bot in its own process)');
  out(
    `${'platform'.padEnd(26)}${pad('concurrent', 11)}${pad('replies', 9)}${pad('failed', 8)}` +
      `${pad('median ms', 11)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('replies/s', 11)}`,
  );
  for (const row of rows) {
    out(
      `${row.platform.padEnd(26)}${pad(row.concurrency, 11)}${pad(row.requests, 9)}${pad(row.failed, 8)}` +
        `${pad(row.latency.medianMs.toFixed(2), 11)}${pad(row.latency.p99Ms.toFixed(2), 9)}` +
        `${pad(row.latency.maxMs.toFixed(2), 9)}${pad(row.perSecond, 11)}`,
    );
  }
  out();
};

export const printThroughput = (out: Out, result: ThroughputResult): void => {
  out(`Core throughput: bot.handle, ${result.conversations} conversations at once, charts drawn in worker threads`);
  out(
    `${result.events} events in ${result.elapsedMs} ms: ${result.perSecond} events/s, completions included; ` +
      `event-loop delay p99 ${result.loopDelayP99Ms.toFixed(1)} ms, max ${result.loopDelayMaxMs.toFixed(1)} ms`,
  );
  out(`${'event kind'.padEnd(32)}${pad('events', 8)}${pad('mean ms', 10)}`);
  for (const kind of result.kinds) out(`${kind.kind.padEnd(32)}${pad(kind.count, 8)}${pad(kind.meanMs.toFixed(3), 10)}`);
  out();
};

export const printChartCost = (out: Out, rows: ChartCostRow[]): void => {
  out('Chart cost: renderChartPng on one thread (layout, rasterising, PNG encoding), each from a new input');
  out(`${'chart'.padEnd(30)}${pad('px wide', 9)}${pad('PNG', 8)}${pad('charts', 8)}${pad('median ms', 11)}${pad('p99 ms', 9)}`);
  for (const row of rows) {
    out(
      `${row.chart.padEnd(30)}${pad(row.width, 9)}${pad(kb(row.pngBytes), 8)}${pad(row.timing.count, 8)}` +
        `${pad(row.timing.medianMs.toFixed(2), 11)}${pad(row.timing.p99Ms.toFixed(2), 9)}`,
    );
  }
  out();
};

export const printInstances = (out: Out, rows: InstancesRow[]): void => {
  out('Instances: Slack events round-robin over bot processes, one local Web API (end to end, as above)');
  out(
    `${'store'.padEnd(12)}${pad('processes', 10)}${pad('concurrent', 11)}${pad('replies', 9)}${pad('failed', 8)}` +
      `${pad('events/s', 10)}${pad('median ms', 11)}${pad('p99 ms', 9)}`,
  );
  for (const row of rows) {
    out(
      `${row.store.padEnd(12)}${pad(row.instances, 10)}${pad(row.concurrency, 11)}${pad(row.requests, 9)}${pad(row.failed, 8)}` +
        `${pad(row.perSecond, 10)}${pad(row.latency.medianMs.toFixed(2), 11)}${pad(row.latency.p99Ms.toFixed(2), 9)}`,
    );
  }
  out();
};

export const printPgSessions = (out: Out, result: PgSessionsResult): void => {
  out(`Assessments in progress in PostgreSQL: ${result.sessions.toLocaleString('en-GB')} rows`);
  out(
    `  stored through the session store at ${result.insertPerSecond}/s (${result.insertConcurrency} in flight); ` +
      `${result.bytesPerSession} bytes per session (table, TOAST and indexes: ${(result.totalBytes / 1e6).toFixed(1)} MB)`,
  );
  const line = (what: string, t: PgSessionsResult['botStep']): string =>
    `  ${what}: ${t.count} steps, median ${t.medianMs.toFixed(2)} ms, p99 ${t.p99Ms.toFixed(2)} ms, max ${t.maxMs.toFixed(2)} ms`;
  out(line('step through bot.handle (read, engine, versioned save, reply)', result.botStep));
  out(line('step on the store alone (get + versioned put, random rows)', result.storeStep));
  out();
};

export const printGroupRound = (out: Out, result: GroupRoundResult): void => {
  out(`City-wide round: ${result.respondents} respondents answering at once (Take part and nine answers each, bot.handle on ${result.store})`);
  out(
    `  step: ${result.step.count} clicks, median ${result.step.medianMs.toFixed(2)} ms, p99 ${result.step.p99Ms.toFixed(2)} ms, ` +
      `max ${result.step.maxMs.toFixed(2)} ms; all done in ${result.answeringMs} ms; invitation count edited ${result.invitationUpdates} times`,
  );
  out(`  one respondent at a time (no queue): median ${result.stepAlone.medianMs.toFixed(2)} ms, p99 ${result.stepAlone.p99Ms.toFixed(2)} ms per click`);
  out(`  collation of ${result.respondents} answer sets: ${result.collateMs} ms; closing the round (claim, collate, save, chart, post): ${result.closeMs} ms`);
  out();
};

export const printMemory = (out: Out, result: MemoryResult): void => {
  out(`Memory per 1,000 assessments in progress (${result.assessments.toLocaleString('en-GB')} started, two answers each)`);
  out(
    `  process: heap ${kb(result.heapBytesPer1000)}, RSS ${kb(result.rssBytesPer1000)} per 1,000 over the run; ` +
      `second half only: heap ${kb(result.heapBytesPer1000Marginal)}, RSS ${kb(result.rssBytesPer1000Marginal)} (collection: ${result.gc})`,
  );
  out(
    `  SQLite: ${result.sessionRows} session rows, ${kb(result.sqliteBytesPer1000)} of pages per 1,000 ` +
      `(state JSON ${result.stateBytesMean} bytes each); database file ${(result.databaseFileBytes / 1e6).toFixed(1)} MB`,
  );
  out();
};

/** A target from the project's README and whether the run met it. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export const printTargets = (out: Out, checks: TargetCheck[]): void => {
  if (checks.length === 0) return;
  out('Targets');
  for (const check of checks) out(`  ${check.met ? 'met ' : 'MISS'}  ${check.target.padEnd(64)} ${check.measured}`);
  out();
};

/** Checks the measured figures against the targets, for the sections that ran. */
export const checkTargets = (figures: {
  latency: LatencyRow[];
  knowledge: KnowledgeBenchRow[];
  core: ThroughputResult | undefined;
  adversarial?: AdversarialResult | undefined;
  overhead?: SlackOverhead | undefined;
}): TargetCheck[] => {
  const checks: TargetCheck[] = [];
  for (const row of figures.latency.filter((r) => r.concurrency === 10)) {
    checks.push({ target: `${row.platform}: end-to-end p99 < 50 ms at 10 concurrent`, measured: `${row.latency.p99Ms.toFixed(1)} ms`, met: row.latency.p99Ms < 50 && row.failed === 0 });
  }
  const largest = figures.knowledge.find((row) => row.passages >= 100_000);
  if (largest) checks.push({ target: 'query p99 < 20 ms at 100,000 passages', measured: `${largest.query.p99Ms.toFixed(1)} ms`, met: largest.query.p99Ms < 20 });
  if (figures.overhead) {
    checks.push({ target: 'Slack median latency within 1.5x of a bare Bolt app (10 in flight)', measured: `${figures.overhead.ratio.toFixed(2)}x`, met: figures.overhead.ratio <= 1.5 });
  }
  if (figures.adversarial) {
    const { slowest } = figures.adversarial;
    checks.push({ target: 'slowest adversarial message < 20 ms per event', measured: `${slowest.medianMs.toFixed(1)} ms (${slowest.name})`, met: slowest.medianMs < 20 });
  }
  if (figures.core) {
    checks.push({ target: '>= 1,000 events/s through the core (whole mix)', measured: `${figures.core.perSecond}/s`, met: figures.core.perSecond >= 1000 });
    checks.push({ target: 'event-loop delay p99 < 20 ms during the core run', measured: `${figures.core.loopDelayP99Ms.toFixed(1)} ms`, met: figures.core.loopDelayP99Ms < 20 });
  }
  return checks;
};
