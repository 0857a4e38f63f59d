import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createBot } from '../../../src/core/bot.js';
import { silentLogger } from '../../../src/core/ports.js';
import { FakeDiscord, shardOfGuild } from './fake-discord.js';
import { APPLICATION_ID, BOT_USER, userMessage, type FakeGuild } from './fake-discord-payloads.js';
import { ALICE, bodyOf, GUILD_A, GUILD_ON_SHARD_1, nextCall, SpyBot } from './test-harness.js';
import { TableAnswers } from './test-bot.js';

let fake: FakeDiscord;
const shards: Array<{ app: DiscordApp; bot: SpyBot }> = [];

beforeAll(async () => {
  fake = await FakeDiscord.start([GUILD_A, GUILD_ON_SHARD_1], 'shard-token', { shards: 2 });
  const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
  // Two clients, as two shard processes run them: each identifies as its own shard of two.
  for (const id of [0, 1]) {
    const bot = new SpyBot(createBot({ answers: new TableAnswers() }));
    const app = createDiscordApp({ config, bot, logger: silentLogger, shard: { id, count: 2 } });
    await app.start();
    shards.push({ app, bot });
  }
});
afterAll(async () => {
  for (const { app } of shards) await app.stop();
  await fake.close();
});

const mention = (id: string, guild: FakeGuild, content: string) =>
  userMessage({ id, user: ALICE, guild, content: `<@${BOT_USER.id}> ${content}`, mentionsBot: true });

describe('Discord with two shards', () => {
  it('the test guilds sit on different shards by Discord’s rule', () => {
    expect(shardOfGuild(GUILD_A.id, 2)).toBe(0);
    expect(shardOfGuild(GUILD_ON_SHARD_1.id, 2)).toBe(1);
  });

  it('identifies each client as its shard, and each caches only the guilds of its shard', () => {
    expect(fake.identifies.map((identify) => (identify as { shard?: unknown }).shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...(shards[0]?.app.client.guilds.cache.keys() ?? [])]).toEqual([GUILD_A.id]);
    expect([...(shards[1]?.app.client.guilds.cache.keys() ?? [])]).toEqual([GUILD_ON_SHARD_1.id]);
  });

  it('sends each guild’s messages to exactly one shard, the right one, which answers', async () => {
    for (const [index, guild] of [GUILD_A, GUILD_ON_SHARD_1].entries()) {
      const since = fake.requests.length;
      fake.dispatch('MESSAGE_CREATE', mention(`84000000000000010${index}`, guild, 'What is a learning city?'));
      const post = await nextCall(fake, since, 'POST', new RegExp(`^/channels/${guild.channelId}/messages$`, 'u'));
      expect(bodyOf(post).content).toContain('A learning city promotes lifelong learning');
    }
    const guildsSeen = shards.map(({ bot }) => bot.events.map((event) => event.origin.workspaceId));
    expect(guildsSeen).toEqual([[GUILD_A.id], [GUILD_ON_SHARD_1.id]]);
    expect(fake.calls('POST', /^\/channels\/\d+\/messages$/u)).toHaveLength(2);
  });

  it('delivers a reminder for a guild of the other shard through REST, once', async () => {
    const shard0 = shards[0]?.app;
    expect(shard0?.client.guilds.cache.has(GUILD_ON_SHARD_1.id)).toBe(false);
    const since = fake.requests.length;
    await shard0?.notifier.deliver({ platform: 'discord', workspaceId: GUILD_ON_SHARD_1.id, channelId: GUILD_ON_SHARD_1.channelId }, [
      { text: 'Reminder: *Espoo* has an assessment in progress.' },
    ]);
    const posts = fake.requests.slice(since).filter((r) => r.method === 'POST' && r.path === `/channels/${GUILD_ON_SHARD_1.channelId}/messages`);
    expect(posts.map((post) => bodyOf(post).content)).toEqual(['Reminder: **Espoo** has an assessment in progress.']);
    // The guild is still checked: a channel of that guild is refused for another workspace.
    await expect(
      shard0?.notifier.deliver({ platform: 'discord', workspaceId: GUILD_A.id, channelId: GUILD_ON_SHARD_1.channelId }, [{ text: 'x' }]),
    ).rejects.toThrow(/is not in workspace/u);
  });
});
