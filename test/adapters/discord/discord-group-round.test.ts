import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { silentLogger } from '../../../src/core/ports.js';
import { MemoryResultStore } from '../../../src/storage/memory-stores.js';
import { MemoryRoundStore } from '../../../src/storage/memory-round-store.js';
import { TestClock } from '../../assessment/fakes.js';
import { roundBot } from '../../rounds/round-harness.js';
import { FakeDiscord } from './fake-discord.js';
import { EPHEMERAL, type StoredMessage } from './fake-discord-messages.js';
import { APPLICATION_ID, BOT_USER, buttonClick, slashCommand, userMessage } from './fake-discord-payloads.js';
import { ADMIN, ALICE, BOB, CAROL, GUILD_A, bodyOf, nextCall, type MessageBody } from './test-harness.js';

let fake: FakeDiscord | undefined;
let app: DiscordApp | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = undefined;
  fake = undefined;
});

const customIds = (components: unknown[]): string[] =>
  (components as Array<{ components: Array<{ custom_id: string }> }>).flatMap((row) => row.components.map((button) => button.custom_id));

describe('a city-wide round in Discord', () => {
  it('answers each respondent in ephemeral replies and posts the summary with its chart to the channel', async () => {
    fake = await FakeDiscord.start([GUILD_A]);
    for (const user of [ALICE, ADMIN, CAROL, BOB]) fake.users.set(user.id, user);
    const stores = { rounds: new MemoryRoundStore(), results: new MemoryResultStore() };
    const clock = new TestClock(new Date('2026-12-02T10:00:00Z'));
    const { bot, closer, notifiers, service } = roundBot(stores, clock);
    const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
    app = createDiscordApp({ config, bot, logger: silentLogger });
    await app.start();
    notifiers.discord = app.notifier;
    const discord = fake;
    const channelPosts = `/channels/${GUILD_A.channelId}/messages`;

    // A member with Manage Server opens the round with the /assess options.
    let since = discord.requests.length;
    discord.interact(slashCommand({ id: '874000000000000001', token: 'tok-open', user: ADMIN, guild: GUILD_A, name: 'assess', options: { framework: 'niace', city: 'Leeds', group: 'yes', until: 'Friday 17:00' } }));
    const invitationPost = bodyOf(await nextCall(discord, since, 'POST', new RegExp(`^${channelPosts}$`, 'u')));
    expect(invitationPost.content).toContain('City-wide assessment: Leeds');
    expect(invitationPost.content).toContain('Open until Fri 4 Dec 2026, 17:00 GMT');
    const confirm = bodyOf(await nextCall(discord, since, 'PATCH', /tok-open\/messages\/@original$/u));
    expect(confirm.content).toMatch(/Round `g\w+` is open/);
    const invitation = [...discord.messages.byId.values()].find((m) => m.content.includes('City-wide assessment: Leeds')) as StoredMessage;
    const [join] = customIds(invitation.components);
    expect(join).toMatch(/^group:g\w+:join$/);

    let clicks = 0;
    /** Clicks `customId` on `message` as `user`; resolves with the interaction callback's body. */
    const click = async (user: typeof ALICE, message: StoredMessage, customId: string): Promise<MessageBody> => {
      clicks += 1;
      const token = `tok-click-${clicks}`;
      since = discord.requests.length;
      discord.interact(buttonClick({ id: `8740000000001${String(clicks).padStart(5, '0')}`, token, user, guild: GUILD_A, customId, message: discord.messages.toApi(message) }));
      return bodyOf(await nextCall(discord, since, 'POST', new RegExp(`/${token}/callback$`, 'u')));
    };
    /** The private step the user sees now: their newest ephemeral message with buttons. */
    const step = (user: typeof ALICE): StoredMessage => {
      const mine = [...discord.messages.byId.values()].filter(
        (m) => (m.flags & EPHEMERAL) !== 0 && !m.deleted && (m.interactionMetadata as { user?: { id?: string } } | undefined)?.user?.id === user.id,
      );
      const found = mine.filter((m) => m.components.length > 0).at(-1);
      if (found === undefined) throw new Error(`${user.username} has no private step`);
      return found;
    };

    const plans: Array<[typeof ALICE, number[]]> = [
      [ALICE, [3, 3, 3, 1, 1, 1, 2, 2, 2]],
      [CAROL, [2, 2, 2, 3, 3, 3, 2, 2, 2]],
      [BOB, [2, 2, 2, 1, 1, 1, 0, 0, 0]],
    ];
    for (const [user, levels] of plans) {
      const joined = await click(user, invitation, join ?? '');
      // A new ephemeral reply (type 4, flag 64); the channel's message is not touched.
      expect(joined.type).toBe(4);
      expect(joined.data?.flags).toBe(EPHEMERAL);
      expect(joined.data?.content).toContain('your own view, seen by nobody else');
      const question = bodyOf(await nextCall(discord, since, 'POST', /\/webhooks\/\d+\/tok-click-\d+$/u));
      expect(question.flags).toBe(EPHEMERAL);
      expect(question.content).toContain('Question 1 of 9');
      // Bob types his last answer to the bot in the channel instead: it goes to his direct messages.
      const typedLast = user === BOB;
      for (const level of typedLast ? levels.slice(0, -1) : levels) {
        const current = step(user);
        const id = customIds(current.components).find((custom) => custom.includes(`:assess:answer:${level}:`));
        const answered = await click(user, current, id ?? '');
        // The ephemeral step is replaced in place (type 7 on a message with flag 64).
        expect(answered.type).toBe(7);
        expect(current.flags & EPHEMERAL).toBe(EPHEMERAL);
      }
    }
    since = discord.requests.length;
    discord.dispatch('MESSAGE_CREATE', userMessage({ id: '840000000000009001', user: BOB, guild: GUILD_A, content: `<@${BOT_USER.id}> 0`, mentionsBot: true }));
    const dm = `/channels/${discord.dmChannelOf(BOB)}/messages`;
    const privately = bodyOf(await nextCall(discord, since, 'POST', new RegExp(`^${dm}$`, 'u')));
    expect(privately.content).toContain('Thank you: your answers for Leeds are in (3 people have answered so far)');
    const thanks = [...discord.messages.byId.values()].filter((m) => m.content.includes('Thank you: your answers for Leeds are in'));
    expect(thanks).toHaveLength(3);
    for (const message of thanks.slice(0, 2)) expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(discord.calls('POST', new RegExp(`^${channelPosts}$`, 'u'))).toHaveLength(1);
    await service.idle();
    expect(discord.messages.get(invitation.id)?.content).toContain('**3** people have answered so far.');

    clock.set('2026-12-04T17:00:00Z');
    since = discord.requests.length;
    expect(await closer.tick()).toBe(1);
    const summaryPost = await discord.waitForRequest(
      (r) => discord.requests.indexOf(r) >= since && r.method === 'POST' && r.path === channelPosts && r.files.length > 0,
    );
    const summary = bodyOf(summaryPost);
    const shown = `${summary.content ?? ''} ${JSON.stringify(summary.embeds ?? [])}`;
    expect(shown).toContain('3 respondents');
    expect(shown).toContain('median 1 · range 1 to 3 · middle half 1–2 · agreement 67%');
    expect(shown).toContain('partners disagree most on Participation: answers from 1 to 3');
    expect(summaryPost.files[0]?.filename).toBe('round-niace-quick-leeds.png');
    await service.idle();
    expect(discord.messages.get(invitation.id)?.content).toContain('This round closed with 3 respondents');
    // Nothing outside the ephemeral replies names a respondent or shows an answer.
    for (const message of discord.messages.byId.values()) {
      if ((message.flags & EPHEMERAL) !== 0) continue;
      expect(message.content).not.toMatch(/alice|carol|bob|Noted:/iu);
    }
  });

  it('lets anyone take part from an invitation that came back as the command’s reply', async () => {
    fake = await FakeDiscord.start([GUILD_A]);
    for (const user of [ALICE, ADMIN]) fake.users.set(user.id, user);
    const stores = { rounds: new MemoryRoundStore(), results: new MemoryResultStore() };
    const { bot } = roundBot(stores, new TestClock(new Date('2026-12-02T10:00:00Z')));
    const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
    // No notifier wired: the invitation cannot be posted, so the command's reply carries it.
    app = createDiscordApp({ config, bot, logger: silentLogger });
    await app.start();
    const discord = fake;
    let since = discord.requests.length;
    discord.interact(slashCommand({ id: '875000000000000001', token: 'tok-open-2', user: ADMIN, guild: GUILD_A, name: 'assess', options: { framework: 'niace', city: 'Cork', group: 'yes' } }));
    await nextCall(discord, since, 'POST', /\/webhooks\/\d+\/tok-open-2$/u);
    const invitation = [...discord.messages.byId.values()].find((m) => m.content.includes('City-wide assessment: Cork')) as StoredMessage;
    expect(invitation.interactionMetadata).toMatchObject({ user: { id: ADMIN.id } });
    since = discord.requests.length;
    discord.interact(buttonClick({ id: '875000000000000002', token: 'tok-join-2', user: ALICE, guild: GUILD_A, customId: customIds(invitation.components)[0] ?? '', message: discord.messages.toApi(invitation) }));
    const joined = bodyOf(await nextCall(discord, since, 'POST', /\/tok-join-2\/callback$/u));
    expect(joined.data?.flags).toBe(EPHEMERAL);
    expect(joined.data?.content).toContain('your own view, seen by nobody else');
  });
});
