import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../../adapters/discord/commands.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { describeRegistration, registerCommands, runRegisterCli } from '../../../adapters/discord/register-cli.js';
import { FakeDiscord } from './fake-discord.js';
import { APPLICATION_ID } from './fake-discord-payloads.js';
import { GUILD_A } from './test-harness.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start([GUILD_A], 'register-token');
});
afterAll(async () => {
  await fake.close();
});

const env = (extra: Record<string, string> = {}) => ({
  DISCORD_TOKEN: 'register-token',
  DISCORD_APPLICATION_ID: APPLICATION_ID,
  DISCORD_API_URL: fake.apiUrl,
  ...extra,
});

describe('registering slash commands', () => {
  it('replaces the commands of one guild when DISCORD_GUILD_ID is set', async () => {
    const result = await registerCommands(parseDiscordConfig(env({ DISCORD_GUILD_ID: GUILD_A.id })));
    expect(result).toEqual({ scope: 'guild', guildId: GUILD_A.id, names: [...COMMAND_NAMES] });
    const put = fake.calls('PUT', new RegExp(`^/applications/${APPLICATION_ID}/guilds/${GUILD_A.id}/commands$`, 'u'))[0];
    const sent = put?.body as Array<{ name: string; options?: Array<{ name: string; required?: boolean }> }>;
    expect(sent.map((c) => c.name)).toEqual(['ask', 'assess', 'results', 'export', 'close-round', 'frameworks', 'help']);
    expect(sent.find((c) => c.name === 'ask')?.options).toMatchObject([{ name: 'question', required: true }]);
    expect(describeRegistration(result)).toBe(`Registered 7 Discord commands for guild ${GUILD_A.id}: /ask, /assess, /results, /export, /close-round, /frameworks, /help`);
  });

  it('registers globally without a guild id, and says so', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runRegisterCli(env())).toBe(0);
      expect(String(out.mock.calls[0]?.[0])).toMatch(/^Registered 7 Discord commands for all guilds \(global/u);
    } finally {
      out.mockRestore();
    }
    expect(fake.calls('PUT', new RegExp(`^/applications/${APPLICATION_ID}/commands$`, 'u'))).toHaveLength(1);
  });

  it('exits non-zero listing every configuration problem, without calling Discord', async () => {
    const before = fake.requests.length;
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runRegisterCli({ DISCORD_APPLICATION_ID: 'abc', DISCORD_GUILD_ID: '1' })).toBe(1);
      const message = String(err.mock.calls[0]?.[0]);
      expect(message).toContain('DISCORD_TOKEN is required');
      expect(message).toContain('DISCORD_APPLICATION_ID must be a Discord id');
      expect(message).toContain('DISCORD_GUILD_ID must be a Discord id');
    } finally {
      err.mockRestore();
    }
    expect(fake.requests.length).toBe(before);
  });

  it('exits with 2 and Discord’s reason when Discord refuses', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runRegisterCli(env({ DISCORD_TOKEN: 'revoked' }))).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/^Registering Discord commands failed: .*401: Unauthorized/u);
    } finally {
      err.mockRestore();
    }
  });
});
