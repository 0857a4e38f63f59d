import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER, slashCommand, userMessage } from './fake-discord-payloads.js';
import { ALICE, bodyOf, GUILD_A, nextCall, startHarness, type Harness } from './test-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const mention = (content: string) =>
  userMessage({ id: h.fake.nextId(), user: ALICE, guild: GUILD_A, content: `<@${BOT_USER.id}> ${content}`, mentionsBot: true });

describe('a gateway disconnect', () => {
  it('is followed by RESUME; the event missed meanwhile is replayed and answered, and the bot keeps answering', async () => {
    const resumed = new Promise<void>((resolve) => h.app.client.once(Events.ShardResume, () => resolve()));
    const since = h.fake.requests.length;
    h.fake.disconnect(4000);
    // Sent while the bot has no socket: Discord keeps it for the session and replays it on RESUME.
    const missed = mention('What is a learning city?');
    h.fake.dispatch('MESSAGE_CREATE', missed);
    await resumed;

    const answer = await nextCall(h.fake, since, 'POST', new RegExp(`^/channels/${GUILD_A.channelId}/messages$`, 'u'));
    expect(bodyOf(answer).message_reference?.message_id).toBe(missed['id']);
    expect(bodyOf(answer).content).toContain('A learning city promotes lifelong learning');
    expect(h.fake.gateway.resumes).toHaveLength(1);
    expect(h.fake.gateway.resumes[0]).toMatchObject({ token: h.fake.token, session_id: 'fake-session-1' });
    // Resumed, not identified again: the session and its guilds carried on.
    expect(h.fake.identifies).toHaveLength(1);
    expect(h.fake.gateway.connected).toBe(1);
    expect(h.logger.entries.some((entry) => entry.msg === 'discord gateway resumed')).toBe(true);

    const after = h.fake.requests.length;
    h.fake.interact(slashCommand({ id: '876000000000000001', token: 'tok-after-resume', user: ALICE, guild: GUILD_A, name: 'help' }));
    const help = await nextCall(h.fake, after, 'POST', /tok-after-resume\/callback$/u);
    expect(bodyOf(help)).toMatchObject({ type: 4 });
    expect(h.bot.events.filter((event) => event.type === 'message')).toHaveLength(2);
  });
});
