import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { buttonsIn, fakeResponseUrls, textOf, type Ephemeral } from './fake-response-urls.js';
import {
  TEAM,
  blockAction,
  captureLogger,
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

/** The real core (documents, assessments, SQLite) behind the real Bolt HTTPReceiver; only the Web API is faked. */
const WORKSPACE = `slack:${TEAM}`;
const CHANNEL = 'C0LEARN';
const knowledgeDir = copyKnowledge();
const dataDir = mkdtempSync(join(tmpdir(), 'slack-core-'));
let databases = 0;
const newDatabase = (): string => join(dataDir, `bot-${++databases}.db`);

interface Stack {
  core: Core;
  running: RunningSlack;
  logger: ReturnType<typeof captureLogger>;
}

const open: Stack[] = [];
const openStack = async (databasePath: string): Promise<Stack> => {
  const core = await createCore({ knowledgeDir, databasePath, logger: silentLogger });
  const logger = captureLogger();
  const running = await startSlack(core.bot, { logger });
  const stack = { core, running, logger };
  open.push(stack);
  return stack;
};
const shutStack = async (stack: Stack): Promise<void> => {
  open.splice(open.indexOf(stack), 1);
  await stack.running.close();
  await stack.core.close();
};
const errorsOf = (stack: Stack): string[] => stack.logger.lines.filter((line) => line.startsWith('error'));

/** The fake Web API, with the `ts` it gave each posted message. */
const startApi = () => {
  const given = new Map<ApiCall, string>();
  let count = 0;
  const api = fakeSlackApi((call) => {
    if (call.method !== 'chat.postMessage') return undefined;
    const ts = `17001${String(++count).padStart(5, '0')}.000100`;
    given.set(call, ts);
    return [200, { ok: true, channel: call.params['channel'], ts }];
  });
  return { ...api, tsOf: (call: ApiCall | undefined): string => (call ? given.get(call) : undefined) ?? 'none' };
};
type Api = ReturnType<typeof startApi>;

let api: Api | undefined;
afterEach(async () => {
  urls = undefined;
  for (const stack of [...open]) await shutStack(stack);
  api?.reset();
  api = undefined;
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

interface Button {
  action_id: string;
  value: string;
  style?: string;
  text: { text: string };
}
interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<Button & { text: string | { text: string } }>;
}

const blocksOf = (call: ApiCall | undefined): Block[] => (call?.params['blocks'] ?? []) as Block[];
const buttonsOf = (blocks: Block[]): Button[] =>
  blocks.filter((block) => block.type === 'actions').flatMap((block) => (block.elements ?? []) as Button[]);

let urls: ReturnType<typeof fakeResponseUrls> | undefined;

/** `/learningcity <text>` as Anna types it in the channel; replies come back through a fresh response_url. */
const command = async (stack: Stack, text: string): Promise<void> => {
  if (!urls) throw new Error('no fake response_urls');
  const fields = Object.fromEntries(Object.entries(await fixture('slash-command.json')).map(([k, v]) => [k, String(v)]));
  const response = await sendCommand(stack.running.url, { ...fields, text, response_url: urls.forCommand(CHANNEL, 'U0ANNA'), trigger_id: `${Math.random()}` });
  expect(response.status).toBe(200);
  await stack.running.slack.idle();
};

/**
 * Presses the button labelled `label` (or starting with `label ` for a level) on the private
 * prompt, as Slack would send it; the prompt is replaced in place through the click's response_url.
 */
const press = async (stack: Stack, shown: Ephemeral, label: string): Promise<Ephemeral> => {
  if (!urls) throw new Error('no fake response_urls');
  const replaced = shown.replaced;
  expect((await sendAction(stack.running.url, await urls.click(shown, label))).status).toBe(200);
  await stack.running.slack.idle();
  if (shown.replaced !== replaced + 1) throw new Error(`pressing ${label} did not replace the prompt`);
  return shown;
};

/** `/learningcity assess niace-quick for <city>`: one private message, the intro and question 1 with its buttons. */
const startAssessment = async (stack: Stack, city: string): Promise<Ephemeral> => {
  if (!urls) throw new Error('no fake response_urls');
  await command(stack, `assess niace-quick for ${city}`);
  const shown = urls.visible('U0ANNA', CHANNEL);
  expect(shown).toHaveLength(1);
  const prompt = shown[0];
  if (!prompt) throw new Error('no prompt');
  expect(prompt.text).toContain(`Starting *NIACE Learning City Toolkit – quick check* for *${city}*: 9 questions`);
  // Slack shows buttons, so the prompts speak of them, not of typing.
  expect(prompt.text).toContain('Answer with the buttons, or type a number or a level name');
  expect(prompt.text).toContain('Press a level, or type its number or name.');
  expect(prompt.text).not.toContain('question <n>');
  expect(prompt.text).toContain('Question 1 of 9 · Partnership');
  const labels = buttonsIn(prompt.blocks).map((b) => b.text.text);
  expect(labels).toEqual(['0 Not yet', '1 Getting organised', '2 Towards a shared understanding', '3 Cycles of learning', 'Skip', 'Stop']);
  expect(api?.of('chat.postMessage')).toEqual([]);
  return prompt;
};

/** Presses each label in turn, checking the question each press moves to. */
const answerAll = async (stack: Stack, shown: Ephemeral, steps: Array<[string, number]>): Promise<void> => {
  for (const [label, next] of steps) {
    await press(stack, shown, label);
    expect(shown.text).toContain(`Question ${next} of 9 ·`);
    expect(buttonsIn(shown.blocks).map((b) => b.value)).toContain(`assess:skip:q${next}`);
  }
};

/** The last press: the summary goes to the channel with its chart; the private prompt points there. */
const finish = async (stack: Stack, shown: Ephemeral, label: string): Promise<{ summary: ApiCall | undefined }> => {
  if (!api) throw new Error('no fake API');
  const posts = api.of('chat.postMessage').length;
  await press(stack, shown, label);
  expect(buttonsIn(shown.blocks)).toEqual([]);
  expect(textOf(shown.blocks)).toContain('summary is posted in the channel');
  const summary = api.of('chat.postMessage').slice(posts);
  expect(summary).toHaveLength(1);
  expect(summary[0]?.params).toMatchObject({ channel: CHANNEL });
  expect(summary[0]?.params['thread_ts']).toBeUndefined();
  expect(textOf(blocksOf(summary[0]) as unknown as Array<Record<string, unknown>>)).toMatch(/^Self-assessment by <@U0ANNA>\n/u);
  expect(urls?.refused).toEqual([]);
  return { summary: summary[0] };
};

describe('Slack with the real core', () => {
  it('answers a mention from the documents with sources, and records 👍 in SQLite', async () => {
    api = startApi();
    const stack = await openStack(newDatabase());
    const mentionTs = '1700000000.000200';
    await sendEvent(stack.running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> how many cities are in the GNLC?', ts: mentionTs, channel: CHANNEL }));
    await stack.running.slack.idle();

    const [post] = api.of('chat.postMessage');
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(post?.params).toMatchObject({ channel: CHANNEL, thread_ts: mentionTs });
    const blocks = blocksOf(post);
    expect(blocks.map((block) => block.type)).toEqual(['section', 'context', 'actions']);
    expect(blocks[0]?.text?.text).toContain('around 200 cities in 40 countries');
    const sources = JSON.stringify(blocks[1]);
    expect(sources).toContain('*Sources:* Learning Cities (003_1d2a6d022f902458.txt)');
    const [up, down] = buttonsOf(blocks);
    expect([up?.text.text, down?.text.text]).toEqual(['👍 Helpful', '👎 Not helpful']);
    expect(up?.action_id).toBe('lc_feedback_up');
    const key = /^feedback:up:([0-9a-f]{16})$/u.exec(up?.value ?? '')?.[1];
    expect(key).toBeDefined();
    expect(down?.value).toBe(`feedback:down:${key ?? ''}`);

    const answerTs = api.tsOf(post);
    const click = async (button: Button | undefined): Promise<void> => {
      if (!button) throw new Error('no feedback button');
      const payload = await blockAction({ messageTs: answerTs, threadTs: mentionTs, blocks, actionId: button.action_id, label: button.text.text, value: button.value });
      expect((await sendAction(stack.running.url, payload)).status).toBe(200);
      await stack.running.slack.idle();
    };
    await click(up);
    expect(await stack.core.stores.feedback.listByWorkspace(WORKSPACE)).toEqual([
      { workspace: WORKSPACE, userId: 'U0ANNA', key, helpful: true, at: expect.any(Date) },
    ]);
    expect(api.of('chat.postEphemeral')[0]?.params).toMatchObject({ channel: CHANNEL, user: 'U0ANNA', thread_ts: mentionTs, text: 'Thanks for the feedback!' });
    // A change of mind replaces the vote rather than adding a second one.
    await click(down);
    expect((await stack.core.stores.feedback.listByWorkspace(WORKSPACE)).map((entry) => [entry.key, entry.helpful])).toEqual([[key, false]]);
    expect(await stack.core.stores.feedback.listByWorkspace('slack:T0OTHER')).toEqual([]);
    expect(errorsOf(stack)).toEqual([]);
  });

  it('posts a question asked again, by another user in another channel, as it posted it the first time, each in its own thread', async () => {
    api = startApi();
    const stack = await openStack(newDatabase());
    const question = '<@U0BOT> how many cities are in the GNLC?';
    await sendEvent(stack.running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: question, ts: '1700000400.000001', channel: CHANNEL }));
    await stack.running.slack.idle();
    await sendEvent(stack.running.url, envelope({ type: 'app_mention', user: 'U0BEN', text: question, ts: '1700000400.000002', channel: 'C0OTHER' }));
    await stack.running.slack.idle();
    // The same follow-up in two threads leans on each thread's own question before it.
    await sendEvent(stack.running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: '<@U0BOT> what is the UK Learning Cities Network?', ts: '1700000400.000003', channel: CHANNEL }));
    await stack.running.slack.idle();
    const followUp = '<@U0BOT> and when was it set up?';
    await sendEvent(stack.running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: followUp, ts: '1700000400.000004', thread_ts: '1700000400.000003', channel: CHANNEL }));
    await sendEvent(stack.running.url, envelope({ type: 'app_mention', user: 'U0BEN', text: followUp, ts: '1700000400.000005', thread_ts: '1700000400.000002', channel: 'C0OTHER' }));
    await stack.running.slack.idle();

    const posts = api.of('chat.postMessage');
    expect(posts.map((post) => [post.params['channel'], post.params['thread_ts']])).toEqual([
      [CHANNEL, '1700000400.000001'],
      ['C0OTHER', '1700000400.000002'],
      [CHANNEL, '1700000400.000003'],
      [CHANNEL, '1700000400.000003'],
      ['C0OTHER', '1700000400.000002'],
    ]);
    const [first, again, , anna, ben] = posts;
    expect(again?.params['blocks']).toEqual(first?.params['blocks']);
    expect(again?.params['text']).toEqual(first?.params['text']);
    expect(String(first?.params['text'])).toContain('around 200 cities in 40 countries');
    // The UK network's founding is in the documents; UNESCO's network's is not.
    expect(String(anna?.params['text'])).toContain('the UK Learning Cities Network (LCN) was established');
    expect(String(ben?.params['text'])).toMatch(/^The documents I have do not answer that\..*give no date/u);
    expect(errorsOf(stack)).toEqual([]);
  });

  it('says plainly when the documents do not answer, offering topics and no sources', async () => {
    api = startApi();
    const stack = await openStack(newDatabase());
    await sendEvent(stack.running.url, envelope({ type: 'app_mention', user: 'U0ANNA', text: "<@U0BOT> what's the weather in Bristol today?", ts: '1700000300.000001', channel: CHANNEL }));
    await stack.running.slack.idle();
    const [post] = api.of('chat.postMessage');
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(post?.params).toMatchObject({ thread_ts: '1700000300.000001' });
    const text = String(post?.params['text']);
    expect(text).toMatch(/^The documents I have do not answer that\. They say nothing about “weather”\./u);
    expect(text).toContain('Nearest topics in the documents: Bristol Learning City');
    expect(blocksOf(post).map((block) => block.type)).toEqual(['section']);
    expect(JSON.stringify(blocksOf(post))).not.toContain('Sources');
    expect(await stack.core.stores.feedback.listByWorkspace(WORKSPACE)).toEqual([]);
  });

  it('runs the NIACE quick check by buttons (with a skip and a back), saves it, uploads the chart and lists it', async () => {
    api = startApi();
    urls = fakeResponseUrls();
    const stack = await openStack(newDatabase());
    const shown = await startAssessment(stack, 'Leeds');
    await answerAll(stack, shown, [['3', 2], ['2', 3], ['Skip', 4], ['1', 5]]);
    // Back to question 4: the earlier answer is shown and its button highlighted; then it is changed.
    const back = await press(stack, shown, 'Back');
    expect(back.text).toContain('Going back one question.');
    expect(back.text).toContain('Question 4 of 9 · Participation');
    expect(back.text).toContain('_Your earlier answer: 1 Getting organised._');
    expect(buttonsIn(back.blocks).find((b) => b.value === 'assess:answer:1:q4')?.style).toBe('primary');
    await answerAll(stack, shown, [['2', 5], ['3', 6], ['2', 7], ['1', 8], ['2', 9]]);
    expect(api.of('chat.postMessage')).toHaveLength(0); // every step so far replaced the one private prompt
    expect(urls.ephemerals).toHaveLength(1);
    const { summary } = await finish(stack, shown, '3');

    const summaryText = String(summary?.params['text']);
    expect(summaryText).toContain('*NIACE Learning City Toolkit – quick check: Leeds*');
    // On the 0-3 scale: Partnership (3 + 2) / 6, Participation (2 + 3 + 2) / 9, Performance (1 + 2 + 3) / 9; overall 18 / 24.
    expect(summaryText).toContain('overall *75%* (8 of 9 questions answered)');
    expect(summaryText).toContain('Partnership    ████████░░  83% · 2 of 3 answered');
    const [uploadUrl] = api.of('files.getUploadURLExternal');
    expect(uploadUrl?.params).toMatchObject({ filename: 'assessment-niace-quick-leeds.png' });
    expect(String(uploadUrl?.params['alt_text'])).toContain('Partnership 83%, Participation 78%, Performance 67%');
    expect(api.uploads).toHaveLength(1);
    // The upload is multipart: the whole PNG, signature to IEND chunk, is in it at the announced length.
    const upload = api.uploads[0] ?? '';
    const start = upload.indexOf('\x89PNG\r\n\x1a\n');
    const end = upload.lastIndexOf('IEND') + 'IEND'.length + 4;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end - start).toBe(Number(uploadUrl?.params['length']));
    const [complete] = api.of('files.completeUploadExternal');
    expect(complete?.params).toMatchObject({ channel_id: CHANNEL });
    expect(complete?.params['thread_ts']).toBeUndefined(); // the chart goes to the channel, like the broadcast summary

    const results = await stack.core.stores.results.list(WORKSPACE);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ city: 'Leeds', frameworkId: 'niace-quick', platform: 'slack', channelId: CHANNEL, userId: 'U0ANNA', overallPercent: 75 });
    expect(results[0]?.components.map((c) => [c.id, c.percent, c.answered])).toEqual([
      ['partnership', 83.3, 2], ['participation', 77.8, 3], ['performance', 66.7, 3],
    ]);
    expect(results[0]?.answers).toEqual({
      'partnership-body': 3, 'partnership-strategy': 2, 'partnership-review': null,
      'participation-voice': 2, 'participation-reach': 3, 'participation-civic': 2,
      'performance-internal': 1, 'performance-benchmark': 2, 'performance-added-value': 3,
    });
    expect(await stack.core.stores.sessions.listByWorkspace(WORKSPACE)).toEqual([]);

    await command(stack, 'results Leeds');
    const history = urls.visible('U0ANNA').at(-1);
    expect(buttonsIn(history?.blocks ?? []).map((b) => b.text.text)).toEqual(['Share in channel']);
    const historyText = String(history?.text);
    expect(historyText).toContain('*Assessment results for Leeds* (1, newest first)');
    expect(historyText).toContain('*NIACE Learning City Toolkit – quick check*');
    expect(historyText).toMatch(/• \d{1,2} \w+: \*75%\* · Partnership 83%, Participation 78%, Performance 67%/u);

    // Slack gets no file upload for the export: the CSV is a block to copy, with the file name to use.
    await command(stack, 'export');
    const exported = String(urls.visible('U0ANNA').at(-1)?.text);
    const team = WORKSPACE.replace(/^slack:/u, '');
    expect(exported).toContain(`Copy the block below into a file named \`${team}-${new Date().toISOString().slice(0, 10)}.csv\`.`);
    expect(exported).toMatch(/```\nresult_id,completed_at,city,/u);
    expect(errorsOf(stack)).toEqual([]);
  });

  it('carries on after a restart: a click on the last prompt shown finishes with every earlier answer kept', async () => {
    api = startApi();
    urls = fakeResponseUrls();
    const databasePath = newDatabase();
    const first = await openStack(databasePath);
    const shown = await startAssessment(first, 'Sheffield');
    await answerAll(first, shown, [['2', 2], ['3', 3], ['Skip', 4], ['1', 5]]);
    const before = { 'partnership-body': 2, 'partnership-strategy': 3, 'partnership-review': null, 'participation-voice': 1 };
    expect(errorsOf(first)).toEqual([]);
    await shutStack(first);

    const second = await openStack(databasePath);
    expect(second.running.url).not.toBe(first.running.url);
    const [session] = await second.core.stores.sessions.listByWorkspace(WORKSPACE);
    expect(session).toMatchObject({ conversation: `${WORKSPACE}:${CHANNEL}`, userId: 'U0ANNA', city: 'Sheffield' });
    expect(session?.state).toMatchObject({ phase: 'run', engine: { index: 4, answers: before } });

    // The prompt Slack still shows (question 5) is clicked on the new process.
    await answerAll(second, shown, [['2', 6], ['3', 7], ['2', 8], ['1', 9]]);
    const { summary } = await finish(second, shown, '3');
    expect(String(summary?.params['text'])).toContain('*NIACE Learning City Toolkit – quick check: Sheffield*');
    expect(api.of('files.completeUploadExternal')).toHaveLength(1);

    const results = await second.core.stores.results.list(WORKSPACE, { city: 'sheffield' });
    expect(results).toHaveLength(1);
    expect(results[0]?.answers).toEqual({
      ...before,
      'participation-reach': 2, 'participation-civic': 3,
      'performance-internal': 2, 'performance-benchmark': 1, 'performance-added-value': 3,
    });
    expect(await second.core.stores.sessions.listByWorkspace(WORKSPACE)).toEqual([]);
    expect(errorsOf(second)).toEqual([]);
  });
});
