import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createCore } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { threePageReport } from '../../support/document-files.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { FakeDiscord } from './fake-discord.js';
import { APPLICATION_ID, slashCommand } from './fake-discord-payloads.js';
import { ALICE, bodyOf, GUILD_A, nextCall } from './test-harness.js';

const knowledgeDir = copyKnowledge();
const dataDir = mkdtempSync(join(tmpdir(), 'discord-pdf-'));
afterAll(() => {
  rmSync(knowledgeDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Discord, the real core and a PDF in the knowledge folder', () => {
  it('cites the page an answer comes from under /ask', async () => {
    writeFileSync(join(knowledgeDir, 'unesco-guidelines.pdf'), await threePageReport());
    const fake = await FakeDiscord.start([GUILD_A]);
    const core = await createCore({ knowledgeDir, databasePath: join(dataDir, 'bot.db'), logger: silentLogger });
    const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
    const app = createDiscordApp({ config, bot: core.bot, logger: silentLogger });
    await app.start();
    try {
      const since = fake.requests.length;
      fake.interact(slashCommand({ id: '873000000000000301', token: 'tok-pdf-ask', user: ALICE, guild: GUILD_A, name: 'ask', options: { question: 'How are learning festivals funded?' } }));
      const edit = bodyOf(await nextCall(fake, since, 'PATCH', /tok-pdf-ask\/messages\/@original$/u));
      expect(edit.content).toContain('**Sources:**\n• UNESCO Guidelines for Building Learning Cities, p. 2 (`unesco-guidelines.pdf`)');
    } finally {
      await app.stop();
      await core.close();
      await fake.close();
    }
  });
});
