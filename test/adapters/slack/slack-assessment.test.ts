import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { conversationKey } from '../../../src/core/events.js';
import type { ChatBot } from '../../../src/core/ports.js';
import { fakeAnswers, fakeAssessments } from './fake-ports.js';
import {
  blockAction,
  envelope,
  fakeSlackApi,
  fixture,
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
  it('runs a slash-started assessment in place and posts the summary to the channel with the chart', async () => {
    api = fakeSlackApi();
    const assessments = fakeAssessments();
    running = await startSlack(createBot({ answers: fakeAnswers(), assessments }));
    const fields = Object.fromEntries(Object.entries(await fixture('slash-command.json')).map(([k, v]) => [k, String(v)]));
    await sendCommand(running.url, fields);
    await running.slack.idle();

    const [anchor, prompt] = api.of('chat.postMessage');
    const threadTs = '1700000101.000100';
    const promptTs = '1700000102.000100';
    expect(anchor?.params['thread_ts']).toBeUndefined();
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
    expect(api.of('chat.postMessage')).toHaveLength(2); // nothing new in the thread while questions advance

    await click(buttonsOf(api.of('chat.update')[1])[1], api.of('chat.update')[1]?.params['blocks']);
    // The last question loses its buttons and notes the answer; the summary is broadcast.
    const closing = api.of('chat.update')[2];
    expect(closing?.params).toMatchObject({ ts: promptTs });
    expect(buttonsOf(closing)).toEqual([]);
    expect(JSON.stringify(closing?.params['blocks'])).toContain('chose *2 – Developing*');
    const summary = api.of('chat.postMessage')[2];
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
