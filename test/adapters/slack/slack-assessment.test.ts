import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { conversationKey } from '../../../src/core/events.js';
import type { ChatBot } from '../../../src/core/ports.js';
import { fakeAnswers, fakeAssessments } from './fake-ports.js';
import { RESPONSE_URL_LIMITS, buttonsIn, fakeResponseUrls, textOf } from './fake-response-urls.js';
import {
  blockAction,
  envelope,
  fakeSlackApi,
  fixture,
  nowSeconds,
  sendAction,
  sendCommand,
  sendEvent,
  startSlack,
  type ApiCall,
  type RunningSlack,
} from './slack-harness.js';

let running: RunningSlack | undefined;
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  api?.reset();
});

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

const buttonsOf = (call: ApiCall | undefined): Button[] =>
  ((call?.params['blocks'] ?? []) as Array<{ type: string; elements?: Button[] }>)
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []);

describe('assessment driven by buttons', () => {
  it('runs a mention-started assessment in place and broadcasts the summary to the channel with the chart', async () => {
    api = fakeSlackApi();
    const assessments = fakeAssessments();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments }));
    const threadTs = '1700000500.000001';
    await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> assess niace-quick for Leeds', ts: threadTs, channel: 'C0LEARN' }));
    await running.slack.idle();

    const [prompt] = api.of('chat.postMessage');
    const promptTs = '1700000101.000100';
    expect(prompt?.params).toMatchObject({ channel: 'C0LEARN', thread_ts: threadTs });
    const first = buttonsOf(prompt);
    expect(first.map((button) => button.action_id)).toEqual(['lc_choice_0', 'lc_choice_1', 'lc_choice_2', 'lc_choice_3']);
    expect(first.map((button) => button.value)).toEqual(['assess:answer:1', 'assess:answer:2', 'assess:answer:3', 'assess:skip']);

    // Question 1 -> 3 (question 2 replaces question 1 in the same message).
    const click = async (button: Button | undefined, blocks: unknown): Promise<void> => {
      if (!running || !button) throw new Error('no button');
      const payload = await blockAction({
        messageTs: promptTs,
        threadTs,
        blocks: blocks as unknown[],
        actionId: button.action_id,
        label: button.text.text,
        value: button.value,
      });
      expect((await sendAction(running.url, payload)).status).toBe(200);
      await running.slack.idle();
    };
    await click(first[2], prompt?.params['blocks']);
    const updates = api.of('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.params).toMatchObject({ channel: 'C0LEARN', ts: promptTs });
    expect(String(updates[0]?.params['text'])).toContain('Question 2 of 3');

    await click(buttonsOf(updates[0])[3], updates[0]?.params['blocks']); // skip
    expect(String(api.of('chat.update')[1]?.params['text'])).toContain('Question 3 of 3');
    expect(api.of('chat.postMessage')).toHaveLength(1); // nothing new in the thread while questions advance

    await click(buttonsOf(api.of('chat.update')[1])[1], api.of('chat.update')[1]?.params['blocks']);
    // The last question loses its buttons and notes the answer; the summary is broadcast.
    const closing = api.of('chat.update')[2];
    expect(closing?.params).toMatchObject({ ts: promptTs });
    expect(buttonsOf(closing)).toEqual([]);
    expect(JSON.stringify(closing?.params['blocks'])).toContain('chose *2 – Developing*');
    const summary = api.of('chat.postMessage')[1];
    expect(summary?.params).toMatchObject({ channel: 'C0LEARN', thread_ts: threadTs, reply_broadcast: 'true' });
    expect(String(summary?.params['text'])).toContain('Leeds: 56%');

    const [uploadUrl] = api.of('files.getUploadURLExternal');
    expect(uploadUrl?.params).toMatchObject({ filename: 'leeds.png', length: '70', alt_text: 'Bar chart: Leeds 56%' });
    expect(api.uploads).toHaveLength(1);
    expect(api.uploads[0]).toContain('PNG');
    const [complete] = api.of('files.completeUploadExternal');
    expect(complete?.params).toMatchObject({ channel_id: 'C0LEARN' });
    expect(complete?.params['thread_ts']).toBeUndefined();
    expect(complete?.params['files']).toEqual([{ id: 'F0CHART', title: 'Bar chart: Leeds 56%' }]);

    // Every step reached the engine under one conversation key, so the run stayed one run.
    const keys = new Set(assessments.origins.map((origin) => `${conversationKey(origin)}|${origin.userId}`));
    expect([...keys]).toEqual([`slack:T0LEEDS:C0LEARN:${threadTs}|U0ANNA`]);
    expect(assessments.runs.size).toBe(0);
  });

  it('accepts typed answers in the thread of a mention-started assessment', async () => {
    api = fakeSlackApi();
    const assessments = fakeAssessments();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments }));
    const root = '1700000600.000001';
    await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> assess for Bristol', ts: root, channel: 'C0LEARN' }));
    await running.slack.idle();
    await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> 3', ts: '1700000601.000001', thread_ts: root, channel: 'C0LEARN' }));
    await running.slack.idle();
    const posts = api.of('chat.postMessage');
    expect(posts.map((post) => post.params['thread_ts'])).toEqual([root, root]);
    expect(String(posts[1]?.params['text'])).toContain('Question 2 of 3* (Bristol)');
    const keys = new Set(assessments.origins.map((origin) => conversationKey(origin)));
    expect([...keys]).toEqual([`slack:T0LEEDS:C0LEARN:${root}`]);
  });

  it('ignores a second click on a message whose first click is still being handled', async () => {
    api = fakeSlackApi();
    const assessments = fakeAssessments();
    const real = createBot({ answers: fakeAnswers(), assessments });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Choices wait at the gate, so the first click is certainly still in progress.
    const held: ChatBot = { handle: async (event) => (event.type === 'choice' && (await gate), real.handle(event)) };
    running = await startSlack(held);
    const root = '1700000700.000001';
    await sendEvent(running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> assess for York', ts: root, channel: 'C0LEARN' }));
    await running.slack.idle();
    const button = buttonsOf(api.of('chat.postMessage')[0])[0];
    const payload = await blockAction({ messageTs: '1700000101.000100', threadTs: root, actionId: 'lc_choice_0', label: button?.text.text ?? '', value: button?.value ?? '' });
    expect((await sendAction(running.url, payload)).status).toBe(200);
    expect((await sendAction(running.url, payload)).status).toBe(200);
    release();
    await running.slack.idle();
    expect(api.of('chat.update')).toHaveLength(1);
    expect(String(api.of('chat.update')[0]?.params['text'])).toContain('Question 2 of 3');
    expect(assessments.runs.values().next().value?.answers).toEqual([1]);
  });
});

describe('assessment started by the slash command', () => {
  const command = async (text: string, urls: ReturnType<typeof fakeResponseUrls>): Promise<void> => {
    if (!running) throw new Error('not running');
    const fields = Object.fromEntries(Object.entries(await fixture('slash-command.json')).map(([k, v]) => [k, String(v)]));
    const responseUrl = urls.forCommand('C0LEARN', 'U0ANNA');
    expect((await sendCommand(running.url, { ...fields, text, response_url: responseUrl, trigger_id: `t-${text}-${Math.random()}` })).status).toBe(200);
    await running.slack.idle();
  };
  const press = async (urls: ReturnType<typeof fakeResponseUrls>, label: string): Promise<void> => {
    if (!running) throw new Error('not running');
    const shown = urls.visible('U0ANNA').at(-1);
    if (!shown) throw new Error('nothing shown');
    expect((await sendAction(running.url, await urls.click(shown, label))).status).toBe(200);
    await running.slack.idle();
  };

  it('asks privately, replaces the question on each click (also after 30 minutes), and posts the summary and chart to the channel', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    const assessments = fakeAssessments();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments }));
    await command('assess niace-quick for Leeds', urls);
    const [question] = urls.visible('U0ANNA');
    if (!question) throw new Error('no question shown');
    expect(urls.ephemerals).toHaveLength(1);
    expect(textOf(question.blocks)).toContain('Question 1 of 3');
    expect(buttonsIn(question.blocks).map((button) => button.value)).toEqual(['assess:answer:1', 'assess:answer:2', 'assess:answer:3', 'assess:skip']);
    expect(api.calls).toHaveLength(0); // nothing public while the questions run

    await press(urls, '3 – Established');
    expect(urls.ephemerals).toHaveLength(1);
    expect(question.replaced).toBe(1);
    expect(textOf(question.blocks)).toContain('Question 2 of 3');

    // The command's response_url has expired by now; each click brings its own.
    urls.advance(RESPONSE_URL_LIMITS.lifetimeMs + 60_000);
    await press(urls, 'Skip');
    expect(textOf(question.blocks)).toContain('Question 3 of 3');

    await press(urls, '2 – Developing');
    expect(api.calls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    const summary = api.of('chat.postMessage')[0];
    expect(summary?.params).toMatchObject({ channel: 'C0LEARN' });
    expect(summary?.params['thread_ts']).toBeUndefined();
    const summaryBlocks = summary?.params['blocks'] as Array<Record<string, unknown>>;
    expect(textOf(summaryBlocks)).toBe('Self-assessment by <@U0ANNA>\n*Leeds: 56%* overall');
    const [complete] = api.of('files.completeUploadExternal');
    expect(complete?.params).toMatchObject({ channel_id: 'C0LEARN' });
    expect(complete?.params['thread_ts']).toBeUndefined();
    expect(api.uploads).toHaveLength(1);
    // The private question becomes a note pointing to the channel.
    expect(buttonsIn(question.blocks)).toEqual([]);
    expect(textOf(question.blocks)).toContain('summary is posted in the channel');
    expect(urls.visible('U0ANNA')).toHaveLength(1);
    expect(urls.refused).toEqual([]);

    const keys = new Set(assessments.origins.map((origin) => `${conversationKey(origin)}|${origin.userId}`));
    expect([...keys]).toEqual(['slack:T0LEEDS:C0LEARN|U0ANNA']);
    expect(assessments.runs.size).toBe(0);
  });

  it('takes typed answers from later commands in the same channel', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    const assessments = fakeAssessments();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments }));
    await command('assess for Bristol', urls);
    await command('3', urls);
    const shown = urls.visible('U0ANNA');
    expect(shown).toHaveLength(2);
    expect(textOf(shown[1]?.blocks ?? [])).toContain('Question 2 of 3* (Bristol)');
    await press(urls, '1 – Emerging');
    expect(textOf(shown[1]?.blocks ?? [])).toContain('Question 3 of 3* (Bristol)');
    expect(assessments.runs.values().next().value?.answers).toEqual([3, 1]);
  });

  it('keeps the summary private, with its chart described, when the bot may not post in the channel', async () => {
    api = fakeSlackApi((call) => (call.method === 'chat.postMessage' ? [200, { ok: false, error: 'not_in_channel' }] : undefined));
    const urls = fakeResponseUrls();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments: fakeAssessments() }));
    await command('assess for York', urls);
    await press(urls, '1 – Emerging');
    await press(urls, '1 – Emerging');
    await press(urls, '1 – Emerging');
    const [shown] = urls.visible('U0ANNA');
    // Zero-width spaces keep user text inert in Slack and are invisible there.
    const text = textOf(shown?.blocks ?? []).replace(/\u200B/gu, '');
    expect(text).toContain('*York: 33%* overall');
    expect(text).toContain('Bar chart: York 33%');
    expect(text).toContain('/invite @Learning City Bot');
    expect(api.of('files.completeUploadExternal')).toHaveLength(0);
    expect(urls.refused).toEqual([]);
  });

  it('answers one question for a click whose signed request is replayed', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    const assessments = fakeAssessments();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments }));
    await command('assess for Hull', urls);
    const [question] = urls.visible('U0ANNA');
    if (!question) throw new Error('no question shown');
    const click = await urls.click(question, '2 – Developing');
    const timestamp = nowSeconds();
    await sendAction(running.url, click, { timestamp });
    await running.slack.idle();
    await sendAction(running.url, click, { timestamp });
    await running.slack.idle();
    expect(assessments.runs.values().next().value?.answers).toEqual([2]);
    expect(textOf(question.blocks)).toContain('Question 2 of 3');
  });
});
