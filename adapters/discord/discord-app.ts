import { Events, type Client } from 'discord.js';
import { BotError, errorMessage } from '../../src/core/errors.js';
import { systemClock, type ChatBot, type Clock, type Logger, type Notifier, type WorkspaceLifecycle } from '../../src/core/ports.js';
import { createDiscordClient, type ShardSlot } from './discord-client.js';
import type { DiscordConfig } from './discord-config.js';
import { createDiscordNotifier } from './discord-notifier.js';
import { handleInteraction } from './interaction-handler.js';
import { handleMessage } from './message-handler.js';
import { watchGuildMembership } from './guild-membership.js';

export interface DiscordAppOptions {
  config: DiscordConfig;
  bot: ChatBot;
  logger: Logger;
  /** How long the core may take before an interaction is deferred; Discord allows 3 s in all. */
  ackWithinMs?: number;
  /** The shard this process runs, under a ShardingManager; one unsharded connection otherwise. */
  shard?: ShardSlot;
  /** Told when the bot is removed from a server or added (back); see {@link watchGuildMembership}. */
  lifecycle?: WorkspaceLifecycle;
  /** When a removal happened; the system clock unless a test injects one. */
  clock?: Clock;
}

/** A running (or ready to run) Discord bot. */
export interface DiscordApp {
  client: Client;
  /** Logs in and resolves once the gateway says the bot is ready; rejects with a clear reason. */
  start(): Promise<void>;
  /** Closes the gateway connection. Safe to call twice. */
  stop(): Promise<void>;
  /** Proactive delivery (reminders) through this client. */
  notifier: Notifier;
}

/**
 * Wires the Discord client to the core bot: @mentions and DMs become messages, slash commands
 * become command texts, buttons become choices, and the core's replies are rendered back.
 */
export const createDiscordApp = (options: DiscordAppOptions): DiscordApp => {
  const { config, bot, logger } = options;
  const client = createDiscordClient(config, options.shard);
  const deps = { bot, logger, ...(options.ackWithinMs === undefined ? {} : { ackWithinMs: options.ackWithinMs }) };

  client.on(Events.MessageCreate, (message) => {
    const botUserId = client.user?.id;
    if (botUserId === undefined) return;
    void handleMessage(message, botUserId, deps).catch((error: unknown) =>
      logger.error({ err: errorMessage(error) }, 'discord message handler crashed'),
    );
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, deps).catch((error: unknown) =>
      logger.error({ err: errorMessage(error) }, 'discord interaction handler crashed'),
    );
  });
  if (options.lifecycle !== undefined) watchGuildMembership(client, options.lifecycle, options.clock ?? systemClock, logger, options.shard);
  client.on(Events.Error, (error) => logger.error({ err: errorMessage(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, 'discord gateway closed'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord gateway resumed'));

  return {
    client,
    notifier: createDiscordNotifier(client),
    async start(): Promise<void> {
      const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
      try {
        await client.login(config.DISCORD_TOKEN);
      } catch (error) {
        throw new BotError('discord_login_failed', `Discord login failed: ${errorMessage(error)}`, { cause: error });
      }
      const readyClient = await ready;
      logger.info(
        { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, application: readyClient.application.id, shard: options.shard },
        'discord connected',
      );
    },
    async stop(): Promise<void> {
      await client.destroy();
      logger.info({}, 'discord disconnected');
    },
  };
};
