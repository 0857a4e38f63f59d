import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from './discord-config.js';

/**
 * The one place a discord.js client is built. `DISCORD_API_URL` moves REST (and, through
 * `GET /gateway/bot`, the gateway) to a proxy or a local test server.
 */
export const createDiscordClient = (config: Pick<DiscordConfig, 'DISCORD_API_URL'>): Client =>
  new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      // Needed to read the text of messages that mention the bot.
      GatewayIntentBits.MessageContent,
    ],
    // DM channels are not cached before their first message; without this, DMs are dropped.
    partials: [Partials.Channel],
    ...(config.DISCORD_API_URL === undefined ? {} : { rest: { api: config.DISCORD_API_URL } }),
  });
