import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { discordEnvSchema, parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { ConfigError } from '../../../src/core/errors.js';

describe('Discord configuration', () => {
  it('parses a complete environment, treating blank optional values as unset', () => {
    expect(
      parseDiscordConfig({ DISCORD_TOKEN: ' t.o.k ', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_GUILD_ID: '', DISCORD_API_URL: 'http://127.0.0.1:9/api/' }),
    ).toEqual({ DISCORD_TOKEN: 't.o.k', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_GUILD_ID: undefined, DISCORD_API_URL: 'http://127.0.0.1:9/api' });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      parseDiscordConfig({ DISCORD_APPLICATION_ID: '12', DISCORD_GUILD_ID: 'guild', DISCORD_API_URL: 'ftp://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = String((error as Error).message).split('\n');
    expect(lines).toEqual([
      'Discord configuration is invalid:',
      '- DISCORD_TOKEN is required (the bot token from the Discord Developer Portal)',
      '- DISCORD_APPLICATION_ID must be a Discord id (17 to 20 digits)',
      '- DISCORD_GUILD_ID must be a Discord id (17 to 20 digits)',
      '- DISCORD_API_URL must be an http(s) URL such as https://discord.com/api',
    ]);
  });

  it('composes into a larger environment schema', () => {
    const appSchema = z.object({ LOG_LEVEL: z.string() }).extend(discordEnvSchema.partial().shape);
    expect(appSchema.parse({ LOG_LEVEL: 'info' })).toEqual({ LOG_LEVEL: 'info' });
  });
});
