import { Events, type Message } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_TEXT } from '../../../adapters/discord/message-handler.js';
import { feedbackKeyFor } from '../../../src/core/bot.js';
import { feedbackValue } from '../../../src/core/replies.js';
import { APPLICATION_ID, BOT_USER, messageObject, slashCommand, userMessage } from './fake-discord-payloads.js';
import { ADMIN, ALICE, bodyOf, CAROL, GUILD_A, GUILD_B, nextCall, startHarness, type Harness } from './test-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const mention = (id: string, content: string, user = ALICE, guild = GUILD_A) =>
  userMessage({ id, user, guild, content: `<@${BOT_USER.id}> ${content}`, mentionsBot: true });

const channelPosts = (since: number, channelId: string) =>
  h.fake.requests.slice(since).filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

describe('Discord adapter against a fake Discord', () => {
  it('answers an @mention in a guild channel with the answer, its sources and feedback buttons', async () => {
    const since = h.fake.requests.length;
    // Neither of these is for the bot; the mention after them is the only thing answered.
    h.fake.dispatch('MESSAGE_CREATE', userMessage({ id: '840000000000000001', user: ALICE, guild: GUILD_A, content: 'just chatting' }));
    h.fake.dispatch('MESSAGE_CREATE', { ...mention('840000000000000002', 'a bot talking'), author: { ...BOT_USER, id: '860000000000000001' } });
    h.fake.dispatch('MESSAGE_CREATE', mention('840000000000000003', 'What is a learning city?'));

    const post = await nextCall(h.fake, since, 'POST', new RegExp(`^/channels/${GUILD_A.channelId}/messages$`));
    const body = bodyOf(post);
    expect(body.content).toContain('A learning city promotes lifelong learning');
    expect(body.content).toContain('**Sources:**\n• Key Features of Learning Cities (`unesco-key-features.md`)');
    expect(body.content).toContain('• Beijing Declaration (`beijing_declaration.md`)');
    expect(body.message_reference?.message_id).toBe('840000000000000003');
    const key = feedbackKeyFor('What is a learning city?');
    expect(body.components?.[0]?.components.map((b) => b.custom_id)).toEqual([feedbackValue(key, true), feedbackValue(key, false)]);
    expect(h.answers.questions.at(-1)).toBe('What is a learning city?');
    expect(channelPosts(since, GUILD_A.channelId)).toHaveLength(1);
  });

  it('gets its own DM answer back through the gateway and does not answer it', async () => {
    const before = h.bot.events.length;
    const since = h.fake.requests.length;
    const dmChannel = h.fake.dmChannelOf(ALICE);
    const echoed = new Promise<Message>((resolve) => {
      const listener = (message: Message): void => {
        if (message.author.id !== BOT_USER.id || message.reference?.messageId !== '840000000000000004') return;
        h.app.client.off(Events.MessageCreate, listener);
        resolve(message);
      };
      h.app.client.on(Events.MessageCreate, listener);
    });
    // In a DM every message is for the bot, so only its author tells the echo apart.
    h.fake.dispatch('MESSAGE_CREATE', userMessage({ id: '840000000000000004', user: ALICE, channelId: dmChannel, content: 'What is a learning city?' }));
    const post = await nextCall(h.fake, since, 'POST', new RegExp(`^/channels/${dmChannel}/messages$`));
    const echo = await echoed;
    expect(echo.content).toBe(bodyOf(post).content);
    expect(h.fake.messages.get(echo.id)?.content).toBe(bodyOf(post).content);
    expect(h.bot.events.slice(before).map((event) => event.origin.userId)).toEqual([ALICE.id]);
    expect(channelPosts(since, dmChannel)).toHaveLength(1);
  });

  it('waits out a 429 as Discord asks and then delivers the answer', async () => {
    const since = h.fake.requests.length;
    h.fake.failNext('POST', new RegExp(`^/channels/${GUILD_A.channelId}/messages$`), 429, 1, { retryAfter: 0.2 });
    h.fake.dispatch('MESSAGE_CREATE', mention('840000000000000005', 'What is a learning city?'));
    const delivered = await h.fake.waitForRequest(
      (r) => h.fake.requests.indexOf(r) >= since && r.path === `/channels/${GUILD_A.channelId}/messages` && r.status === 200,
    );
    expect(channelPosts(since, GUILD_A.channelId).map((r) => r.status)).toEqual([429, 200]);
    expect(bodyOf(delivered).content).toContain('A learning city promotes lifelong learning');
  });

  it('defers /ask, then edits the deferred reply with the answer', async () => {
    const since = h.fake.requests.length;
    h.fake.interact(slashCommand({ id: '870000000000000001', token: 'tok-ask', user: ALICE, guild: GUILD_A, name: 'ask', options: { question: 'What is a learning city?' } }));

    const edit = await nextCall(h.fake, since, 'PATCH', new RegExp(`^/webhooks/${APPLICATION_ID}/tok-ask/messages/@original$`));
    const callback = h.fake.calls('POST', /^\/interactions\/870000000000000001\/tok-ask\/callback$/u)[0];
    expect(callback && bodyOf(callback).type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    expect(h.fake.requests.indexOf(callback ?? edit)).toBeLessThan(h.fake.requests.indexOf(edit));
    expect(bodyOf(edit).content).toContain('A learning city promotes lifelong learning');
    expect(bodyOf(edit).content).toContain('Key Features of Learning Cities');
  });

  it('answers /help at once, without deferring', async () => {
    const since = h.fake.requests.length;
    h.fake.interact(slashCommand({ id: '870000000000000002', token: 'tok-help', user: ALICE, guild: GUILD_A, name: 'help' }));
    const callback = await nextCall(h.fake, since, 'POST', /^\/interactions\/870000000000000002\/tok-help\/callback$/u);
    expect(bodyOf(callback).type).toBe(4); // CHANNEL_MESSAGE_WITH_SOURCE
    expect(bodyOf(callback).data?.content).toContain('**Learning-city bot**');
  });

  it('splits a long answer into messages of at most 2,000 characters without breaking words', async () => {
    const since = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', mention('840000000000000010', 'the long version please'));
    // The feedback buttons ride on the last piece, so its arrival means all pieces were sent.
    await h.fake.waitForRequest((r) => h.fake.requests.indexOf(r) >= since && r.method === 'POST' && (bodyOf(r).components?.length ?? 0) > 0);
    const pieces = channelPosts(since, GUILD_A.channelId).map((r) => bodyOf(r).content ?? '');
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    const answer = h.answers.answer('the long version please').answer;
    const words = pieces.join(' ').split(/\s+/u);
    const expected = `${answer} **Sources:** • GNLC Guidelines (\`gnlc-guidelines.md\`)`.split(/\s+/u);
    expect(words).toEqual(expected);
  });

  it('sends a CSV export too long for one message as fenced pieces, each a valid code block', async () => {
    const since = h.fake.requests.length;
    h.fake.interact(slashCommand({ id: '870000000000000003', token: 'tok-export', user: ALICE, guild: GUILD_A, name: 'export' }));
    await nextCall(h.fake, since, 'PATCH', /^\/webhooks\/\d+\/tok-export\/messages\/@original$/u);
    const first = h.fake.calls('PATCH', /tok-export/u)[0];
    // Pieces after the first come as follow-ups; wait until the CSV's last row has arrived.
    await h.fake.waitForRequest((r) => r.path.includes('tok-export') && (bodyOf(r).content ?? '').includes('city-149,'));
    const pieces = [first, ...h.fake.calls('POST', /^\/webhooks\/\d+\/tok-export$/u)].map((r) => (r ? (bodyOf(r).content ?? '') : ''));
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(2000);
      expect(piece.startsWith('```csv\n')).toBe(true);
      expect(piece.endsWith('\n```')).toBe(true);
      for (const row of piece.split('\n').slice(1, -1)) expect(row).toMatch(/^(workspace,city,date,percent|discord:\d+,city-\d+,2024-05-0\d,\d+)$/u);
    }
  });

  it('keeps guild data per guild and marks Manage Guild members as admins', async () => {
    const since = h.fake.requests.length;
    const before = h.bot.events.length;
    h.fake.dispatch('MESSAGE_CREATE', mention('840000000000000020', 'Who coordinates?', ADMIN));
    h.fake.interact(slashCommand({ id: '870000000000000004', token: 'tok-b', user: ALICE, guild: GUILD_B, name: 'results', options: { city: 'Cork' } }));
    h.fake.dispatch('MESSAGE_CREATE', userMessage({ id: '840000000000000021', user: ALICE, channelId: '880000000000000001', content: 'hello in private' }));

    const edit = await nextCall(h.fake, since, 'PATCH', /tok-b\/messages\/@original$/u);
    expect(bodyOf(edit).content).toContain(`in discord:${GUILD_B.id}`);
    await nextCall(h.fake, since, 'POST', /^\/channels\/880000000000000001\/messages$/u);
    await nextCall(h.fake, since, 'POST', new RegExp(`^/channels/${GUILD_A.channelId}/messages$`));

    const origins = h.bot.events.slice(before).map((event) => event.origin);
    expect(origins).toHaveLength(3);
    expect(origins.find((o) => o.userId === ADMIN.id)).toMatchObject({ workspaceId: GUILD_A.id, channelId: GUILD_A.channelId, isAdmin: true });
    expect(origins.find((o) => o.workspaceId === GUILD_B.id)).toMatchObject({ channelId: GUILD_B.channelId, userId: ALICE.id, isAdmin: false });
    expect(origins.find((o) => o.workspaceId === `dm:${ALICE.id}`)).toMatchObject({ channelId: '880000000000000001', userId: ALICE.id, isAdmin: false });
    // Nothing from guild B was ever routed with guild A's id, or the other way round.
    for (const event of h.bot.events) {
      const channel = event.origin.channelId;
      if (channel === GUILD_A.channelId) expect(event.origin.workspaceId).toBe(GUILD_A.id);
      if (channel === GUILD_B.channelId) expect(event.origin.workspaceId).toBe(GUILD_B.id);
    }
  });

  it('answers with a short apology when the bot fails on a mention or a deferred command', async () => {
    const since = h.fake.requests.length;
    h.bot.failing = true;
    try {
      h.fake.dispatch('MESSAGE_CREATE', mention('840000000000000030', 'anything'));
      const post = await nextCall(h.fake, since, 'POST', new RegExp(`^/channels/${GUILD_A.channelId}/messages$`));
      expect(bodyOf(post).content).toBe(FAILURE_TEXT);

      h.fake.interact(slashCommand({ id: '870000000000000005', token: 'tok-fail', user: ALICE, guild: GUILD_A, name: 'ask', options: { question: 'x' } }));
      // The "thinking…" message becomes the apology.
      const notice = await nextCall(h.fake, since, 'PATCH', /^\/webhooks\/\d+\/tok-fail\/messages\/@original$/u);
      expect(bodyOf(notice)).toMatchObject({ content: FAILURE_TEXT });
      expect(h.fake.originalOf('tok-fail')).toMatchObject({ content: FAILURE_TEXT, deleted: false, flags: 0 });
    } finally {
      h.bot.failing = false;
    }
    expect(h.logger.entries.filter((e) => e.level === 'error' && e.msg?.startsWith('discord'))).not.toHaveLength(0);
  });

  it('passes on the core’s own apology when a port throws inside it', async () => {
    const since = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', mention('840000000000000031', 'boom'));
    const post = await nextCall(h.fake, since, 'POST', new RegExp(`^/channels/${GUILD_A.channelId}/messages$`));
    expect(bodyOf(post).content).toMatch(/^Sorry, something went wrong/u);
  });

  it('tells the channel when Discord refuses the answer (REST 500) and the notice gets through', async () => {
    const since = h.fake.requests.length;
    // discord.js retries a 5xx three times; all four attempts of the answer fail.
    h.fake.failNext('POST', new RegExp(`^/channels/${GUILD_A.channelId}/messages$`), 500, 4);
    h.fake.dispatch('MESSAGE_CREATE', mention('840000000000000040', 'What is a learning city?'));
    const notice = await h.fake.waitForRequest(
      (r) => h.fake.requests.indexOf(r) >= since && r.method === 'POST' && bodyOf(r).content === FAILURE_TEXT,
    );
    expect(notice.path).toBe(`/channels/${GUILD_A.channelId}/messages`);
    expect(channelPosts(since, GUILD_A.channelId)).toHaveLength(5);
    expect(h.logger.entries.some((e) => e.msg === 'discord message failed' && String((e.obj as { err?: unknown }).err).includes('Internal Server Error'))).toBe(true);
  });

  it('shows the apology in the deferred message when editing it with the answer fails', async () => {
    const since = h.fake.requests.length;
    // discord.js retries a 5xx three times: the answer's four PATCHes fail, the apology's goes through.
    h.fake.failNext('PATCH', /^\/webhooks\/\d+\/tok-500\/messages\/@original$/u, 500, 4);
    h.fake.interact(slashCommand({ id: '870000000000000006', token: 'tok-500', user: ALICE, guild: GUILD_A, name: 'ask', options: { question: 'What is a learning city?' } }));
    await h.fake.waitForRequest((r) => h.fake.requests.indexOf(r) >= since && r.path.includes('tok-500') && r.status === 200);
    const edits = h.fake.calls('PATCH', /tok-500\/messages\/@original$/u);
    expect(edits.map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    expect(bodyOf(edits[4] ?? edits[0]!)).toMatchObject({ content: FAILURE_TEXT });
    expect(h.fake.calls('DELETE', /tok-500/u)).toHaveLength(0);
    expect(h.fake.originalOf('tok-500')).toMatchObject({ content: FAILURE_TEXT, deleted: false, flags: 0 });
  });

  it('fills the deferred message with the apology by follow-up when no edit gets through', async () => {
    const since = h.fake.requests.length;
    h.fake.failNext('PATCH', /^\/webhooks\/\d+\/tok-500b\/messages\/@original$/u, 500, 8);
    h.fake.interact(slashCommand({ id: '870000000000000009', token: 'tok-500b', user: ALICE, guild: GUILD_A, name: 'ask', options: { question: 'What is a learning city?' } }));
    const followUp = await nextCall(h.fake, since, 'POST', /^\/webhooks\/\d+\/tok-500b$/u);
    expect(bodyOf(followUp)).toMatchObject({ content: FAILURE_TEXT });
    // Four attempts for the answer, four for the apology, then the follow-up.
    expect(h.fake.calls('PATCH', /tok-500b\/messages\/@original$/u)).toHaveLength(8);
    await expect(nextCall(h.fake, since, 'DELETE', /tok-500b/u, 200)).rejects.toThrow(/did not arrive/u);
    expect(h.fake.originalOf('tok-500b')).toMatchObject({ content: FAILURE_TEXT, deleted: false, flags: 0 });
  });

  it('delivers reminders to a channel or a DM, and refuses another guild’s channel', async () => {
    const since = h.fake.requests.length;
    await h.app.notifier.deliver({ platform: 'discord', workspaceId: GUILD_A.id, channelId: GUILD_A.channelId }, [{ text: 'Reminder: *Cork* has an assessment in progress.' }]);
    expect(bodyOf(channelPosts(since, GUILD_A.channelId)[0] ?? h.fake.requests[0]!).content).toBe('Reminder: **Cork** has an assessment in progress.');

    await h.app.notifier.deliver({ platform: 'discord', workspaceId: `dm:${CAROL.id}`, userId: CAROL.id }, [{ text: 'Your assessment is waiting.' }]);
    expect(h.fake.calls('POST', /^\/users\/@me\/channels$/u).at(-1)?.body).toEqual({ recipient_id: CAROL.id });
    expect(bodyOf(h.fake.requests.at(-1)!)).toMatchObject({ content: 'Your assessment is waiting.' });

    // A reminder set up in Carol's DM goes to her DM channel, which is no one else's workspace.
    const carolsDm = h.fake.dmChannelOf(CAROL);
    await h.app.notifier.deliver({ platform: 'discord', workspaceId: `dm:${CAROL.id}`, channelId: carolsDm }, [{ text: 'In your DM.' }]);
    expect(bodyOf(h.fake.calls('POST', new RegExp(`^/channels/${carolsDm}/messages$`, 'u')).at(-1)!)).toMatchObject({ content: 'In your DM.' });
    await expect(
      h.app.notifier.deliver({ platform: 'discord', workspaceId: `dm:${ALICE.id}`, channelId: carolsDm }, [{ text: 'x' }]),
    ).rejects.toThrow(/not in workspace/u);
    await expect(
      h.app.notifier.deliver({ platform: 'discord', workspaceId: GUILD_A.id, channelId: GUILD_B.channelId }, [{ text: 'x' }]),
    ).rejects.toThrow(/not in workspace/u);
    await expect(
      h.app.notifier.deliver({ platform: 'discord', workspaceId: GUILD_A.id, channelId: '899999999999999999' }, [{ text: 'x' }]),
    ).rejects.toThrow(/delivery to channel 899999999999999999 failed: Unknown Channel/u);
    expect(channelPosts(since, GUILD_B.channelId)).toHaveLength(0);
  });

  it('records a 👍 click privately, leaving the answer untouched', async () => {
    const since = h.fake.requests.length;
    const key = feedbackKeyFor('What is a learning city?');
    const answer = messageObject({ id: '850000000000000001', channelId: GUILD_A.channelId, guildId: GUILD_A.id, author: BOT_USER, content: 'A learning city…' });
    const { buttonClick } = await import('./fake-discord-payloads.js');
    h.fake.interact(buttonClick({ id: '870000000000000007', token: 'tok-up', user: ALICE, guild: GUILD_A, customId: feedbackValue(key, true), message: answer }));
    const callback = await nextCall(h.fake, since, 'POST', /tok-up\/callback$/u);
    expect(bodyOf(callback)).toMatchObject({ type: 4, data: { content: 'Thanks for the feedback!', flags: 64 } });
  });
});
