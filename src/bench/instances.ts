import type { BotProcess } from './bot-child.js';
import { createBenchDatabase } from './bench-database.js';
import { runClosedLoop, type LatencyRow, type TimedRequest } from './closed-loop.js';
import { LocalSlackApi } from './local-slack-api.js';
import { slackSender, startSlackProcess } from './slack-latency.js';

/** One row of the instances table: a store, a number of bot processes, and what they sustained. */
export interface InstancesRow extends LatencyRow {
  store: 'SQLite' | 'PostgreSQL';
  instances: number;
}

export interface InstancesOptions {
  /** Measured requests per row (a warm-up comes on top). */
  requests: number;
  questions: string[];
  /** Requests in flight. */
  concurrency?: number;
  /** Server whose database is used only to create and drop the benchmark's own. */
  postgresUrl: string;
}

/**
 * Requests `concurrency` in flight, round-robin over `processes` bot processes (as a load balancer
 * would spread Slack's deliveries), all posting to one local Web API.
 */
const measure = async (
  api: LocalSlackApi,
  processes: BotProcess[],
  options: InstancesOptions,
  store: InstancesRow['store'],
): Promise<InstancesRow> => {
  const senders = processes.map((bot) => slackSender(api, bot.ready['port'], options.questions, 30_000));
  const send: TimedRequest = (index) => {
    const sender = senders[index % senders.length];
    if (sender === undefined) throw new Error('no bot process to send to');
    return sender(index);
  };
  const label = `slack, ${store}, ${processes.length} process${processes.length === 1 ? '' : 'es'}`;
  // The same warm-up per process, so every process has its code compiled before the measurement.
  const row = await runClosedLoop(label, options.requests, options.concurrency ?? 10, send, 60 * processes.length);
  return { ...row, store, instances: processes.length };
};

/**
 * End-to-end Slack events per second and latency with one bot process on SQLite, and with one and
 * three processes sharing a PostgreSQL database of the benchmark's own (created here, dropped at
 * the end). Each process is the real bot behind the real Bolt receiver, as in `benchSlackLatency`.
 */
export const benchInstances = async (options: InstancesOptions): Promise<InstancesRow[]> => {
  const api = await LocalSlackApi.start();
  const rows: InstancesRow[] = [];
  const started: BotProcess[] = [];
  const stopAll = async (): Promise<void> => {
    for (const process of started.splice(0)) await process.stop();
  };
  try {
    started.push(await startSlackProcess(api, 'slack'));
    rows.push(await measure(api, started, options, 'SQLite'));
    await stopAll();
    const database = await createBenchDatabase(options.postgresUrl);
    try {
      started.push(await startSlackProcess(api, 'slack', database.url));
      rows.push(await measure(api, started, options, 'PostgreSQL'));
      // Two more on the same database: they find the migrations applied and share its rows.
      for (let i = 0; i < 2; i++) started.push(await startSlackProcess(api, 'slack', database.url));
      rows.push(await measure(api, started, options, 'PostgreSQL'));
      await stopAll();
    } finally {
      await stopAll();
      await database.drop();
    }
    return rows;
  } finally {
    await stopAll();
    await api.close();
  }
};
