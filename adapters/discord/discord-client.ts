import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from './discord-config.js';

/** The one shard a client connects as, out of `count`. */
export interface ShardSlot {
  id: number;
  count: number;
}

/**
 * The one place a discord.js client is built. `DISCORD_API_URL` moves REST (and, through
 * `GET /gateway/bot`, the gateway) to a proxy or a local test server. With `shard`, the client
 * identifies as that shard and Discord sends it only the guilds that live on it.
 */
export const createDiscordClient = (config: Pick<DiscordConfig, 'DISCORD_API_URL'>, shard?: ShardSlot): Client =>
  new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      // No MessageContent: that privileged intent is only needed to read messages not addressed to
      // the bot. Mentions of the bot and DMs carry their text without it, and asking for it while
      // it is off in the Developer Portal makes Discord close the gateway (4014).
    ],
    // DM channels are not cached before their first message; without this, DMs are dropped.
    partials: [Partials.Channel],
    ...(config.DISCORD_API_URL === undefined ? {} : { rest: { api: config.DISCORD_API_URL } }),
    ...(shard === undefined ? {} : { shards: shard.id, shardCount: shard.count }),
  });
