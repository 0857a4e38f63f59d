import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from './fake-discord.js';
import { APPLICATION_ID, BOT_USER, buttonClick, messageObject, slashCommand, type FakeGuild, type FakeUser } from './fake-discord-payloads.js';
import { ALICE, BOB, bodyOf, CAROL, GUILD_A, GUILD_B, nextCall, startHarness, type Harness, type MessageBody } from './test-harness.js';
import { PNG } from './test-bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

let ids = 0;
const nextInteractionId = (): string => `87100000000000${String(++ids).padStart(4, '0')}`;

/** The message Discord would hand back on a click: what the bot last showed, made by `/assess`. */
const shownMessage = (guild: FakeGuild, owner: FakeUser | null, shown: MessageBody): Record<string, unknown> =>
  messageObject({
    // discord.js caches messages by id: one made by no known command must not share an id with one that was.
    id: owner === null ? '850000000000000200' : '850000000000000100',
    channelId: guild.channelId,
    guildId: guild.id,
    author: BOT_USER,
    content: shown.content ?? '',
    components: shown.components ?? [],
    interactionMetadata: owner === null ? undefined : { id: '871000000000009999', type: 2, name: 'assess', command_type: 1, user: { id: owner.id, username: owner.username, discriminator: '0', global_name: null, avatar: null }, authorizing_integration_owners: { '0': guild.id } },
  });

const buttonsOf = (body: MessageBody): string[] => (body.components ?? []).flatMap((row) => row.components.map((b) => b.custom_id));

/** Clicks `customId` on `shown` and returns the interaction callback Discord received. */
const click = async (
  user: FakeUser,
  guild: FakeGuild,
  shown: MessageBody,
  customId: string,
  token: string,
  /** Who ran the command that made the message; `null` when Discord does not say. */
  owner: FakeUser | null = ALICE,
): Promise<RecordedRequest> => {
  const since = h.fake.requests.length;
  h.fake.interact(buttonClick({ id: nextInteractionId(), token, user, guild, customId, message: shownMessage(guild, owner, shown) }));
  return nextCall(h.fake, since, 'POST', new RegExp(`/${token}/callback$`, 'u'));
};

describe('a self-assessment through Discord buttons', () => {
  it('starts with /assess, updates the prompt in place on each click, and posts the summary with its chart', async () => {
    const since = h.fake.requests.length;
    h.fake.interact(slashCommand({ id: nextInteractionId(), token: 'tok-assess', user: ALICE, guild: GUILD_A, name: 'assess', options: { framework: 'unesco', city: 'Cork' } }));
    const first = bodyOf(await nextCall(h.fake, since, 'PATCH', /tok-assess\/messages\/@original$/u));
    expect(first.content).toBe('**Question 1 of 3** (Cork): How broad is participation?');
    expect(buttonsOf(first)).toEqual(['assess:answer:1', 'assess:answer:2', 'assess:answer:3', 'assess:answer:4', 'assess:skip']);

    const second = bodyOf(await click(ALICE, GUILD_A, first, 'assess:answer:3', 'tok-c1'));
    expect(second.type).toBe(7); // UPDATE_MESSAGE: the same message now shows question 2
    expect(second.data?.content).toContain('Question 2 of 3');
    expect(buttonsOf(second.data ?? {})).toHaveLength(5);

    // Someone else's click on Alice's prompt is turned away privately and changes nothing.
    const intruder = bodyOf(await click(BOB, GUILD_A, second.data ?? {}, 'assess:answer:1', 'tok-bob'));
    expect(intruder).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(intruder.data?.content).toContain(`belongs to ${ALICE.username}`);

    const third = bodyOf(await click(ALICE, GUILD_A, second.data ?? {}, 'assess:skip', 'tok-c2'));
    expect(third.data?.content).toContain('Question 3 of 3');

    const since2 = h.fake.requests.length;
    const last = bodyOf(await click(ALICE, GUILD_A, third.data ?? {}, 'assess:answer:4', 'tok-c3'));
    expect(last).toMatchObject({ type: 7, data: { components: [] } });
    const summary = await nextCall(h.fake, since2, 'POST', new RegExp(`^/webhooks/${APPLICATION_ID}/tok-c3$`, 'u'));
    const embed = bodyOf(summary).embeds?.[0];
    expect(embed?.description).toBe('**Self-assessment for Cork**: 58% overall (2 of 3 answered).');
    expect(embed?.image?.url).toBe('attachment://chart.png');
    expect(summary.files).toHaveLength(1);
    expect(summary.files[0]).toMatchObject({ filename: 'chart.png', contentType: 'image/png' });
    expect(summary.files[0]?.data.equals(PNG)).toBe(true);

    expect(h.assessments.completed.at(-1)?.answers).toEqual([3, null, 4]);
    // Every step saw the same conversation: guild A, its channel, Alice.
    const steps = h.bot.events.filter((e) => e.origin.userId === ALICE.id && e.origin.workspaceId === GUILD_A.id);
    expect(new Set(steps.map((e) => `${e.origin.workspaceId}/${e.origin.channelId}/${e.origin.threadId ?? ''}`))).toEqual(
      new Set([`${GUILD_A.id}/${GUILD_A.channelId}/`]),
    );
  });

  it('keeps assessments in two guilds apart', async () => {
    const since = h.fake.requests.length;
    h.fake.interact(slashCommand({ id: nextInteractionId(), token: 'tok-a2', user: ALICE, guild: GUILD_A, name: 'assess', options: { city: 'Cork' } }));
    h.fake.interact(slashCommand({ id: nextInteractionId(), token: 'tok-b2', user: CAROL, guild: GUILD_B, name: 'assess', options: { city: 'Espoo' } }));
    const inA = bodyOf(await nextCall(h.fake, since, 'PATCH', /tok-a2\/messages\/@original$/u));
    const inB = bodyOf(await nextCall(h.fake, since, 'PATCH', /tok-b2\/messages\/@original$/u));
    expect(inA.content).toContain('(Cork)');
    expect(inB.content).toContain('(Espoo)');

    const clickInB = bodyOf(await click(CAROL, GUILD_B, inB, 'assess:answer:2', 'tok-b2c', CAROL));
    expect(clickInB.data?.content).toContain('Question 2 of 3');
    const carolOrigins = h.assessments.origins.filter((o) => o.userId === CAROL.id);
    expect(carolOrigins.length).toBeGreaterThan(0);
    for (const origin of carolOrigins) expect(origin).toMatchObject({ workspaceId: GUILD_B.id, channelId: GUILD_B.channelId });
    for (const origin of h.assessments.origins.filter((o) => o.userId === ALICE.id)) expect(origin.workspaceId).not.toBe(GUILD_B.id);

    const sessions = [...h.assessments.sessions.keys()];
    expect(sessions.filter((key) => key.startsWith(`discord:${GUILD_B.id}:`))).toEqual([`discord:${GUILD_B.id}:${GUILD_B.channelId}|${CAROL.id}`]);
  });

  it('retires a finished prompt when its owner clicks it; a click on a message of unknown origin stays private', async () => {
    const shown = { content: 'old prompt', components: [] };
    const since = h.fake.requests.length;
    const retired = bodyOf(await click(BOB, GUILD_B, shown, 'assess:answer:1', 'tok-stale', BOB));
    expect(retired).toMatchObject({ type: 7, data: { components: [] } });
    expect(bodyOf(await nextCall(h.fake, since, 'POST', /^\/webhooks\/\d+\/tok-stale$/u)).content).toContain('no longer active');

    const unknown = bodyOf(await click(BOB, GUILD_B, shown, 'assess:answer:1', 'tok-stale-2', null));
    expect(unknown).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(unknown.data?.content).toContain('no longer active');
  });
});
