import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createBot } from '../../../src/core/bot.js';
import { silentLogger } from '../../../src/core/ports.js';
import { FakeDiscord } from './fake-discord.js';
import { APPLICATION_ID, slashCommand } from './fake-discord-payloads.js';
import { ALICE, bodyOf, GUILD_A, nextCall } from './test-harness.js';
import { TableAnswers, ThreeQuestionAssessments } from './test-bot.js';

let fake: FakeDiscord;
beforeAll(async () => {
  // As for a new app: no privileged intent (Message Content, Server Members, Presence) switched on.
  fake = await FakeDiscord.start([GUILD_A], 'main-token', { grantedIntents: 0 });
});
afterAll(async () => {
  await fake.close();
});

describe('starting the Discord adapter the way src/main.ts does', () => {
  it('reads the environment, connects through DISCORD_API_URL and answers a dispatched /ask', async () => {
    const env = { DISCORD_TOKEN: 'main-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: `${fake.apiUrl}/`, UNRELATED: 'x' };
    const app = createDiscordApp({
      config: parseDiscordConfig(env),
      bot: createBot({ answers: new TableAnswers(), assessments: new ThreeQuestionAssessments() }),
      logger: silentLogger,
    });
    try {
      await app.start();
      expect(fake.identifies).toHaveLength(1);
      // Guilds, GuildMessages and DirectMessages: no privileged intent, none granted to the fake's app.
      expect(fake.identifies[0]).toMatchObject({ token: 'main-token', intents: 1 | 512 | 4096 });
      const since = fake.requests.length;
      fake.interact(slashCommand({ id: '872000000000000001', token: 'tok-main', user: ALICE, guild: GUILD_A, name: 'ask', options: { question: 'What is a learning city?' } }));
      const edit = await nextCall(fake, since, 'PATCH', /^\/webhooks\/\d+\/tok-main\/messages\/@original$/u);
      expect(bodyOf(edit).content).toContain('A learning city promotes lifelong learning');
    } finally {
      await app.stop();
    }
  });

  it('fails to start with a clear reason when Discord rejects the token', async () => {
    const app = createDiscordApp({
      config: parseDiscordConfig({ DISCORD_TOKEN: 'wrong-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl }),
      bot: createBot({ answers: new TableAnswers() }),
      logger: silentLogger,
    });
    try {
      await expect(app.start()).rejects.toThrow(/^Discord login failed: An invalid token was provided/u);
    } finally {
      await app.stop();
    }
  });
});
