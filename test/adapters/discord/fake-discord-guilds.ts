import type { FakeDiscord } from './fake-discord.js';
import { guildCreate, type FakeGuild } from './fake-discord-payloads.js';

/**
 * The bot is kicked from a server (or the server is deleted): Discord sends GUILD_DELETE to the
 * guild's shard with only the id, no `unavailable`, and stops serving the guild's channels.
 */
export const removeBotFromGuild = (fake: FakeDiscord, guildId: string): void => {
  const index = fake.guilds.findIndex((guild) => guild.id === guildId);
  if (index >= 0) fake.guilds.splice(index, 1);
  fake.gateway.dispatch('GUILD_DELETE', { id: guildId }, guildId);
};

/** An outage: GUILD_DELETE with `unavailable: true`; the bot is still a member of the guild. */
export const guildOutage = (fake: FakeDiscord, guildId: string): void => {
  fake.gateway.dispatch('GUILD_DELETE', { id: guildId, unavailable: true }, guildId);
};

/** The bot is added (back) to a server: GUILD_CREATE with the whole guild, as on joining. */
export const addBotToGuild = (fake: FakeDiscord, guild: FakeGuild): void => {
  if (!fake.guilds.some((known) => known.id === guild.id)) fake.guilds.push(guild);
  fake.gateway.dispatch('GUILD_CREATE', guildCreate(guild), guild.id);
};
