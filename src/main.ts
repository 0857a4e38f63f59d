import { existsSync } from 'node:fs';
import { createConsoleAdapter } from '../adapters/console/console-adapter.js';
import { createCore } from './app.js';
import { loadConfig } from './config.js';
import { BotError, errorMessage } from './core/errors.js';
import { projectRoot } from './knowledge/default-paths.js';
import { createLogger } from './logger.js';

/** Starts the bot: the console when no platform token is configured, else Slack and/or Discord. */
const main = async (): Promise<void> => {
  const envFile = `${projectRoot}.env`;
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.console ? (process.env.LOG_LEVEL ?? 'warn') : config.logLevel });
  const core = createCore({ knowledgeDir: config.knowledgeDir, databasePath: config.databasePath, logger });
  const stops: Array<() => Promise<void>> = [];
  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'shutting down');
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => logger.error({ err: errorMessage(error) }, 'stop failed'));
    core.close();
  };

  if (config.console) {
    const adapter = createConsoleAdapter({
      bot: core.bot,
      input: process.stdin,
      output: process.stdout,
      imageDir: config.chartDir,
      userId: process.env.USER ?? 'local-user',
      greeting: [
        'Learning-city bot (console). No Slack or Discord tokens are set, so I run here.',
        `Knowledge base: ${core.knowledge.built.documents.length} documents, ${core.knowledge.built.passages.length} passages; ` +
          `${core.frameworks.length} assessment frameworks.`,
        'Ask a question, or type `help`, `assess`, `frameworks`, `results`. `quit` or Ctrl-D leaves.',
      ].join('\n'),
    });
    await adapter.run();
    await shutdown('end of input');
    return;
  }
  process.once('SIGINT', () => void shutdown('SIGINT').then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown('SIGTERM').then(() => process.exit(0)));
};

main().catch((error: unknown) => {
  // Expected start-up problems (configuration, database) get a plain message, not a stack.
  const message = error instanceof BotError ? error.message : (error instanceof Error ? error.stack : undefined) ?? errorMessage(error);
  process.stderr.write(`learning-city-bot could not start:\n${message}\n`);
  process.exitCode = 1;
});
