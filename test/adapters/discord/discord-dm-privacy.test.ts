import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { renderReplies } from '../../../adapters/discord/render.js';
import { createCore, type Core } from '../../../src/app.js';
import type { BotEvent } from '../../../src/core/events.js';
import { silentLogger, type ChatBot } from '../../../src/core/ports.js';
import type { Reply } from '../../../src/core/replies.js';
import { openDatabase } from '../../../src/storage/sqlite-database.js';
import { resultMigrations } from '../../../src/storage/schema.js';
import { FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { APPLICATION_ID, buttonClick, slashCommand, userMessage, type FakeUser } from './fake-discord-payloads.js';
import { ALICE, BOB, CAROL, GUILD_A } from './test-harness.js';

/** The core bot, telling the test what it answered so the test knows how many messages to await. */
class AnsweringBot implements ChatBot {
  readonly #waiting: Array<(replies: Reply[]) => void> = [];
  constructor(private readonly core: ChatBot) {}
  async handle(event: BotEvent): Promise<Reply[]> {
    const replies = await this.core.handle(event);
    this.#waiting.shift()?.(replies);
    return replies;
  }
  next(): Promise<Reply[]> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

let fake: FakeDiscord;
let core: Core;
let bot: AnsweringBot;
let app: DiscordApp;
const dir = mkdtempSync(join(tmpdir(), 'discord-dm-'));

/** Carol assessed Bristol in her DM with the previous release, which kept it under `discord:dm`. */
const previousReleaseDatabase = (path: string): void => {
  const db = openDatabase(path, { migrations: resultMigrations.filter((m) => m.id === 'results-001-create') });
  db.prepare(
    `INSERT INTO assessment_results (workspace, id, platform, channel_id, user_id, city, city_key, framework_id,
       completed_at, overall_percent, components, answers)
     VALUES ('discord:dm', 'old-1', 'discord', ?, ?, 'Bristol', 'bristol', 'niace-quick', '2025-03-03T10:00:00.000Z', 50, '[]', '{}')`,
  ).run(`7${CAROL.id.slice(1)}`, CAROL.id);
  db.close();
};

beforeAll(async () => {
  fake = await FakeDiscord.start([GUILD_A]);
  for (const user of [ALICE, BOB, CAROL]) fake.users.set(user.id, user);
  const databasePath = join(dir, 'bot.db');
  previousReleaseDatabase(databasePath);
  core = await createCore({ knowledgeDir: 'knowledge', databasePath, logger: silentLogger });
  bot = new AnsweringBot(core.bot);
  const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
  app = createDiscordApp({ config, bot, logger: silentLogger });
  await app.start();
});
afterAll(async () => {
  await app.stop();
  await core.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const textOf = (request: RecordedRequest): string => {
  const body = request.body as { content?: string; embeds?: Array<{ description?: string }>; components?: Array<{ components: Array<{ label?: string }> }> };
  const labels = (body.components ?? []).flatMap((row) => row.components.map((button) => button.label ?? ''));
  return [body.content ?? '', ...(body.embeds ?? []).map((embed) => embed.description ?? ''), ...labels].join('\n');
};

/** `user` writes `text` in their DM with the bot; resolves with everything the bot sent back. */
const dm = async (user: FakeUser, text: string): Promise<string> => {
  const channelId = fake.dmChannelOf(user);
  const since = fake.requests.length;
  const answered = bot.next();
  fake.dispatch('MESSAGE_CREATE', userMessage({ id: fake.nextId(), user, channelId, content: text }));
  const expected = renderReplies(await answered).length;
  const posts = (): RecordedRequest[] =>
    fake.requests.slice(since).filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
  await fake.waitForRequest(() => posts().length >= expected);
  return posts().map(textOf).join('\n');
};

/** `user` runs a deferred slash command in their DM; resolves with the edited reply's text. */
const slashInDm = async (user: FakeUser, name: string, token: string): Promise<string> => {
  const since = fake.requests.length;
  fake.interact(slashCommand({ id: fake.nextId(), token, user, dmChannelId: fake.dmChannelOf(user), name }));
  const edit = await fake.waitForRequest((r) => fake.requests.indexOf(r) >= since && r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`));
  return textOf(edit);
};

describe('direct messages are private to their user', () => {
  it('keeps Alice’s DM assessment out of Bob’s results, export and assess in his own DM', async () => {
    await dm(ALICE, 'assess niace-quick for Leeds');
    for (const level of ['3', '3', '3', '2', '2', '2', '1', '1', '1']) await dm(ALICE, level);
    expect((await core.stores.results.list(`discord:dm:${ALICE.id}`)).map((r) => r.city)).toEqual(['Leeds']);

    expect(await dm(ALICE, 'results')).toContain('Leeds');
    const bobResults = await dm(BOB, 'results');
    expect(bobResults).not.toContain('Leeds');
    expect(bobResults.length).toBeGreaterThan(0);
    const bobExport = await dm(BOB, 'export');
    expect(bobExport).not.toContain('Leeds');
    expect(bobExport).not.toContain(ALICE.id);
    const bobAssess = await dm(BOB, 'assess niace-quick');
    expect(bobAssess).toMatch(/which city/iu);
    expect(bobAssess).not.toContain('Leeds');
    await dm(BOB, 'cancel');
  });

  it('answers a slash command in a DM from the DM user’s own workspace', async () => {
    expect(await slashInDm(ALICE, 'results', 'tok-dm-alice')).toContain('Leeds');
    const bob = await slashInDm(BOB, 'results', 'tok-dm-bob');
    expect(bob).not.toContain('Leeds');
    expect(bob.length).toBeGreaterThan(0);
  });

  it('runs an assessment by buttons in a DM, kept in the DM user’s own workspace', async () => {
    const channelId = fake.dmChannelOf(ALICE);
    const since = fake.requests.length;
    fake.interact(slashCommand({ id: fake.nextId(), token: 'tok-dm-assess', user: ALICE, dmChannelId: channelId, name: 'assess', options: { framework: 'niace-quick', city: 'York' } }));
    await fake.waitForRequest((r) => fake.requests.indexOf(r) >= since && /\/tok-dm-assess(\/|$)/u.test(r.path) && textOf(r).includes('Question 1'));
    const prompt = [...fake.messages.byId.values()].filter((m) => m.channelId === channelId && m.components.length > 0).at(-1);
    expect(prompt).toBeDefined();
    if (prompt === undefined) return;
    const at = fake.requests.length;
    fake.interact(buttonClick({ id: fake.nextId(), token: 'tok-dm-click', user: ALICE, dmChannelId: channelId, customId: 'assess:answer:2', message: fake.messages.toApi(prompt) }));
    const callback = await fake.waitForRequest((r) => fake.requests.indexOf(r) >= at && r.path.endsWith('/tok-dm-click/callback'));
    expect(callback.body).toMatchObject({ type: 7 });
    expect(textOf({ ...callback, body: (callback.body as { data?: unknown }).data })).toContain('Question 2');
    expect((await core.stores.sessions.listByWorkspace(`discord:dm:${ALICE.id}`)).map((s) => s.city)).toEqual(['York']);
    expect(await core.stores.sessions.listByWorkspace('discord:dm')).toEqual([]);
  });

  it('shows a DM result saved by the previous release to its own user only', async () => {
    expect(await dm(CAROL, 'results')).toContain('Bristol');
    expect(await slashInDm(CAROL, 'results', 'tok-dm-carol')).toContain('Bristol');
    expect(await dm(ALICE, 'results')).not.toContain('Bristol');
    expect(await dm(BOB, 'results')).not.toContain('Bristol');
  });
});
