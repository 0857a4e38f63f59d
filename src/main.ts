import { createConsoleAdapter } from '../adapters/console/console-adapter.js';
import { createDiscordApp } from '../adapters/discord/discord-app.js';
import { startDiscordShards } from '../adapters/discord/discord-shards.js';
import { createSlackApp } from '../adapters/slack/slack-app.js';
import { createCore } from './app.js';
import { loadConfig, loadDotEnv, type AppConfig } from './config.js';
import { BotError, errorMessage } from './core/errors.js';
import { createHealth, startHealthServer } from './health.js';
import { formatBuildReport } from './knowledge/report-lines.js';
import { createLogger } from './logger.js';
import { describeDatabaseUrl } from './storage/postgres-database.js';
import { createPostgresStores } from './storage/postgres-stores.js';
import { keepServingOnUncaughtErrors } from './process-guard.js';
import { createTokenCipher } from './storage/token-cipher.js';

/** Files listed one by one in the console's greeting; `npm run knowledge:build` lists them all. */
const CONSOLE_FILES_LISTED = 20;

/** How long replies in flight (telling users their answer was not saved) get before the process stops. */
const DATABASE_GONE_GRACE_MS = 1000;

/**
 * With DISCORD_SHARDS, this process only runs discord.js's ShardingManager: each shard is a process
 * of its own running the bot, and stopping this one stops them.
 */
const manageShards = async (discord: NonNullable<AppConfig['discord']>, logger: ReturnType<typeof createLogger>): Promise<void> => {
  const shards = await startDiscordShards(discord, logger);
  logger.info({ shards: shards.count }, 'discord shards started');
  const stop = (signal: string) => {
    logger.info({ reason: signal }, 'stopping discord shards');
    void shards.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
};

/** Starts the bot: Slack and/or Discord when their tokens are set, the console otherwise (or when asked). */
const main = async (): Promise<void> => {
  // Everything the bot writes (database, charts, exports, index) is about people and their cities:
  // files it creates are for its own user only, whatever the shell's umask.
  process.umask(0o077);
  loadDotEnv();
  const config = loadConfig(process.env);
  // In the console, logs would interleave with the conversation: only warnings unless asked.
  const logger = createLogger({
    level: config.console && !process.env.LOG_LEVEL ? 'warn' : config.logLevel,
    ...(config.discordShard === undefined ? {} : { shard: config.discordShard.id }),
  });
  keepServingOnUncaughtErrors(logger);
  if (config.discord?.DISCORD_SHARDS !== undefined && config.discordShard === undefined) {
    await manageShards(config.discord, logger);
    return;
  }
  const stops: Array<() => Promise<void>> = [];
  let stopping = false;
  // Installation tokens (Slack OAuth) are encrypted with TOKEN_ENCRYPTION_KEY before they are stored.
  const tokenCipher = config.tokenKeys === undefined ? undefined : createTokenCipher(config.tokenKeys);
  // PostgreSQL when DATABASE_URL is set (several instances share it); otherwise SQLite at DATABASE_PATH.
  const stores =
    config.databaseUrl === undefined
      ? undefined
      : await createPostgresStores(config.databaseUrl, logger, tokenCipher === undefined ? {} : { tokenCipher });
  if (config.databaseUrl !== undefined) logger.info({ database: describeDatabaseUrl(config.databaseUrl) }, 'using PostgreSQL');
  let core: Awaited<ReturnType<typeof createCore>>;
  try {
    core = await createCore({
      knowledgeDir: config.knowledgeDir,
      watchKnowledge: config.watchKnowledge,
      databasePath: config.databasePath,
      ...(stores === undefined ? {} : { stores }),
      ...(tokenCipher === undefined ? {} : { tokenCipher }),
      logger,
      defaultTimeZone: config.defaultTimeZone,
      coordinatorIds: config.coordinatorIds,
      coordinatorRoles: config.coordinatorRoles,
      retentionDaysAfterRemoval: config.retentionDaysAfterRemoval,
      retentionDaysInProgress: config.retentionDaysInProgress,
      onDatabaseGone: (reason) => {
        logger.error({ file: config.databasePath, reason }, 'database file gone: refusing to save and stopping, so a restart opens it again');
        // Exit non-zero so a supervisor restarts the bot; the replies already under way get a moment to leave.
        process.exitCode = 1;
        setTimeout(() => void shutdown('database file gone').finally(() => process.exit(1)), DATABASE_GONE_GRACE_MS);
      },
    });
  } catch (error) {
    // An open pool would keep the process alive after the start-up error is reported.
    await stores?.close();
    throw error;
  }
  // Ready while the database answers; not ready from the first moment of a shutdown, so a load
  // balancer stops sending work while what is in flight finishes.
  const health = createHealth(() => core.stores.ping());
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    health.drain();
    logger.info({ reason }, 'shutting down');
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => logger.error({ err: errorMessage(error) }, 'stop failed'));
    }
    await core.close();
  };

  try {
    if (config.healthPort !== undefined) {
      // Shard processes share one machine: shard n listens on HEALTH_PORT + n.
      const server = await startHealthServer(config.healthPort + (config.discordShard?.id ?? 0), health);
      // Stopped last (stops run in reverse), so probes see "not ready" until the end.
      stops.push(() => server.close());
      logger.info({ port: server.address.port }, 'health server listening (/healthz, /readyz)');
    }
    if (config.slack) {
      const slack = createSlackApp({
        config: config.slack,
        bot: core.bot,
        logger,
        dedupe: core.stores.dedupe,
        health,
        // Used in OAuth mode (SLACK_CLIENT_ID) only.
        installations: core.stores.installations,
        // An uninstall starts the grace period after which the workspace's data is deleted.
        lifecycle: core.lifecycle,
      });
      await slack.start();
      core.notifiers.slack = slack.notifier;
      stops.push(() => slack.stop());
      logger.info({ mode: config.slack.mode, port: config.slack.port, oauth: config.slack.oauth !== undefined }, 'slack adapter started');
    }
    if (config.discord) {
      const discord = createDiscordApp({
        config: config.discord,
        bot: core.bot,
        logger,
        lifecycle: core.lifecycle,
        ...(config.discordShard === undefined ? {} : { shard: config.discordShard }),
      });
      await discord.start();
      core.notifiers.discord = discord.notifier;
      stops.push(() => discord.stop());
      logger.info({}, 'discord adapter started');
    }
  } catch (error) {
    await shutdown('start-up failed');
    throw error;
  }

  if (config.console) {
    const adapter = createConsoleAdapter({
      bot: core.bot,
      input: process.stdin,
      output: process.stdout,
      imageDir: config.chartDir,
      userId: process.env.USER ?? 'local-user',
      greeting: [
        config.slack || config.discord
          ? 'Learning-city bot (console, alongside the chat platforms).'
          : 'Learning-city bot (console). No Slack or Discord tokens are set, so I run here.',
        `Knowledge base (${config.knowledgeDir}${config.watchKnowledge ? ', indexed again when its files change' : ''}):`,
        ...formatBuildReport(core.knowledge.report, core.knowledge.built, CONSOLE_FILES_LISTED),
        `${core.frameworks.length} assessment frameworks.`,
        'Ask a question, or type `help`, `assess`, `frameworks`, `results`, `reminders`, `documents`. `quit` or Ctrl-D leaves.',
      ].join('\n'),
    });
    core.notifiers.console = adapter.notifier;
    core.reminders.start();
    core.roundCloser.start();
    await adapter.run();
    await shutdown('end of input');
    // `quit` closes the prompt, but a piped standard input would still hold the process open.
    process.stdin.destroy();
    return;
  }
  core.reminders.start();
  core.roundCloser.start();
  process.once('SIGINT', () => void shutdown('SIGINT').then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown('SIGTERM').then(() => process.exit(0)));
};

main().catch((error: unknown) => {
  // Expected start-up problems (configuration, database, login) get a plain message, not a stack.
  const message = error instanceof BotError ? error.message : (error instanceof Error ? error.stack : undefined) ?? errorMessage(error);
  process.stderr.write(`learning-city-bot could not start:\n${message}\n`);
  process.exitCode = 1;
});
