import { Events, type Client, type Guild } from 'discord.js';
import { errorMessage } from '../../src/core/errors.js';
import type { Clock, Logger, WorkspaceLifecycle } from '../../src/core/ports.js';

/** The core's workspace key of a guild (`workspaceKey` of an origin in it). */
const workspaceOf = (guild: Guild): string => `discord:${guild.id}`;

/**
 * Translates guild membership into workspace lifecycle calls. discord.js emits `guildDelete` only
 * when the bot was kicked or the server deleted (an outage sets `guild.available = false` and
 * emits `guildUnavailable` instead), and `guildCreate` when the bot joins after connecting. Servers
 * the bot is in when it connects (it may have been added back while it was offline) count as back.
 */
export const watchGuildMembership = (client: Client, lifecycle: WorkspaceLifecycle, clock: Clock, logger: Logger): void => {
  const tell = (what: string, guild: Guild, call: () => Promise<void>): void => {
    void call().catch((error: unknown) =>
      logger.error({ err: errorMessage(error), guildId: guild.id }, `discord server ${what} could not be recorded`),
    );
  };
  // Not checking `guild.available`: a server in an outage can still remove the bot, and discord.js
  // has already told the two apart by the payload's `unavailable` flag.
  client.on(Events.GuildDelete, (guild) => tell('removal', guild, () => lifecycle.removed(workspaceOf(guild), clock.now())));
  client.on(Events.GuildCreate, (guild) => tell('addition', guild, () => lifecycle.returned(workspaceOf(guild))));
  client.on(Events.ClientReady, (ready) => {
    for (const guild of ready.guilds.cache.values()) tell('addition', guild, () => lifecycle.returned(workspaceOf(guild)));
  });
};
