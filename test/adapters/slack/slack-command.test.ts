import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import type { BotEvent } from '../../../src/core/events.js';
import type { ChatBot } from '../../../src/core/ports.js';
import { fakeAnswers, fakeAssessments } from './fake-ports.js';
import { fakeSlackApi, fixture, nowSeconds, sendCommand, startSlack, type RunningSlack } from './slack-harness.js';

let running: RunningSlack | undefined;
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  api?.reset();
});

const commandFields = async (text: string): Promise<Record<string, string>> => {
  const fields = await fixture('slash-command.json');
  return Object.fromEntries(Object.entries({ ...fields, text }).map(([key, value]) => [key, String(value)]));
};

describe('/learningcity slash command', () => {
  it('acknowledges before the bot has answered, then posts the work in a thread under the command', async () => {
    api = fakeSlackApi();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const events: BotEvent[] = [];
    const real = createBot({ answers: fakeAnswers(), assessments: fakeAssessments() });
    // Holds every event until the test has seen the HTTP acknowledgement.
    const held: ChatBot = { handle: async (event) => (events.push(event), await gate, real.handle(event)) };
    running = await startSlack(held);

    const started = performance.now();
    const response = await sendCommand(running.url, await commandFields('assess niace-quick for Leeds'));
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(elapsed).toBeLessThan(3000);
    // The bot is still held at this point, so the ack cannot have waited for it.
    expect(api.of('chat.postMessage').length).toBeLessThanOrEqual(1);

    release();
    await running.slack.idle();
    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(2);
    const anchorTs = '1700000101.000100';
    expect(posts[0]?.params).toMatchObject({ channel: 'C0LEARN' });
    expect(posts[0]?.params['thread_ts']).toBeUndefined();
    expect(String(posts[0]?.params['text'])).toContain('/learningcity assess niace-quick for Leeds');
    expect(posts[1]?.params).toMatchObject({ channel: 'C0LEARN', thread_ts: anchorTs });
    expect(String(posts[1]?.params['text'])).toContain('Question 1 of 3');
    expect(events[0]).toEqual({
      type: 'message',
      text: 'assess niace-quick for Leeds',
      origin: { platform: 'slack', workspaceId: 'T0LEEDS', channelId: 'C0LEARN', threadId: anchorTs, userId: 'U0ANNA', userName: 'anna' },
    });
  });

  it('runs help for an empty command', async () => {
    api = fakeSlackApi();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments: fakeAssessments() }));
    await sendCommand(running.url, await commandFields(''));
    await running.slack.idle();
    expect(String(api.of('chat.postMessage')[1]?.params['text'])).toContain('Learning-city bot');
  });

  it('tells the user privately (response_url) when the bot is not in the channel', async () => {
    api = fakeSlackApi((call) => (call.method === 'chat.postMessage' ? [200, { ok: false, error: 'not_in_channel' }] : undefined));
    const responses: unknown[] = [];
    nock('https://hooks.slack.com')
      .post('/commands/T0LEEDS/1234/abcd')
      .reply(200, (_uri, body) => (responses.push(body), 'ok'));
    const events: BotEvent[] = [];
    running = await startSlack({ handle: async (event) => (events.push(event), []) });
    await sendCommand(running.url, await commandFields('frameworks'));
    await running.slack.idle();
    expect(events).toHaveLength(0);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(responses[0])).toContain('/invite');
  });

  it('runs a replayed command (same signed request within the signature window) once', async () => {
    api = fakeSlackApi();
    const events: BotEvent[] = [];
    const real = createBot({ answers: fakeAnswers(), assessments: fakeAssessments() });
    running = await startSlack({ handle: (event) => (events.push(event), real.handle(event)) });
    const fields = await commandFields('results Testville');
    const timestamp = nowSeconds();
    const first = await sendCommand(running.url, fields, { timestamp });
    await running.slack.idle();
    const replay = await sendCommand(running.url, fields, { timestamp });
    const replayLater = await sendCommand(running.url, fields, { timestamp });
    await running.slack.idle();
    expect([first.status, replay.status, replayLater.status]).toEqual([200, 200, 200]);
    expect(events).toHaveLength(1);

    // The same words typed again are a new command (new trigger_id, new timestamp) and run again.
    await sendCommand(running.url, { ...fields, trigger_id: '9999.5678.fresh' }, { timestamp: timestamp + 1 });
    await running.slack.idle();
    expect(events).toHaveLength(2);
  });

  it('recognises a replay by its signed timestamp and body when the payload has no trigger_id', async () => {
    api = fakeSlackApi();
    const events: BotEvent[] = [];
    running = await startSlack({ handle: async (event) => (events.push(event), []) });
    const { trigger_id: _dropped, ...fields } = await commandFields('export');
    const timestamp = nowSeconds();
    await sendCommand(running.url, fields, { timestamp });
    await sendCommand(running.url, fields, { timestamp });
    await running.slack.idle();
    expect(events).toHaveLength(1);
  });
});
