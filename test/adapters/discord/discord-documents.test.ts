import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { FakeDiscord } from './fake-discord.js';
import { APPLICATION_ID, BOT_USER, userMessage, type FakeGuild, type FakeUser } from './fake-discord-payloads.js';
import { ADMIN, ALICE, BOB, GUILD_A, GUILD_B, bodyOf, nextCall } from './test-harness.js';

/**
 * Attachments sent to the bot in Discord, through real discord.js against the fake Discord (its
 * CDN serves each upload from a signed link) and the real core on SQLite. Aoife has Manage Server
 * in Cork's server, so she is a coordinator there; Alice is not.
 */
const knowledgeDir = copyKnowledge();
const dir = mkdtempSync(join(tmpdir(), 'discord-documents-'));
const strategy = readFileSync(new URL('../../fixtures/documents/cork-strategy.md', import.meta.url));
const QUESTION = 'how much does the council set aside for the learning hubs?';

let fake: FakeDiscord;
let core: Core;
let app: DiscordApp;
beforeAll(async () => {
  fake = await FakeDiscord.start([GUILD_A, GUILD_B]);
  for (const user of [ALICE, ADMIN, BOB]) fake.users.set(user.id, user);
  core = await createCore({ knowledgeDir, databasePath: join(dir, 'bot.db'), logger: silentLogger });
  const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
  app = createDiscordApp({ config, bot: core.bot, logger: silentLogger });
  await app.start();
});
afterAll(async () => {
  await app.stop();
  await core.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

let ids = 0;
/** @mentions the bot in `guild`'s channel with `text` and the attachments, and returns the bot's reply. */
const say = async (user: FakeUser, guild: FakeGuild, text: string, attachments: unknown[] = []): Promise<string> => {
  const since = fake.requests.length;
  const message = userMessage({ id: `84100000000000${String(1000 + ++ids)}`, user, guild, content: `<@${BOT_USER.id}> ${text}`, mentionsBot: true });
  fake.dispatch('MESSAGE_CREATE', { ...message, attachments });
  const reply = await nextCall(fake, since, 'POST', new RegExp(`^/channels/${guild.channelId}/messages$`, 'u'), 20_000);
  return bodyOf(reply).content ?? '';
};

describe('documents attached to a message in Discord', () => {
  it('adds a coordinator’s attachment, fetched from the CDN without the bot token, and answers from it in that server only', async () => {
    expect(await say(ALICE, GUILD_A, QUESTION)).not.toContain('2.4 million');
    const upload = fake.attachments.add(GUILD_A.channelId, 'cork-strategy.md', strategy, 'text/markdown; charset=utf-8');
    const added = await say(ADMIN, GUILD_A, 'add document', [upload]);
    expect(added).toContain('added: ');
    expect(added).toContain('Cork Learning Strategy 2030');
    expect(added).toContain('no page numbers (a text file), 3 passages');
    expect(fake.attachments.fetched).toEqual([{ path: expect.stringMatching(/\/cork-strategy\.md$/u), status: 200, authorization: undefined }]);

    const answer = await say(ALICE, GUILD_A, QUESTION);
    expect(answer).toContain('The council sets aside 2.4 million euro a year for the neighbourhood learning hubs');
    expect(answer).toContain('cork-strategy.md');

    const elsewhere = await say(BOB, GUILD_B, QUESTION);
    expect(elsewhere).not.toContain('2.4 million');
    expect(elsewhere).not.toContain('cork-strategy.md');
    expect(await say(BOB, GUILD_B, 'documents')).toContain('no documents of its own yet');
    expect(await say(ALICE, GUILD_A, 'documents')).toContain('Cork Learning Strategy 2030');
  });

  it('refuses an attachment from a member without Manage Server, without fetching it', async () => {
    const before = fake.attachments.fetched.length;
    const upload = fake.attachments.add(GUILD_A.channelId, 'plan.md', Buffer.from('# Plan\n\nA plan.'), 'text/markdown');
    expect(await say(ALICE, GUILD_A, 'add document', [upload])).toContain('Only coordinators can add or remove this workspace’s documents');
    expect(fake.attachments.fetched).toHaveLength(before);
  });

  it('says so when the attachment’s link no longer works', async () => {
    const upload = fake.attachments.add(GUILD_A.channelId, 'minutes.md', Buffer.from('# Minutes\n\nWe met.'), 'text/markdown');
    const expired = { ...upload, url: String(upload['url']).replace(/hm=[0-9a-f]+/u, 'hm=00') };
    expect(await say(ADMIN, GUILD_A, 'add document', [expired])).toContain(
      'Not added: `minutes.md` could not be fetched: Discord no longer has it; please send it again. Nothing was changed.',
    );
    expect(fake.attachments.fetched.at(-1)?.status).toBe(404);
  });
});
