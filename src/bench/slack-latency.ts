import { createHmac } from 'node:crypto';
import { startBotProcess, type BotProcess } from './bot-child.js';
import { deferred, runClosedLoop, type LatencyRow } from './closed-loop.js';
import { LocalSlackApi } from './local-slack-api.js';

/** What the platform latency benchmarks share. */
export interface PlatformBenchOptions {
  /** Concurrency levels, e.g. [1, 10, 100]. */
  levels: number[];
  /** Measured requests per level (a warm-up comes on top). */
  requests: number;
  /** Question texts, used in turn. */
  questions: string[];
  /** Give up on one reply after this long. */
  timeoutMs?: number;
}

const SIGNING_SECRET = 'bench0000signing0000secret000000';
const BOT_USER = 'U0BENCHBOT';
const TEAM = 'T0BENCH';
const CHANNELS = 20;
const USERS = 50;

const signedHeaders = (body: string): Record<string, string> => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'content-type': 'application/json', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${signature}` };
};

let sequence = 0;

/** Sends signed app_mentions to a Bolt receiver and times each until its reply reaches `api`. */
export const slackSender =
  (api: LocalSlackApi, port: unknown, questions: string[], timeoutMs: number) =>
  async (index: number): Promise<number> => {
    const url = `http://127.0.0.1:${String(port)}/slack/events`;
    // One counter for every sender: replies are matched by thread, so threads never repeat.
    const n = ++sequence;
    const ts = `1700000000.${String(n).padStart(6, '0')}`;
    const question = questions[index % questions.length] ?? 'What is a learning city?';
    const body = JSON.stringify({
      token: 'unused',
      team_id: TEAM,
      api_app_id: 'A0BENCH',
      type: 'event_callback',
      event_id: `Ev${n}`,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_mention',
        user: `U${String(n % USERS).padStart(4, '0')}`,
        text: `<@${BOT_USER}> ${question}`,
        ts,
        channel: `C${String(n % CHANNELS).padStart(4, '0')}`,
        event_ts: ts,
      },
    });
    const reply = deferred<number>(timeoutMs, 'slack');
    const started = performance.now();
    api.expect(ts, (post) => reply.resolve(post.at - started));
    try {
      const response = await fetch(url, { method: 'POST', headers: signedHeaders(body), body });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`Bolt answered ${response.status}`);
      return await reply.promise;
    } catch (error) {
      api.forget(ts);
      reply.cancel();
      throw error;
    }
  };

/** The bot (or the bare app) in its own process, on PostgreSQL at `databaseUrl` when given, else a fresh SQLite file. */
export const startSlackProcess = async (api: LocalSlackApi, platform: 'slack' | 'slack-bare', databaseUrl?: string): Promise<BotProcess> =>
  platform === 'slack' && databaseUrl !== undefined
    ? startBotProcess({ platform, apiUrl: api.url, signingSecret: SIGNING_SECRET, botUserId: BOT_USER, databaseUrl })
    : startBotProcess({ platform, apiUrl: api.url, signingSecret: SIGNING_SECRET, botUserId: BOT_USER });

/**
 * Latency from a signed Events API request arriving at the real Bolt HTTPReceiver on 127.0.0.1 to
 * the answer's `chat.postMessage` arriving at a local Web API (SLACK_API_URL), with user look-ups
 * on as deployed. The bot runs in its own process; both times are read here, on one clock: just
 * before the POST is sent, and when the matching post (same thread) reaches the local Web API.
 */
export const benchSlackLatency = async (options: PlatformBenchOptions): Promise<LatencyRow[]> => {
  const api = await LocalSlackApi.start();
  const bot = await startSlackProcess(api, 'slack').catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  const send = slackSender(api, bot.ready['port'], options.questions, options.timeoutMs ?? 30_000);
  try {
    const rows: LatencyRow[] = [];
    for (const level of options.levels) rows.push(await runClosedLoop('slack', options.requests, level, send));
    return rows;
  } finally {
    await bot.stop();
    await api.close();
  }
};

/** The bot's end-to-end latency beside a bare Bolt app's, measured in one run. */
export interface SlackOverhead {
  concurrency: number;
  bot: LatencyRow[];
  bare: LatencyRow[];
  /** Median over the rounds of the bot's median latency over the bare app's in the same round. */
  ratio: number;
}

const medianOf = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2 : (sorted[Math.floor(middle)] ?? 0);
};

/**
 * What answering costs on top of Slack's own plumbing: the bot and a bare Bolt app that replies
 * "ok", each in its own process, driven in turns (bare, bot, bare, bot, …) with `concurrency`
 * signed app_mentions always in flight through the same local Web API.
 */
export const benchSlackOverhead = async (options: { requests: number; questions: string[]; rounds?: number; concurrency?: number }): Promise<SlackOverhead> => {
  const concurrency = options.concurrency ?? 10;
  const api = await LocalSlackApi.start();
  const started: BotProcess[] = [];
  try {
    const bot = await startSlackProcess(api, 'slack');
    started.push(bot);
    const bare = await startSlackProcess(api, 'slack-bare');
    started.push(bare);
    const sendBot = slackSender(api, bot.ready['port'], options.questions, 30_000);
    const sendBare = slackSender(api, bare.ready['port'], options.questions, 30_000);
    const result: SlackOverhead = { concurrency, bot: [], bare: [], ratio: 0 };
    for (let round = 0; round < (options.rounds ?? 7); round++) {
      result.bare.push(await runClosedLoop('slack, bare Bolt "ok"', options.requests, concurrency, sendBare));
      result.bot.push(await runClosedLoop('slack, bot', options.requests, concurrency, sendBot));
    }
    // Neighbouring rounds share the machine's load, so each round's ratio is fair; their median is robust.
    const ratios = result.bot.map((bot, i) => bot.latency.medianMs / Math.max(0.001, result.bare[i]?.latency.medianMs ?? 0));
    result.ratio = Math.round(medianOf(ratios) * 100) / 100;
    return result;
  } finally {
    for (const process of started) await process.stop();
    await api.close();
  }
};
