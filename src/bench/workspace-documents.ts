import type { Origin } from '../core/events.js';
import type { ChatBot } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import type { SourceDocument } from '../knowledge/documents.js';
import { createBenchCore, createPostgresBenchCore } from './bench-core.js';
import { createBenchDatabase } from './bench-database.js';
import { generateDocuments, generateQuestions } from './generated-knowledge.js';
import { summarize, type Timing } from './stats.js';

/** Answer latency in a workspace that added its own documents, beside one that added none. */
export interface WorkspaceDocumentsRow {
  store: 'SQLite' | 'PostgreSQL';
  documents: number;
  passages: number;
  /** `add document` through the core, per file (parse, chunk, store). */
  add: Timing;
  /** The workspace's first question: its index built from the stored passages, then the answer. */
  firstAnswerMs: number;
  /** Questions in the other workspace, one after another, while that first answer was being worked out. */
  duringBuild: Timing;
  /** Questions through `bot.handle` in the workspace with its documents (version check included). */
  withDocuments: Timing;
  /** The same questions in a workspace with none: the shared documents alone. */
  sharedOnly: Timing;
  /** Share of answers in the first workspace whose first source is one of its own documents. */
  ownFirst: number;
}

const PASSAGES_PER_DOCUMENT = 50;
/** Questions (half of each kind) answered before timing, other than the timed ones. */
const WARMUP_QUESTIONS = 400;

const origin = (workspaceId: string): Origin => ({ platform: 'console', workspaceId, channelId: 'bench', userId: 'coordinator', isAdmin: true });

const timeAsync = async (inputs: readonly string[], fn: (input: string) => Promise<unknown>, warmup: readonly string[]): Promise<Timing> => {
  for (const input of warmup) await fn(input);
  const samples: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await fn(input);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
};

const fileOf = (document: SourceDocument) => {
  const bytes = new TextEncoder().encode(`# ${document.title}\n\n${document.body}`);
  return { name: document.file, size: bytes.byteLength, read: async () => bytes };
};

const run = async (
  store: WorkspaceDocumentsRow['store'],
  bot: ChatBot,
  documents: SourceDocument[],
  questions: string[],
  warmup: string[],
): Promise<WorkspaceDocumentsRow> => {
  const own = origin('with-documents');
  const adds: number[] = [];
  for (const document of documents) {
    const started = performance.now();
    const [reply] = await bot.handle({ type: 'message', origin: own, text: 'add document', files: [fileOf(document)] });
    adds.push(performance.now() - started);
    if (!reply?.text.startsWith('added: ')) throw new Error(`bench document not added: ${reply?.text ?? 'no reply'}`);
  }
  const started = performance.now();
  let building = true;
  const first = bot.handle({ type: 'message', origin: own, text: questions[0] ?? 'what is a learning city?' }).finally(() => {
    building = false;
  });
  // Other conversations go on while the index is built (in a worker thread).
  const meanwhile: number[] = [];
  for (let i = 0; building; i++) {
    const asked = performance.now();
    await bot.handle({ type: 'message', origin: origin('shared-only'), text: warmup[i % warmup.length] ?? 'what is a learning city?' });
    meanwhile.push(performance.now() - asked);
    // An answer from SQLite never leaves the microtask queue: yield, as arriving events do, so the
    // worker's result can come in.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await first;
  const firstAnswerMs = performance.now() - started;
  const titles = new Set(documents.map((document) => document.title));
  let ownFirst = 0;
  const ask = (where: Origin) => async (question: string): Promise<Reply[]> => bot.handle({ type: 'message', origin: where, text: question });
  const sharedOnly = await timeAsync(questions, ask(origin('shared-only')), warmup);
  // Warmed up on other questions of the same kinds, so the caches are as warm as the shared run's.
  const withDocuments = await timeAsync(questions, async (question) => {
    const replies = await ask(own)(question);
    if (titles.has(replies[0]?.citations?.[0]?.title ?? '')) ownFirst += 1;
  }, warmup);
  return {
    store,
    documents: documents.length,
    passages: documents.length * PASSAGES_PER_DOCUMENT,
    add: summarize(adds),
    firstAnswerMs: Math.round(firstAnswerMs),
    duringBuild: summarize(meanwhile),
    withDocuments,
    sharedOnly,
    // The warm-up questions were counted too.
    ownFirst: Math.round((ownFirst / (questions.length + warmup.length)) * 100) / 100,
  };
};

/**
 * Adds `count` generated documents (50 passages each, the real documents' words plus made-up ones)
 * to one workspace through the core, then times questions there and in a workspace without any,
 * through `bot.handle` on SQLite and, when `postgresUrl` answers, on a PostgreSQL database of the
 * benchmark's own. Half the questions come from the workspace's documents, half from the shared ones.
 */
export const benchWorkspaceDocuments = async (options: {
  real: SourceDocument[];
  realQuestions: string[];
  count: number;
  questions: number;
  postgresUrl?: string | undefined;
}): Promise<WorkspaceDocumentsRow[]> => {
  const documents = generateDocuments(options.real, options.count * PASSAGES_PER_DOCUMENT).map((document, i) => ({
    ...document,
    title: `Workspace strategy ${i + 1}`,
  }));
  const own = generateQuestions(documents, Math.ceil(options.questions / 2));
  const mix = (mine: string[], offset: number): string[] =>
    mine.flatMap((question, i) => [question, options.realQuestions[(i + offset) % Math.max(1, options.realQuestions.length)] ?? question]);
  const questions = mix(own, 0);
  const warmup = mix(generateQuestions(documents, WARMUP_QUESTIONS / 2, 11), Math.ceil(options.questions / 2));
  const rows: WorkspaceDocumentsRow[] = [];
  const sqlite = await createBenchCore();
  try {
    rows.push(await run('SQLite', sqlite.core.bot, documents, questions, warmup));
  } finally {
    await sqlite.dispose();
  }
  if (options.postgresUrl !== undefined) {
    const database = await createBenchDatabase(options.postgresUrl);
    try {
      const postgres = await createPostgresBenchCore(database.url);
      try {
        rows.push(await run('PostgreSQL', postgres.core.bot, documents, questions, warmup));
      } finally {
        await postgres.dispose();
      }
    } finally {
      await database.drop();
    }
  }
  return rows;
};
