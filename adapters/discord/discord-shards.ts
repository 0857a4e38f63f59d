import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { z } from 'zod';
import { BotError, errorMessage } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/ports.js';
import type { DiscordConfig } from './discord-config.js';

/** The script each shard process runs: the whole bot, as one shard. */
const SHARD_SCRIPT = fileURLToPath(new URL('./shard-process.mjs', import.meta.url));

/** How long one shard may take to connect before start-up fails (it also loads the knowledge base). */
const SHARD_READY_TIMEOUT_MS = 60_000;

const gatewayBotSchema = z.object({ shards: z.number().int().min(1) });

/** A ShardingManager running one process per shard. */
export interface DiscordShards {
  count: number;
  /** Stops every shard process (SIGTERM: each finishes its work in flight) and waits for them. */
  stop(): Promise<void>;
}

/**
 * The number of shards to run: the configured number, or for `auto` the number Discord recommends.
 * discord.js's own `auto` always asks discord.com; asking through REST keeps `DISCORD_API_URL`.
 */
export const resolveShardCount = async (config: DiscordConfig): Promise<number> => {
  const shards = config.DISCORD_SHARDS ?? 1;
  if (shards !== 'auto') return shards;
  const rest = new REST(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  try {
    return gatewayBotSchema.parse(await rest.get(Routes.gatewayBot())).shards;
  } catch (error) {
    throw new BotError('discord_login_failed', `Discord did not say how many shards to run: ${errorMessage(error)}`, { cause: error });
  }
};

const stopShard = (shard: Shard): Promise<void> =>
  new Promise((resolve) => {
    const child = shard.process;
    if (child === null || child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    shard.kill();
  });

/**
 * Starts discord.js's ShardingManager: one process per shard, spawned one after another as
 * Discord's identify limit asks, each running the bot (core, shared store, scheduler) for its shard.
 * Resolves once every shard is connected; a shard that dies later is respawned by the manager.
 */
export const startDiscordShards = async (config: DiscordConfig, logger: Logger): Promise<DiscordShards> => {
  const count = await resolveShardCount(config);
  const manager = new ShardingManager(SHARD_SCRIPT, { totalShards: count, token: config.DISCORD_TOKEN, mode: 'process', respawn: false });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, count }, 'discord shard process started');
    shard.on('death', (child) => logger.warn({ shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : undefined }, 'discord shard process exited'));
  });
  const stop = async (): Promise<void> => {
    manager.respawn = false;
    await Promise.all([...manager.shards.values()].map(stopShard));
  };
  try {
    await manager.spawn({ amount: count, timeout: SHARD_READY_TIMEOUT_MS });
    // Only once all are up: a shard that cannot start fails start-up instead of restarting forever.
    manager.respawn = true;
  } catch (error) {
    await stop();
    throw new BotError('discord_login_failed', `Discord shards did not start: ${errorMessage(error)}`, { cause: error });
  }
  return { count, stop };
};
