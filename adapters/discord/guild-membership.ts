import { Events, type Client, type Guild } from 'discord.js';
import { errorMessage } from '../../src/core/errors.js';
import type { Clock, Logger, WorkspaceLifecycle } from '../../src/core/ports.js';
import type { ShardSlot } from './discord-client.js';

/** The core's workspace key of a guild (`workspaceKey` of an origin in it). */
const workspaceOf = (guild: Guild): string => `discord:${guild.id}`;

const GUILD_WORKSPACE = /^discord:(\d{1,20})$/u;

/**
 * Whether a connection as `shard` (all shards when undefined) is sent a guild's workspace: Discord
 * puts a guild on shard (id >> 22) % count, and a shard's READY lists only the guilds on it.
 */
export const shardCovers = (shard: ShardSlot | undefined) => (workspace: string): boolean => {
  const id = GUILD_WORKSPACE.exec(workspace)?.[1];
  if (id === undefined) return false;
  return shard === undefined || Number((BigInt(id) >> 22n) % BigInt(shard.count)) === shard.id;
};

/**
 * Translates guild membership into workspace lifecycle calls. discord.js emits `guildDelete` only
 * when the bot was kicked or the server deleted (an outage sets `guild.available = false` and
 * emits `guildUnavailable` instead), and `guildCreate` when the bot joins after connecting. On
 * connecting, READY lists every server the bot is in on this connection's shards, those in an outage
 * included: they count as back (the bot may have been added back while offline), and a server seen
 * before on these shards that is missing was left while the bot was offline.
 */
export const watchGuildMembership = (client: Client, lifecycle: WorkspaceLifecycle, clock: Clock, logger: Logger, shard?: ShardSlot): void => {
  // One call at a time, in the order Discord sent the events: a removal that arrives while the
  // connection's list is still being recorded must not be undone by it.
  let recorded: Promise<void> = Promise.resolve();
  const inTurn = (call: () => Promise<void>, failed: (error: unknown) => void): void => {
    recorded = recorded.then(call).catch(failed);
  };
  const tell = (what: string, guild: Guild, call: () => Promise<void>): void => {
    inTurn(call, (error) => logger.error({ err: errorMessage(error), guildId: guild.id }, `discord server ${what} could not be recorded`));
  };
  // Not checking `guild.available`: a server in an outage can still remove the bot, and discord.js
  // has already told the two apart by the payload's `unavailable` flag.
  client.on(Events.GuildDelete, (guild) => {
    const at = clock.now();
    tell('removal', guild, () => lifecycle.removed(workspaceOf(guild), at));
  });
  client.on(Events.GuildCreate, (guild) => tell('addition', guild, () => lifecycle.returned(workspaceOf(guild))));
  client.on(Events.ClientReady, (ready) => {
    const present = [...ready.guilds.cache.values()].map(workspaceOf);
    const at = clock.now();
    inTurn(
      () => lifecycle.connected(present, shardCovers(shard), at),
      (error) => logger.error({ err: errorMessage(error), servers: present.length }, 'discord servers on connecting could not be recorded'),
    );
  });
};
