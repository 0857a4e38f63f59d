import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { APPLICATION_ID, BOT_USER, buttonClick, messageObject, slashCommand } from './fake-discord-payloads.js';
import { ALICE, BOB, bodyOf, GUILD_A, nextCall, type MessageBody } from './test-harness.js';

let fake: FakeDiscord;
let core: Core;
let app: DiscordApp;
const dir = mkdtempSync(join(tmpdir(), 'discord-core-'));
beforeAll(async () => {
  fake = await FakeDiscord.start([GUILD_A]);
  core = await createCore({ knowledgeDir: 'knowledge', databasePath: join(dir, 'bot.db'), logger: silentLogger });
  const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
  app = createDiscordApp({ config, bot: core.bot, logger: silentLogger });
  await app.start();
});
afterAll(async () => {
  await app.stop();
  core.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

let clickIds = 0;
const buttons = (body: MessageBody): string[] => (body.components ?? []).flatMap((row) => row.components.map((b) => b.custom_id));

describe('the project’s own knowledge base and assessments through Discord', () => {
  it('answers /ask from the documents with sources', async () => {
    const since = fake.requests.length;
    fake.interact(slashCommand({ id: '873000000000000001', token: 'tok-real-ask', user: ALICE, guild: GUILD_A, name: 'ask', options: { question: 'What is a learning city?' } }));
    const edit = bodyOf(await nextCall(fake, since, 'PATCH', /tok-real-ask\/messages\/@original$/u));
    expect(edit.content).toContain('**Sources:**');
    expect(edit.content?.length).toBeLessThanOrEqual(2000);
  });

  it('runs a whole framework by buttons, every prompt within Discord’s limits, ending in a chart', async () => {
    const framework = core.frameworks[0];
    expect(framework).toBeDefined();
    let since = fake.requests.length;
    fake.interact(slashCommand({ id: '873000000000000002', token: 'tok-real', user: ALICE, guild: GUILD_A, name: 'assess', options: { framework: framework?.id ?? '', city: 'Cork' } }));
    // The service says what is starting, then asks the first question: the prompt may be a follow-up.
    const first = since;
    let shown = bodyOf(
      await fake.waitForRequest((r) => fake.requests.indexOf(r) >= first && /\/tok-real(\/|$)/u.test(r.path) && (bodyOf(r).components?.length ?? 0) > 0),
    );
    // Discord shows buttons, so the prompt speaks of pressing them.
    expect(shown.content).toContain('Press a level, or type its number or name.');
    expect(shown.content).not.toContain('question <n>');
    let summary: RecordedRequest | undefined;
    for (let step = 0; step < 200 && summary === undefined; step++) {
      const ids = buttons(shown);
      expect(ids.length).toBeLessThanOrEqual(25);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
      expect((shown.content ?? '').length).toBeLessThanOrEqual(2000);
      const choice = ids.find((id) => id.startsWith('assess:answer:')) ?? ids[0];
      expect(choice).toBeDefined();
      since = fake.requests.length;
      const token = `tok-real-${step}`;
      const message = messageObject({
        id: '853000000000000001', channelId: GUILD_A.channelId, guildId: GUILD_A.id, author: BOT_USER, content: shown.content ?? '', components: shown.components ?? [],
        interactionMetadata: { id: '873000000000000002', type: 2, user: { id: ALICE.id, username: ALICE.username, discriminator: '0', global_name: null, avatar: null }, authorizing_integration_owners: { '0': GUILD_A.id } },
      });
      fake.interact(buttonClick({ id: `8730000000000${String(1000 + step)}`, token, user: ALICE, guild: GUILD_A, customId: choice ?? '', message }));
      const callback = bodyOf(await nextCall(fake, since, 'POST', new RegExp(`/${token}/callback$`, 'u')));
      expect(callback.type).toBe(7);
      if ((callback.data?.components ?? []).length > 0) {
        shown = callback.data ?? {};
        continue;
      }
      summary = await fake.waitForRequest((r) => fake.requests.indexOf(r) >= since && r.path.endsWith(`/${token}`) && (r.files.length > 0 || (bodyOf(r).embeds?.length ?? 0) > 0));
    }
    expect(summary).toBeDefined();
    const embed = summary ? bodyOf(summary).embeds?.[0] : undefined;
    expect(embed?.image?.url).toMatch(/^attachment:\/\/[\w.-]+\.png$/u);
    expect(summary?.files[0]?.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await core.stores.results.list(`discord:${GUILD_A.id}`)).toHaveLength(1);
  });

  it('attaches /export as a CSV file named after the server and day', async () => {
    const since = fake.requests.length;
    fake.interact(slashCommand({ id: '873000000000000009', token: 'tok-export', user: ALICE, guild: GUILD_A, name: 'export', options: {} }));
    const request = await fake.waitForRequest((r) => fake.requests.indexOf(r) >= since && /tok-export/u.test(r.path) && r.files.length > 0);
    const today = new Date().toISOString().slice(0, 10);
    expect(request.files.map((file) => file.filename)).toEqual([`${GUILD_A.id}-${today}.csv`]);
    expect(request.files[0]?.data.toString('utf8')).toMatch(/^result_id,completed_at,city,framework_id,/u);
    expect(request.files[0]?.data.toString('utf8')).toContain(',Cork,');
    const content = bodyOf(request).content ?? '';
    expect(content).toContain(`The file \`${GUILD_A.id}-${today}.csv\` is attached.`);
    expect(content).not.toContain('```');
  });

  it('pauses in place, then retires the buttons when the owner cancels', async () => {
    const since = fake.requests.length;
    fake.interact(slashCommand({ id: '873000000000000003', token: 'tok-stop', user: ALICE, guild: GUILD_A, name: 'assess', options: { framework: core.frameworks[0]?.id ?? '', city: 'Espoo' } }));
    const prompt = bodyOf(
      await fake.waitForRequest((r) => fake.requests.indexOf(r) >= since && /\/tok-stop(\/|$)/u.test(r.path) && (bodyOf(r).components?.length ?? 0) > 0),
    );
    const clickOn = async (shown: MessageBody, customId: string, token: string): Promise<MessageBody> => {
      const message = messageObject({
        id: '853000000000000002', channelId: GUILD_A.channelId, guildId: GUILD_A.id, author: BOT_USER, content: shown.content ?? '', components: shown.components ?? [],
        interactionMetadata: { id: '873000000000000003', type: 2, user: { id: ALICE.id, username: ALICE.username, discriminator: '0', global_name: null, avatar: null }, authorizing_integration_owners: { '0': GUILD_A.id } },
      });
      const at = fake.requests.length;
      clickIds += 1;
      fake.interact(buttonClick({ id: String(873000000000100000n + BigInt(clickIds)), token, user: ALICE, guild: GUILD_A, customId, message }));
      return bodyOf(await nextCall(fake, at, 'POST', new RegExp(`/${token}/callback$`, 'u')));
    };
    expect(buttons(prompt)).toContain('assess:stop');
    const paused = await clickOn(prompt, 'assess:stop', 'tok-stop-1');
    expect(paused.type).toBe(7);
    expect(buttons(paused.data ?? {})).toContain('assess:cancel');

    // Cancel asks first, in place, with buttons worded for buttons.
    const asked = await clickOn(paused.data ?? {}, 'assess:cancel', 'tok-stop-2');
    expect(asked.type).toBe(7);
    expect(asked.data?.content).toContain('No answers have been given yet, so none would be lost.');
    expect(asked.data?.content).toContain('Press a button, or type `yes` to discard or `no` to keep it.');
    expect(buttons(asked.data ?? {})).toEqual(['assess:discard', 'assess:keep']);
    const at = fake.requests.length;
    const cancelled = await clickOn(asked.data ?? {}, 'assess:discard', 'tok-stop-3');
    expect(cancelled).toMatchObject({ type: 7, data: { components: [] } });
    const note = bodyOf(await nextCall(fake, at, 'POST', /^\/webhooks\/\d+\/tok-stop-3$/u));
    expect(note.content?.length).toBeGreaterThan(0);
    expect(note.flags ?? 0).toBe(0);
  });
});

describe('a click on someone else’s assessment', () => {
  it('is answered privately with whose assessment it is, and changes nothing', async () => {
    const since = fake.requests.length;
    fake.interact(slashCommand({ id: '873000000000000010', token: 'tok-owner', user: ALICE, guild: GUILD_A, name: 'assess', options: { framework: core.frameworks[0]?.id ?? '', city: 'Galway' } }));
    await fake.waitForRequest((r) => fake.requests.indexOf(r) >= since && /\/tok-owner(\/|$)/u.test(r.path) && (bodyOf(r).components?.length ?? 0) > 0);
    // The prompt as Discord keeps it, with the interaction metadata naming who ran /assess.
    const prompt = [...fake.messages.byId.values()].filter((m) => m.channelId === GUILD_A.channelId && m.components.length > 0).at(-1);
    expect(prompt).toBeDefined();
    if (prompt === undefined) return;
    const shownBefore = JSON.stringify(fake.messages.toApi(prompt));
    const aliceKey = { workspace: `discord:${GUILD_A.id}`, conversation: `discord:${GUILD_A.id}:${GUILD_A.channelId}`, userId: ALICE.id };
    const stateBefore = await core.stores.sessions.get(aliceKey);
    expect(stateBefore).toBeDefined();

    const at = fake.requests.length;
    const firstAnswer = buttons(fake.messages.toApi(prompt) as MessageBody).find((id) => id.startsWith('assess:answer:')) ?? '';
    fake.interact(buttonClick({ id: '873000000000000011', token: 'tok-intruder', user: BOB, guild: GUILD_A, customId: firstAnswer, message: fake.messages.toApi(prompt) }));
    const callback = bodyOf(await nextCall(fake, at, 'POST', /tok-intruder\/callback$/u));
    expect(callback).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(callback.data?.content).toMatch(/^This assessment belongs to alice\./u);

    expect(JSON.stringify(fake.messages.toApi(prompt))).toBe(shownBefore);
    expect(await core.stores.sessions.get(aliceKey)).toEqual(stateBefore);
    expect(await core.stores.sessions.get({ ...aliceKey, userId: BOB.id })).toBeUndefined();
    expect(fake.requests.slice(at).filter((r) => r.path.includes('tok-intruder')).map((r) => r.method)).toEqual(['POST']);
  });
});
