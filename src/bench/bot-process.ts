// The bot side of the latency benchmarks, in its own process so the load and the fake platform do
// not share its event loop: the real core (shipped knowledge, a fresh SQLite file) behind the real
// Slack or Discord adapter, pointed at a local fake platform. Prints `ready <json>` once it serves,
// and stops cleanly on SIGTERM or when standard input closes.
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDiscordApp } from '../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../adapters/discord/discord-config.js';
import { createSlackApp } from '../../adapters/slack/slack-app.js';
import { errorMessage } from '../core/errors.js';
import { startBareSlack } from './bare-slack.js';
import { createBenchCore, createPostgresBenchCore } from './bench-core.js';
import { botProcessArgsSchema } from './bot-child.js';

/**
 * With `BENCH_CPU_LOG` set, appends to that file, at exit, the CPU time this process spent after it
 * was ready (one JSON line), so the cost per reply of the bot and of the bare app can be compared.
 */
const logCpuAfterReady = (platform: string): void => {
  const file = process.env.BENCH_CPU_LOG;
  if (file === undefined) return;
  const ready = process.cpuUsage();
  process.once('exit', () => {
    const { user, system } = process.cpuUsage(ready);
    appendFileSync(file, `${JSON.stringify({ platform, userMs: user / 1000, systemMs: system / 1000 })}\n`);
  });
};

const run = async (): Promise<void> => {
  const { values } = parseArgs({ options: { args: { type: 'string' } } });
  const args = botProcessArgsSchema.parse(JSON.parse(values.args ?? '{}'));
  if (args.platform === 'slack-bare') {
    const bare = await startBareSlack(args);
    const shutdown = (): void => void bare.stop().then(() => process.exit(0));
    process.once('SIGTERM', shutdown);
    process.stdin.on('end', shutdown);
    process.stdin.resume();
    logCpuAfterReady(args.platform);
    process.stdout.write(`ready ${JSON.stringify({ port: bare.port })}\n`);
    return;
  }
  const bench = args.platform === 'slack' && args.databaseUrl !== undefined ? await createPostgresBenchCore(args.databaseUrl) : await createBenchCore();
  let stop: () => Promise<void>;
  let ready: Record<string, unknown> = {};
  if (args.platform === 'slack') {
    const slack = createSlackApp({
      config: { mode: 'http', botToken: 'xoxb-0-bench', signingSecret: args.signingSecret, port: 0, apiUrl: args.apiUrl, botUserId: args.botUserId, botId: 'B0BENCHBOT' },
      bot: bench.core.bot,
      logger: bench.logger,
      listen: { port: 0, host: '127.0.0.1' },
      dedupe: bench.core.stores.dedupe,
    });
    await slack.start();
    ready = { port: slack.address()?.port };
    stop = () => slack.stop();
  } else {
    const config = parseDiscordConfig({ DISCORD_TOKEN: args.token, DISCORD_APPLICATION_ID: args.applicationId, DISCORD_API_URL: args.apiUrl });
    const discord = createDiscordApp({ config, bot: bench.core.bot, logger: bench.logger });
    // discord.js keeps every bot under Discord's global 50 requests a second on its own side.
    if (!args.globalLimit) discord.client.rest.options.globalRequestsPerSecond = Number.MAX_SAFE_INTEGER;
    await discord.start();
    stop = () => discord.stop();
  }
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await stop();
    await bench.dispose();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.stdin.on('end', () => void shutdown());
  process.stdin.resume();
  logCpuAfterReady(args.platform);
  process.stdout.write(`ready ${JSON.stringify(ready)}\n`);
};

run().catch((error: unknown) => {
  process.stderr.write(`bench bot process failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
