import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackKeyFor } from '../../../src/core/bot.js';
import { feedbackValue } from '../../../src/core/replies.js';
import { BOT_USER, buttonClick, messageObject, slashCommand } from './fake-discord-payloads.js';
import { ALICE, bodyOf, GUILD_A, nextCall, startHarness, type Harness } from './test-harness.js';

/**
 * Discord refuses a first response later than three seconds after the interaction. The fake keeps
 * that deadline on its own clock; these tests hold the core until the bot has acknowledged (or
 * one second has passed), then move the fake's clock past the deadline, as a slow core would.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ackWithinMs: 50 });
});
afterAll(async () => {
  await h.close();
});

/** Holds the next core call until a callback of `type` arrives for `token`, then lets 3 s pass. */
const slowCoreUntilAcknowledged = (token: string, type: number): void => {
  h.bot.gate = async () => {
    h.bot.gate = undefined;
    await h.fake
      .waitForRequest((r) => r.path.endsWith(`/${token}/callback`) && bodyOf(r).type === type, 1_000)
      .catch(() => undefined);
    h.fake.advanceTime(3_000);
  };
};

describe('an interaction the core takes long to answer', () => {
  it('defers a command meant to be answered at once, then fills the deferred reply', async () => {
    const since = h.fake.requests.length;
    slowCoreUntilAcknowledged('tok-slow-help', 5);
    h.fake.interact(slashCommand({ id: '877000000000000001', token: 'tok-slow-help', user: ALICE, guild: GUILD_A, name: 'help' }));
    const edit = await nextCall(h.fake, since, 'PATCH', /tok-slow-help\/messages\/@original$/u);
    expect(edit.status).toBe(200);
    expect(h.fake.calls('POST', /tok-slow-help\/callback$/u).map((r) => [bodyOf(r).type, r.status])).toEqual([[5, 204]]);
    expect(h.fake.originalOf('tok-slow-help')?.content).toContain('**Learning-city bot**');
  });

  it('defers the update of a clicked assessment prompt, then edits the prompt to the next question', async () => {
    const since = h.fake.requests.length;
    h.fake.interact(slashCommand({ id: '877000000000000002', token: 'tok-slow-assess', user: ALICE, guild: GUILD_A, name: 'assess', options: { city: 'Cork' } }));
    await nextCall(h.fake, since, 'PATCH', /tok-slow-assess\/messages\/@original$/u);
    const prompt = h.fake.originalOf('tok-slow-assess');
    expect(prompt?.content).toContain('Question 1 of 3');
    if (prompt === undefined) return;

    const at = h.fake.requests.length;
    slowCoreUntilAcknowledged('tok-slow-click', 6);
    h.fake.interact(buttonClick({ id: '877000000000000003', token: 'tok-slow-click', user: ALICE, guild: GUILD_A, customId: 'assess:answer:2', message: h.fake.messages.toApi(prompt) }));
    const edit = await nextCall(h.fake, at, 'PATCH', /tok-slow-click\/messages\/@original$/u);
    expect(edit.status).toBe(200);
    expect(h.fake.calls('POST', /tok-slow-click\/callback$/u).map((r) => [bodyOf(r).type, r.status])).toEqual([[6, 204]]);
    expect(h.fake.messages.get(prompt.id)?.content).toContain('Question 2 of 3');
  });

  it('defers a slow 👍 click and thanks the clicker privately', async () => {
    const at = h.fake.requests.length;
    const answer = messageObject({ id: '857000000000000001', channelId: GUILD_A.channelId, guildId: GUILD_A.id, author: BOT_USER, content: 'A learning city…' });
    slowCoreUntilAcknowledged('tok-slow-up', 6);
    h.fake.interact(buttonClick({ id: '877000000000000004', token: 'tok-slow-up', user: ALICE, guild: GUILD_A, customId: feedbackValue(feedbackKeyFor('q'), true), message: answer }));
    const thanks = await nextCall(h.fake, at, 'POST', /^\/webhooks\/\d+\/tok-slow-up$/u);
    expect(thanks.status).toBe(200);
    expect(bodyOf(thanks)).toMatchObject({ content: 'Thanks for the feedback!', flags: 64 });
    expect(h.fake.messages.get('857000000000000001')?.content).toBe('A learning city…');
  });
});
