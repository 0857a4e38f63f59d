import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import { errorMessage } from '../../src/core/errors.js';
import { commandDefinitions } from './commands.js';
import { loadDotEnv } from '../../src/config.js';
import { parseDiscordConfig, type DiscordConfig } from './discord-config.js';

/** What a registration did. */
export interface RegistrationResult {
  scope: 'guild' | 'global';
  guildId?: string;
  /** Command names as Discord now has them. */
  names: string[];
}

// Discord answers a bulk overwrite with the commands it now has; only their names are used.
const registeredSchema = z.array(z.object({ name: z.string(), id: z.string().optional() }));

/**
 * Replaces the bot's slash commands with this version's: for one guild when `DISCORD_GUILD_ID`
 * is set (visible at once), else globally (Discord may take up to an hour to show them).
 */
export const registerCommands = async (config: DiscordConfig): Promise<RegistrationResult> => {
  const rest = new REST(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }).setToken(
    config.DISCORD_TOKEN,
  );
  const guildId = config.DISCORD_GUILD_ID;
  const route =
    guildId === undefined
      ? Routes.applicationCommands(config.DISCORD_APPLICATION_ID)
      : Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guildId);
  const response = registeredSchema.parse(await rest.put(route, { body: commandDefinitions() }));
  const names = response.map((command) => command.name);
  return guildId === undefined ? { scope: 'global', names } : { scope: 'guild', guildId, names };
};

/** One line for people: what was registered where. */
export const describeRegistration = (result: RegistrationResult): string => {
  const where = result.scope === 'guild' ? `guild ${result.guildId ?? '?'}` : 'all guilds (global; may take up to an hour to appear)';
  return `Registered ${result.names.length} Discord commands for ${where}: ${result.names.map((name) => `/${name}`).join(', ')}`;
};

/** Entry point of `npm run discord:register`: exit code 1 on bad configuration, 2 when Discord refuses. */
export const runRegisterCli = async (env: Record<string, string | undefined>): Promise<number> => {
  let config: DiscordConfig;
  try {
    config = parseDiscordConfig(env);
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n`);
    return 1;
  }
  try {
    process.stdout.write(`${describeRegistration(await registerCommands(config))}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`Registering Discord commands failed: ${errorMessage(error)}\n`);
    return 2;
  }
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotEnv();
  process.exitCode = await runRegisterCli(process.env);
}
