import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { seedUser } from '../../privacy/seed.js';
import { sqliteRows } from '../../privacy/table-scan.js';
import { EPHEMERAL } from './fake-discord-messages.js';
import { FakeDiscord } from './fake-discord.js';
import { APPLICATION_ID, BOT_USER, buttonClick, messageObject, userMessage } from './fake-discord-payloads.js';
import { ALICE, BOB, bodyOf, GUILD_A, GUILD_B, nextCall } from './test-harness.js';

const knowledgeDir = copyKnowledge();
let running: { app: DiscordApp; core: Core; fake: FakeDiscord } | undefined;
afterEach(async () => {
  await running?.app.stop();
  await running?.core.close();
  await running?.fake.close();
  running = undefined;
});

describe('Discord: forget me', () => {
  it('shows Confirm and Cancel buttons; only the asker’s Confirm deletes, and the outcome is shown to them alone', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lc-discord-forget-')), 'bot.db');
    const core = await createCore({ knowledgeDir, databasePath: path, logger: silentLogger });
    const fake = await FakeDiscord.start([GUILD_A, GUILD_B]);
    for (const user of [ALICE, BOB]) fake.users.set(user.id, user);
    const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
    const app = createDiscordApp({ config, bot: core.bot, logger: silentLogger, lifecycle: core.lifecycle });
    running = { app, core, fake };
    await app.start();
    const seeded = new Date('2026-03-01T09:00:00.000Z');
    for (const guild of [GUILD_A, GUILD_B]) {
      await seedUser(core.stores, { platform: 'discord', workspaceId: guild.id, channelId: guild.channelId }, ALICE.id, `g${guild.id}`, seeded);
    }
    const before = sqliteRows(path);

    let since = fake.requests.length;
    fake.dispatch('MESSAGE_CREATE', userMessage({ id: '840000000000000201', user: ALICE, guild: GUILD_A, content: `<@${BOT_USER.id}> forget me`, mentionsBot: true }));
    const prompt = bodyOf(await nextCall(fake, since, 'POST', new RegExp(`/channels/${GUILD_A.channelId}/messages$`, 'u')));
    expect(prompt.content).toContain('Press Confirm to go ahead, or Cancel.');
    const buttons = (prompt.components ?? []).flatMap((row) => row.components);
    expect(buttons.map((button) => button.label)).toEqual(['Confirm', 'Cancel']);
    const confirm = buttons[0]?.custom_id ?? '';
    const shown = messageObject({ id: '853000000000000201', channelId: GUILD_A.channelId, guildId: GUILD_A.id, author: BOT_USER, content: prompt.content ?? '', components: prompt.components ?? [] });

    const click = async (user: typeof ALICE, id: string, token: string): Promise<{ type?: number; data?: { content?: string; flags?: number } }> => {
      since = fake.requests.length;
      fake.interact(buttonClick({ id, token, user, guild: GUILD_A, customId: confirm, message: shown }));
      return bodyOf(await nextCall(fake, since, 'POST', new RegExp(`/${token}/callback$`, 'u')));
    };
    const bobs = await click(BOB, '873000000000000201', 'tok-forget-bob');
    expect(bobs.data?.content).toContain('Only the person who typed `forget me` can confirm it.');
    expect(bobs.data?.flags).toBe(EPHEMERAL);
    expect(sqliteRows(path)).toEqual(before);

    const alices = await click(ALICE, '873000000000000202', 'tok-forget-alice');
    expect(alices.data?.content).toContain('Done: deleted 1 assessment in progress, 1 feedback vote, 2 reminders, 1 set of answers to a city-wide round. 1 completed assessment stays for the city, marked anonymous. 1 document you added stays for the workspace, marked anonymous. 1 city-wide round you opened stays, marked anonymous.');
    expect(alices.data?.flags).toBe(EPHEMERAL);
    const after = sqliteRows(path);
    expect(after.filter((row) => row.includes(ALICE.id) && row.includes(`discord:${GUILD_A.id}`))).toEqual([]);
    // Server B is another council's: Alice's rows there stay until she asks there.
    expect(after.filter((row) => row.includes(`discord:${GUILD_B.id}`))).toEqual(before.filter((row) => row.includes(`discord:${GUILD_B.id}`)));
  });
});
