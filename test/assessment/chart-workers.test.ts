import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/app.js';
import { ChartWorkerPool } from '../../src/assessment/chart-workers.js';
import { createBot } from '../../src/core/bot.js';
import type { AssessmentPort, Logger } from '../../src/core/ports.js';
import { silentLogger } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import { consoleOrigin, createFakeChat } from '../support/fake-chat.js';
import { copyKnowledge, realKnowledgeBase } from '../support/knowledge.js';

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const NIACE_ANSWERS = ['2', '2', '3', '1', '3', '2', '1', '2'];
const fixture = (name: string): URL => new URL(`../fixtures/workers/${name}`, import.meta.url);

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const realCore = async (): Promise<Core> => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-chart-core-'));
  const knowledgeDir = copyKnowledge();
  const core = await createCore({ knowledgeDir, databasePath: join(dir, 'bot.db'), logger: silentLogger });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => rmSync(knowledgeDir, { recursive: true, force: true }));
  cleanups.push(() => core.close());
  return core;
};

/** An assessment port whose every step ends with a summary asking for a chart. */
const summaries: AssessmentPort = {
  start: async () => [],
  input: async () => [{ text: 'Leeds: 50% overall', kind: 'summary', chart: { filename: 'leeds.png', alt: 'Bar chart: Leeds 50%', input: { title: 'Leeds', components: [{ label: 'Partnership', percent: 50 }] } } }],
  hasActive: async () => true,
  frameworks: () => [],
  results: async () => [],
  exportCsv: async () => [],
};

const capture = (): { logger: Logger; warnings: object[] } => {
  const warnings: object[] = [];
  return { logger: { ...silentLogger, warn: (obj) => warnings.push(obj) }, warnings };
};

describe('charts are drawn off the event loop', () => {
  it('answers another user while an assessment’s chart is being drawn, then attaches the real PNG', async () => {
    const core = await realCore();
    const ana = createFakeChat(core.bot, consoleOrigin({ userId: 'ana' }));
    const ben = createFakeChat(core.bot, consoleOrigin({ userId: 'ben' }));
    await ana.userSays('assess niace-quick for Leeds');
    for (const answer of NIACE_ANSWERS) await ana.userSays(answer);

    const order: string[] = [];
    const completion = ana.userSays('2').then((replies) => (order.push('summary'), replies));
    const question = ben.userSays('what is a learning city?').then((replies) => (order.push('answer'), replies));
    const [summaryReplies, answerReplies] = await Promise.all([completion, question]);

    expect(order).toEqual(['answer', 'summary']);
    expect(answerReplies[0]?.kind).toBe('answer');
    const summary = summaryReplies.find((reply) => reply.kind === 'summary');
    expect(summary?.text).toContain('NIACE Learning City Toolkit');
    expect(summary?.chart).toBeUndefined();
    expect(summary?.image).toMatchObject({ mimeType: 'image/png', filename: 'assessment-niace-quick-leeds.png' });
    expect([...(summary?.image?.data.slice(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
    expect(summary?.image?.alt).toContain('Bar chart of NIACE');
  }, 60_000);

  it('draws several charts at once in a pool of workers', async () => {
    const pool = new ChartWorkerPool({ size: 2 });
    cleanups.push(() => pool.close());
    const drawn = await Promise.all([1, 2, 3].map((n) => pool.render({ title: `City ${n}`, components: [{ label: 'Partnership', percent: n * 20 }] })));
    for (const png of drawn) expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(Buffer.from(drawn[0] ?? []).equals(Buffer.from(drawn[1] ?? []))).toBe(false);
  }, 60_000);

  it('leaves out a chart that takes too long, with a log line; the summary text still goes', async () => {
    const pool = new ChartWorkerPool({ size: 1, timeoutMs: 300, workerUrl: fixture('silent-chart-worker.mjs') });
    cleanups.push(() => pool.close());
    const { logger, warnings } = capture();
    const chat = createFakeChat(createBot({ answers: await realKnowledgeBase(), assessments: summaries, charts: pool, logger }));
    const replies: Reply[] = await chat.userSays('3');
    expect(replies).toEqual([{ text: 'Leeds: 50% overall', kind: 'summary' }]);
    expect(warnings).toEqual([{ err: 'chart not drawn within 300 ms', filename: 'leeds.png' }]);
  }, 30_000);

  it('gives up a chart still waiting for a busy worker when its time is up', async () => {
    const pool = new ChartWorkerPool({ size: 1, timeoutMs: 1000, workerUrl: fixture('silent-chart-worker.mjs') });
    cleanups.push(() => pool.close());
    const asked = performance.now();
    const drawing = pool.render({ title: 'Leeds', components: [] });
    const waiting = pool.render({ title: 'York', components: [] }).catch((error: unknown) => ({ error, after: performance.now() - asked }));
    await expect(drawing).rejects.toThrow('chart not drawn within 1000 ms');
    const given = await waiting;
    expect(given).toMatchObject({ error: new Error('chart not drawn within 1000 ms') });
    // Counted from when it was asked for, not from when a worker took it (which would be 2 s).
    expect('after' in given ? given.after : Infinity).toBeLessThan(1800);
  }, 30_000);

  it('leaves out a chart whose worker crashed, and draws the next one with a fresh worker', async () => {
    const pool = new ChartWorkerPool({ size: 1, workerUrl: fixture('crashing-chart-worker.mjs') });
    cleanups.push(() => pool.close());
    const { logger, warnings } = capture();
    const chat = createFakeChat(createBot({ answers: await realKnowledgeBase(), assessments: summaries, charts: pool, logger }));
    expect(await chat.userSays('3')).toEqual([{ text: 'Leeds: 50% overall', kind: 'summary' }]);
    expect(warnings).toEqual([{ err: 'renderer crashed', filename: 'leeds.png' }]);
    // The crashed worker was replaced, so the next chart gets its own attempt (and its own failure).
    expect(await chat.userSays('3')).toEqual([{ text: 'Leeds: 50% overall', kind: 'summary' }]);
    expect(warnings).toHaveLength(2);
  }, 30_000);

  it('shuts its workers down on close: charts still drawing are given up, later ones refused', async () => {
    const pool = new ChartWorkerPool({ size: 1, workerUrl: fixture('silent-chart-worker.mjs') });
    const pending = expect(pool.render({ title: 'Leeds', components: [] })).rejects.toThrow('the chart workers are shut down');
    await pool.close();
    await pending;
    await expect(pool.render({ title: 'Leeds', components: [] })).rejects.toThrow('the chart workers are shut down');
  });

  it('lets the process end by itself once its charts are drawn: idle workers keep nothing alive', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(fixture('idle-pool-child.ts'))], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => void child.kill('SIGKILL'));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stdout).toMatch(/^drawn \d{5,} bytes$/m);
    expect(code).toBe(0);
  }, 30_000);
});
