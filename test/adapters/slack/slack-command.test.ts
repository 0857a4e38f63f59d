import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import type { BotEvent } from '../../../src/core/events.js';
import type { ChatBot } from '../../../src/core/ports.js';
import { fakeAnswers, fakeAssessments } from './fake-ports.js';
import { buttonsIn, fakeResponseUrls, textOf } from './fake-response-urls.js';
import { fakeSlackApi, fixture, nowSeconds, sendAction, sendCommand, startSlack, type RunningSlack } from './slack-harness.js';

let running: RunningSlack | undefined;
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  api?.reset();
});

/** The recorded slash command with `text`, answering to a fresh response_url of the fake. */
const commandFields = async (text: string, urls?: ReturnType<typeof fakeResponseUrls>): Promise<Record<string, string>> => {
  const fields = await fixture('slash-command.json');
  const responseUrl = urls ? urls.forCommand('C0LEARN', 'U0ANNA') : String(fields['response_url']);
  return Object.fromEntries(Object.entries({ ...fields, text, response_url: responseUrl }).map(([key, value]) => [key, String(value)]));
};

const LONG = Array.from({ length: 400 }, (_, i) => `Sentence ${i} about learning festivals and partnerships in the city.`).join(' ');

describe('/learningcity slash command', () => {
  it('acknowledges before the bot has answered, then answers privately, posting nothing to the channel', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
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
    const response = await sendCommand(running.url, await commandFields('results Testville', urls));
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(elapsed).toBeLessThan(3000);
    expect(urls.ephemerals).toHaveLength(0);

    release();
    await running.slack.idle();
    expect(api.of('chat.postMessage')).toHaveLength(0);
    const [shown] = urls.visible('U0ANNA', 'C0LEARN');
    expect(urls.ephemerals).toHaveLength(1);
    expect(textOf(shown?.blocks ?? [])).toContain('No results for Testville yet.');
    expect(buttonsIn(shown?.blocks ?? []).map((button) => button.text.text)).toEqual(['Share in channel']);
    expect(events[0]).toEqual({
      type: 'message',
      text: 'results Testville',
      origin: { platform: 'slack', workspaceId: 'T0LEEDS', channelId: 'C0LEARN', userId: 'U0ANNA', userName: 'anna' },
    });
    expect(urls.refused).toEqual([]);
  });

  it('runs help for an empty command, privately and without a share button', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments: fakeAssessments() }));
    await sendCommand(running.url, await commandFields('', urls));
    await running.slack.idle();
    const [shown] = urls.visible('U0ANNA');
    expect(shown?.text).toContain('Learning-city bot');
    expect(buttonsIn(shown?.blocks ?? [])).toEqual([]);
    expect(api.calls).toHaveLength(0);
  });

  it('shares a private result in the channel once per click, attributed to the user who shared it', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments: fakeAssessments() }));
    await sendCommand(running.url, await commandFields('results Testville', urls));
    await running.slack.idle();
    const [shown] = urls.visible('U0ANNA');
    if (!shown) throw new Error('no private reply');
    const before = { ...shown, blocks: [...shown.blocks] };

    expect((await sendAction(running.url, await urls.click(shown, 'Share in channel'))).status).toBe(200);
    await running.slack.idle();
    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params).toMatchObject({ channel: 'C0LEARN' });
    expect(posts[0]?.params['thread_ts']).toBeUndefined();
    const blocks = posts[0]?.params['blocks'] as Array<Record<string, unknown>>;
    expect(textOf(blocks)).toBe('Shared by <@U0ANNA>\nNo results for Testville yet.');
    expect(buttonsIn(blocks)).toEqual([]);
    // The private copy stays, without its button, noting it was shared.
    expect(shown.replaced).toBe(1);
    expect(buttonsIn(shown.blocks)).toEqual([]);
    expect(textOf(shown.blocks)).toContain('✓ Shared in the channel');

    // A click that still reaches the bot from an old copy shares nothing a second time.
    await sendAction(running.url, await urls.click(before, 'Share in channel'));
    await running.slack.idle();
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(urls.visible('U0ANNA').map((message) => message.text)).toContain('This is already shared in the channel.');
    expect(urls.refused).toEqual([]);
  });

  it('keeps a share private, saying why, when the bot may not post in the channel', async () => {
    api = fakeSlackApi((call) => (call.method === 'chat.postMessage' ? [200, { ok: false, error: 'not_in_channel' }] : undefined));
    const urls = fakeResponseUrls();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments: fakeAssessments() }));
    await sendCommand(running.url, await commandFields('ask what is a learning city?', urls));
    await running.slack.idle();
    const [shown] = urls.visible('U0ANNA');
    if (!shown) throw new Error('no private reply');
    expect(buttonsIn(shown.blocks).map((button) => button.text.text)).toEqual(['👍 Helpful', '👎 Not helpful', 'Share in channel']);
    await sendAction(running.url, await urls.click(shown, 'Share in channel'));
    await running.slack.idle();
    expect(urls.visible('U0ANNA')[1]?.text).toContain('/invite @Learning City Bot');
    // Still shareable once the bot is invited: the button stays.
    expect(buttonsIn(shown.blocks).map((button) => button.text.text)).toContain('Share in channel');
  });

  it('thanks for 👍 on a private answer through its response_url, recording it once', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments: fakeAssessments() }));
    await sendCommand(running.url, await commandFields('ask what is a learning city?', urls));
    await running.slack.idle();
    const [shown] = urls.visible('U0ANNA');
    if (!shown) throw new Error('no private reply');
    await sendAction(running.url, await urls.click(shown, '👍 Helpful'));
    await running.slack.idle();
    expect(urls.visible('U0ANNA')[1]?.text).toBe('Thanks for the feedback!');
    expect(api.calls).toHaveLength(0);
  });

  it('splits a long private answer within the Block Kit limits and the response_url’s five uses', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    running = await startSlack(createBot({ answers: fakeAnswers(LONG) }));
    await sendCommand(running.url, await commandFields('ask give me the long answer', urls));
    await running.slack.idle();
    expect(urls.refused).toEqual([]);
    const shown = urls.visible('U0ANNA');
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(shown.length).toBeLessThanOrEqual(5);
    expect(shown.map((message) => textOf(message.blocks)).join(' ')).toContain('Sentence 399');
  });

  it('runs a replayed command (same signed request within the signature window) once', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    const events: BotEvent[] = [];
    const real = createBot({ answers: fakeAnswers(), assessments: fakeAssessments() });
    running = await startSlack({ handle: (event) => (events.push(event), real.handle(event)) });
    const fields = await commandFields('results Testville', urls);
    const timestamp = nowSeconds();
    const first = await sendCommand(running.url, fields, { timestamp });
    await running.slack.idle();
    const replay = await sendCommand(running.url, fields, { timestamp });
    const replayLater = await sendCommand(running.url, fields, { timestamp });
    await running.slack.idle();
    expect([first.status, replay.status, replayLater.status]).toEqual([200, 200, 200]);
    expect(events).toHaveLength(1);
    expect(urls.ephemerals).toHaveLength(1);

    // The same words typed again are a new command (new trigger_id, new timestamp) and run again.
    await sendCommand(running.url, { ...fields, trigger_id: '9999.5678.fresh' }, { timestamp: timestamp + 1 });
    await running.slack.idle();
    expect(events).toHaveLength(2);
  });

  it('recognises a replay by its signed timestamp and body when the payload has no trigger_id', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    const events: BotEvent[] = [];
    running = await startSlack({ handle: async (event) => (events.push(event), []) });
    const { trigger_id: _dropped, ...fields } = await commandFields('export', urls);
    const timestamp = nowSeconds();
    await sendCommand(running.url, fields, { timestamp });
    await sendCommand(running.url, fields, { timestamp });
    await running.slack.idle();
    expect(events).toHaveLength(1);
  });
});
