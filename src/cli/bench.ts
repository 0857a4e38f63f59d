import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { endQuietlyWhenOutputCloses, readOptions } from './args.js';
import { benchAdversarial, type AdversarialResult } from '../bench/adversarial.js';
import { benchAssessmentMemory, type MemoryResult } from '../bench/assessment-memory.js';
import { createBenchCore } from '../bench/bench-core.js';
import { benchChartCost, type ChartCostRow } from '../bench/chart-cost.js';
import type { LatencyRow } from '../bench/closed-loop.js';
import { benchCoreThroughput, type ThroughputResult } from '../bench/core-throughput.js';
import { DEFAULT_BENCH_POSTGRES } from '../bench/bench-database.js';
import { benchDiscordLatency } from '../bench/discord-latency.js';
import { benchInstances, type InstancesRow } from '../bench/instances.js';
import { benchGroupRound, type GroupRoundResult } from '../bench/group-round.js';
import { benchKnowledge, realQuestions, syntheticRows, type KnowledgeBenchRow } from '../bench/knowledge-bench.js';
import { benchPdf, printPdf, type PdfBenchResult } from '../bench/pdf-bench.js';
import { benchPgSessions, type PgSessionsResult } from '../bench/pg-sessions.js';
import {
  checkTargets,
  printAdversarial,
  printChartCost,
  printGroupRound,
  printInstances,
  printKnowledge,
  printOverhead,
  printLatency,
  printMemory,
  printPgSessions,
  printTargets,
  printThroughput,
  printWorkspaceDocuments,
} from '../bench/report.js';
import { benchSlackLatency, benchSlackOverhead, type SlackOverhead } from '../bench/slack-latency.js';
import { benchWorkspaceDocuments, type WorkspaceDocumentsRow } from '../bench/workspace-documents.js';
import { knowledgePaths, projectRoot } from '../knowledge/default-paths.js';
import { loadDocuments } from '../knowledge/load-documents.js';
import { KnowledgeBase, openKnowledgeBase } from '../knowledge/knowledge-base.js';
import { loadSynonyms } from '../knowledge/synonyms.js';

const SECTIONS = ['memory', 'core', 'rounds', 'slack', 'overhead', 'discord', 'instances', 'pgsessions', 'pgrounds', 'documents', 'pdf', 'knowledge'] as const;
type Section = (typeof SECTIONS)[number];
/** Need PostgreSQL (BENCH_DATABASE_URL, default the local server) and take minutes: left out of --quick unless named. */
const SLOW_SECTIONS: readonly Section[] = ['instances', 'pgsessions', 'pgrounds'];

const usage = `Usage: npm run bench [-- --quick] [--sections ${SECTIONS.join(',')}] [--out file.json]
  Measures latency, throughput and memory, checks them against the performance targets and writes the figures to --out.
  --quick        fewer questions, requests and sizes (about a minute); leaves out ${SLOW_SECTIONS.join(', ')} unless named
  --sections     the sections to run, separated by commas (default: all)
  --sizes        collection sizes for the knowledge section (default 1000,10000,100000)
  --questions, --requests, --events, --assessments, --pg-sessions, --workspace-documents, --respondents, --pdf-pages
                 how many of each to run`;

const options = {
  help: { type: 'boolean', short: 'h' },
  sections: { type: 'string' },
  quick: { type: 'boolean', default: false },
  sizes: { type: 'string' },
  questions: { type: 'string', default: '1000' },
  requests: { type: 'string' },
  events: { type: 'string' },
  assessments: { type: 'string' },
  'pg-sessions': { type: 'string' },
  'workspace-documents': { type: 'string' },
  respondents: { type: 'string' },
  'pdf-pages': { type: 'string' },
  out: { type: 'string', default: join(projectRoot, 'bench-results', 'latest.json') },
} as const;

const values = readOptions(options, usage);
endQuietlyWhenOutputCloses();

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const count = (text: string | undefined, fallback: number, min = 1): number => Math.max(min, Math.round(Number(text)) || fallback);

const main = async (): Promise<void> => {
  if (values.help) {
    out(usage);
    return;
  }
  const quick = values.quick ?? false;
  const named = values.sections ?? SECTIONS.filter((s) => !quick || !SLOW_SECTIONS.includes(s)).join(',');
  const sections = named.split(',').map((s) => s.trim()).filter((s): s is Section => (SECTIONS as readonly string[]).includes(s));
  const unknown = named.split(',').map((s) => s.trim()).filter((s) => s !== '' && !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`Unknown section(s): ${unknown.join(', ')}. Sections: ${SECTIONS.join(', ')}.`);
  const sizes = (values.sizes ?? (quick ? '1000,10000' : '1000,10000,100000'))
    .split(',')
    .map((size) => Number(size.trim()))
    .filter((size) => Number.isInteger(size) && size > 0);
  const questionCount = Math.max(1_000, Number(values.questions) || 1_000);
  const requests = count(values.requests, quick ? 200 : 400, 10);
  const minEvents = count(values.events, quick ? 2_000 : 5_000, 100);
  const assessments = count(values.assessments, quick ? 5_000 : 10_000, 100);
  const pgSessionCount = count(values['pg-sessions'], quick ? 10_000 : 100_000, 100);
  const postgresUrl = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_POSTGRES;
  const paths = knowledgePaths();
  const real = (await loadDocuments(paths.docsDir)).documents;
  const questions = realQuestions(real, 500);
  const [load1] = loadavg();
  out(`node ${process.version}, ${cpus().length} CPUs, load average ${(load1 ?? 0).toFixed(2)} at start, ${new Date().toISOString()}`);
  out(`Sections: ${sections.join(', ')}${quick ? ' (quick)' : ''}`);
  out();

  let memory: MemoryResult | undefined;
  let core: ThroughputResult | undefined;
  let charts: ChartCostRow[] | undefined;
  const latency: LatencyRow[] = [];
  let knowledge: KnowledgeBenchRow[] = [];
  let adversarial: AdversarialResult | undefined;
  let overhead: SlackOverhead | undefined;
  let instances: InstancesRow[] | undefined;
  let pgSessions: PgSessionsResult | undefined;
  let workspaceDocuments: WorkspaceDocumentsRow[] | undefined;
  const rounds: GroupRoundResult[] = [];
  let pdf: PdfBenchResult | undefined;
  // Memory first, while the process is small; the 100,000-passage knowledge base (gigabytes) last.
  if (sections.includes('memory')) {
    const bench = await createBenchCore();
    try {
      memory = await benchAssessmentMemory(bench.core.bot, bench.db, bench.databasePath, assessments);
    } finally {
      await bench.dispose();
    }
    printMemory(out, memory);
  }
  if (sections.includes('core')) {
    charts = benchChartCost(quick ? 50 : 200);
    printChartCost(out, charts);
    const bench = await createBenchCore();
    try {
      core = await benchCoreThroughput(bench.core.bot, questions, minEvents);
    } finally {
      await bench.dispose();
    }
    printThroughput(out, core);
  }
  const respondents = count(values.respondents, 500, 3);
  if (sections.includes('rounds')) rounds.push(await benchGroupRound(respondents));
  if (sections.includes('pgrounds')) rounds.push(await benchGroupRound(respondents, postgresUrl));
  for (const row of rounds) printGroupRound(out, row);
  const levels = [1, 10, 100];
  if (sections.includes('slack')) latency.push(...(await benchSlackLatency({ levels, requests, questions })));
  if (sections.includes('overhead')) {
    overhead = await benchSlackOverhead({ requests, questions, rounds: quick ? 5 : 9 });
    printOverhead(out, overhead);
  }
  if (sections.includes('discord')) {
    latency.push(...(await benchDiscordLatency({ levels, requests, questions, globalLimit: true })));
    latency.push(...(await benchDiscordLatency({ levels, requests, questions, globalLimit: false })));
  }
  if (latency.length > 0) printLatency(out, latency);
  if (sections.includes('instances')) {
    instances = await benchInstances({ requests, questions, postgresUrl });
    printInstances(out, instances);
  }
  if (sections.includes('pgsessions')) {
    pgSessions = await benchPgSessions({ postgresUrl, count: pgSessionCount, sample: quick ? 100 : 250 });
    printPgSessions(out, pgSessions);
  }
  if (sections.includes('documents')) {
    // PostgreSQL too when named, as the slow sections are; SQLite alone in a plain run.
    const withPostgres = values.sections?.split(',').map((s) => s.trim()).includes('documents') === true;
    workspaceDocuments = await benchWorkspaceDocuments({
      real,
      realQuestions: questions,
      count: count(values['workspace-documents'], 200),
      questions: quick ? 200 : 1_000,
      postgresUrl: withPostgres ? postgresUrl : undefined,
    });
    printWorkspaceDocuments(out, workspaceDocuments);
  }
  if (sections.includes('pdf')) {
    pdf = await benchPdf(count(values['pdf-pages'], quick ? 50 : 300));
    printPdf(out, pdf);
  }
  if (sections.includes('knowledge')) {
    const synonyms = loadSynonyms(paths.synonymsFile ?? '');
    knowledge = [
      benchKnowledge('shipped knowledge', () => ({ documents: real, questions: realQuestions(real, questionCount) }), synonyms),
    ];
    // Each hostile text is read afresh every time, not answered from the kept answers.
    const opened = await openKnowledgeBase(paths);
    adversarial = await benchAdversarial(new KnowledgeBase(opened.built, opened.synonymTable, undefined, undefined, 0), quick ? 10 : 30);
    printAdversarial(out, adversarial);
    knowledge.push(...syntheticRows(real, synonyms, sizes, questionCount));
    printKnowledge(out, knowledge);
  }
  const targets = checkTargets({ latency, knowledge, core, adversarial, overhead });
  printTargets(out, targets);

  mkdirSync(join(values.out ?? '', '..'), { recursive: true });
  const report = { node: process.version, at: new Date().toISOString(), cpus: cpus().length, loadAverageAtStart: load1, sections, quick, knowledge, adversarial, overhead, latency, instances, pgSessions, workspaceDocuments, rounds, pdf, core, charts, memory, targets };
  writeFileSync(values.out ?? '', `${JSON.stringify(report, null, 2)}\n`);
  out(`Written to ${values.out}`);
};

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
