import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import type { BotEvent } from '../../../src/core/events.js';
import type { ChatBot } from '../../../src/core/ports.js';
import { feedbackValue } from '../../../src/core/replies.js';
import { APOLOGY_TEXT } from '../../../adapters/slack/slack-post.js';
import { fakeAnswers, fakeFeedback } from './fake-ports.js';
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  blockAction,
  captureLogger,
  envelope,
  fakeSlackApi,
  fixture,
  nowSeconds,
  sendAction,
  sendEvent,
  startSlack,
  type RunningSlack,
} from './slack-harness.js';

/** Wraps a bot to record the events it was given. */
const recording = (bot: ChatBot): ChatBot & { events: BotEvent[] } => {
  const events: BotEvent[] = [];
  return { events, handle: (event) => (events.push(event), bot.handle(event)) };
};

let running: RunningSlack | undefined;
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  api?.reset();
});

describe('Slack events through the real HTTPReceiver', () => {
  it('answers an app_mention in its thread with a sources context block and feedback buttons', async () => {
    api = fakeSlackApi();
    const answers = fakeAnswers();
    const bot = recording(createBot({ answers }));
    running = await startSlack(bot);
    const response = await sendEvent(running.url, await fixture('app-mention.json'));
    expect(response.status).toBe(200);
    await running.slack.idle();

    expect(answers.questions).toEqual(['What makes a city a learning city & how do we start?']);
    expect(bot.events[0]?.origin).toEqual({
      platform: 'slack',
      workspaceId: 'T0LEEDS',
      channelId: 'C0LEARN',
      threadId: '1700000000.000200',
      userId: 'U0ANNA',
    });
    const [post] = api.of('chat.postMessage');
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(post?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.params).toMatchObject({ channel: 'C0LEARN', thread_ts: '1700000000.000200' });
    expect(post?.params['text']).toContain('A learning city mobilises');
    const blocks = post?.params['blocks'] as Array<Record<string, unknown>>;
    expect(blocks.map((block) => block['type'])).toEqual(['section', 'context', 'actions']);
    expect(JSON.stringify(blocks[1])).toContain('Sources:* Key Features of Learning Cities (unesco-key-features.md); Beijing Declaration (beijing-declaration.md)');
    const buttons = (blocks[2] as { elements: Array<{ value: string; action_id: string }> }).elements;
    expect(buttons.map((button) => button.action_id)).toEqual(['lc_feedback_up', 'lc_feedback_down']);
    expect(buttons[0]?.value).toMatch(/^feedback:up:[0-9a-f]{16}$/u);
  });

  it('answers a DM in the thread of the message and ignores bot messages, edits and other subtypes', async () => {
    api = fakeSlackApi();
    const bot = recording(createBot({ answers: fakeAnswers() }));
    running = await startSlack(bot);
    const dm = await fixture('dm-message.json');
    const event = dm['event'] as Record<string, unknown>;
    await sendEvent(running.url, dm);
    await sendEvent(running.url, envelope({ ...event, ts: '1700000051.000001', bot_id: 'B0OTHER', client_msg_id: undefined }));
    await sendEvent(running.url, envelope({ ...event, ts: '1700000052.000001', subtype: 'message_changed' }));
    await sendEvent(running.url, envelope({ ...event, ts: '1700000053.000001', channel_type: 'channel' }));
    await running.slack.idle();

    expect(bot.events).toHaveLength(1);
    expect(bot.events[0]).toMatchObject({ type: 'message', text: 'how do learning festivals help?', origin: { channelId: 'D0ANNA', threadId: '1700000050.000300' } });
    expect(api.of('chat.postMessage').map((call) => call.params['thread_ts'])).toEqual(['1700000050.000300']);
  });

  it('answers a retried event (X-Slack-Retry-Num: 1, same event_id) exactly once', async () => {
    api = fakeSlackApi();
    const bot = recording(createBot({ answers: fakeAnswers() }));
    running = await startSlack(bot);
    const mention = await fixture('app-mention.json');
    const first = await sendEvent(running.url, mention);
    const retry = await sendEvent(running.url, mention, { retryNum: 1 });
    // The same event again without a retry header (e.g. redelivered): deduplicated by event_id.
    const again = await sendEvent(running.url, mention);
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    await running.slack.idle();
    expect(bot.events).toHaveLength(1);
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it.each(['connection_failed', 'http_error', 'http_timeout'])(
    'answers a retry (%s) whose first attempt never arrived, and a later retry of it not again',
    async (reason) => {
      api = fakeSlackApi();
      const bot = recording(createBot({ answers: fakeAnswers() }));
      running = await startSlack(bot);
      const mention = await fixture('app-mention.json');
      const retry = await sendEvent(running.url, mention, { retryNum: 1, retryReason: reason });
      await running.slack.idle();
      const second = await sendEvent(running.url, mention, { retryNum: 2, retryReason: reason });
      expect([retry.status, second.status]).toEqual([200, 200]);
      await running.slack.idle();
      expect(bot.events).toHaveLength(1);
      expect(api.of('chat.postMessage')).toHaveLength(1);
      expect(String(api.of('chat.postMessage')[0]?.params['text'])).toContain('A learning city mobilises');
    },
  );

  it('answers a DM once when Slack sends both app_mention and message.im for it', async () => {
    api = fakeSlackApi();
    const bot = recording(createBot({ answers: fakeAnswers() }));
    running = await startSlack(bot);
    const dm = await fixture('dm-message.json');
    const event = dm['event'] as Record<string, unknown>;
    await sendEvent(running.url, dm);
    await sendEvent(running.url, envelope({ ...event, type: 'app_mention', channel_type: undefined }));
    await running.slack.idle();
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it('rejects a bad signature with 401 and never calls the bot', async () => {
    api = fakeSlackApi();
    const bot = recording(createBot({ answers: fakeAnswers() }));
    running = await startSlack(bot);
    const response = await sendEvent(running.url, await fixture('app-mention.json'), { secret: 'not-the-signing-secret' });
    expect(response.status).toBe(401);
    await running.slack.idle();
    expect(bot.events).toHaveLength(0);
    expect(api.calls).toHaveLength(0);
  });

  it('rejects a stale timestamp (older than five minutes) even when correctly signed', async () => {
    api = fakeSlackApi();
    const bot = recording(createBot({ answers: fakeAnswers() }));
    running = await startSlack(bot);
    const response = await sendEvent(running.url, await fixture('app-mention.json'), { timestamp: nowSeconds() - 6 * 60 });
    expect(response.status).toBe(401);
    await running.slack.idle();
    expect(bot.events).toHaveLength(0);
  });

  it('posts an apology in the thread when the bot throws', async () => {
    api = fakeSlackApi();
    const logger = captureLogger();
    const failing: ChatBot = { handle: () => Promise.reject(new Error('database is locked')) };
    running = await startSlack(failing, { logger });
    await sendEvent(running.url, await fixture('app-mention.json'));
    await running.slack.idle();
    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params).toMatchObject({ text: APOLOGY_TEXT, thread_ts: '1700000000.000200' });
    expect(logger.lines.some((line) => line.startsWith('error') && line.includes('database is locked'))).toBe(true);
  });

  it('posts an apology when the answer cannot be posted (Web API error)', async () => {
    api = fakeSlackApi((_call, count) => (count === 1 ? [200, { ok: false, error: 'invalid_blocks' }] : undefined));
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    await sendEvent(running.url, await fixture('app-mention.json'));
    await running.slack.idle();
    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.params).toMatchObject({ text: APOLOGY_TEXT, thread_ts: '1700000000.000200' });
  });

  it('core failures (the knowledge base throws) reach the user as the core apology', async () => {
    api = fakeSlackApi();
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> please explode', ts: '1700000200.000001', channel: 'C0LEARN' }));
    await running.slack.idle();
    expect(String(api.of('chat.postMessage')[0]?.params['text'])).toMatch(/^Sorry, something went wrong/u);
  });

  it('splits a long answer into sections of at most 3000 characters without cutting words', async () => {
    api = fakeSlackApi();
    const sentence = 'Learning festivals bring libraries, colleges and employers together in every district of the city. ';
    const long = Array.from({ length: 6 }, (_, p) => `Paragraph ${p + 1}. ${sentence.repeat(18)}`).join('\n\n');
    running = await startSlack(createBot({ answers: fakeAnswers(long) }));
    await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> give me the long answer', ts: '1700000300.000001', channel: 'C0LEARN' }));
    await running.slack.idle();
    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(1);
    const blocks = posts[0]?.params['blocks'] as Array<{ type: string; text?: { text: string } }>;
    const sections = blocks.filter((block) => block.type === 'section').map((block) => block.text?.text ?? '');
    expect(sections.length).toBeGreaterThan(3);
    for (const text of sections) {
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text).toMatch(/^Paragraph|^Learning/u);
      expect(text).toMatch(/city\.$/u);
    }
    // Nothing lost or reordered: the pieces put together are the answer.
    expect(sections.join(' ').replace(/\s+/gu, ' ') === long.replace(/\s+/gu, ' ').trim()).toBe(true);
    expect(String(posts[0]?.params['text']).length).toBeGreaterThan(10_000);
  });

  it('records 👍 feedback as a choice event and thanks the user privately', async () => {
    api = fakeSlackApi();
    const feedback = fakeFeedback();
    const bot = recording(createBot({ answers: fakeAnswers(), feedback }));
    running = await startSlack(bot);
    const value = feedbackValue('0123456789abcdef', true);
    await sendAction(running.url, await blockAction({ messageTs: '1700000400.000001', threadTs: '1700000000.000200', actionId: 'lc_feedback_up', label: '👍 Helpful', value }));
    await running.slack.idle();
    expect(bot.events[0]).toMatchObject({ type: 'choice', value, origin: { channelId: 'C0LEARN', threadId: '1700000000.000200', userId: 'U0ANNA' } });
    expect(feedback.entries).toEqual([{ key: '0123456789abcdef', helpful: true, userId: 'U0ANNA' }]);
    expect(api.of('chat.postEphemeral')[0]?.params).toMatchObject({ channel: 'C0LEARN', user: 'U0ANNA', text: 'Thanks for the feedback!' });
  });

  it('adds the user name and admin flag from users.info to the origin', async () => {
    api = fakeSlackApi((call) =>
      call.method === 'users.info' ? [200, { ok: true, user: { id: 'U0ANNA', name: 'anna', is_admin: true, profile: { display_name: 'Anna' } } }] : undefined,
    );
    const bot = recording(createBot({ answers: fakeAnswers() }));
    running = await startSlack(bot, { lookupUsers: true });
    await sendEvent(running.url, await fixture('app-mention.json'));
    await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> and again', ts: '1700000500.000001', channel: 'C0LEARN' }));
    await running.slack.idle();
    expect(bot.events[0]?.origin).toMatchObject({ userName: 'Anna', isAdmin: true });
    expect(api.of('users.info')).toHaveLength(1);
  });

  it('never writes the bot token or the signing secret to the logs', async () => {
    api = fakeSlackApi((_call, count) => (count === 1 ? [200, { ok: false, error: 'invalid_auth' }] : undefined));
    const logger = captureLogger();
    running = await startSlack(createBot({ answers: fakeAnswers() }), { logger });
    await sendEvent(running.url, await fixture('app-mention.json'));
    await sendEvent(running.url, await fixture('app-mention.json'), { secret: 'wrong-secret-wrong' });
    await running.slack.idle();
    expect(logger.lines.length).toBeGreaterThan(5);
    const all = logger.lines.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(BOT_TOKEN.slice(5));
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
