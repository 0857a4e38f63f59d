import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../adapters/slack/slack-app.js';
import { APOLOGY_TEXT } from '../../adapters/slack/slack-post.js';
import { LocalSlackApi } from '../../src/bench/local-slack-api.js';
import { createBot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/ports.js';
import { realKnowledgeBase } from '../support/knowledge.js';
import { FaultyProxy, type Fault, type ProxiedRequest } from './faulty-proxy.js';

const SECRET = 'faults0000signing0000secret00000';
const BOT_USER = 'U0BOT';

let slack: SlackApp | undefined;
let proxy: FaultyProxy | undefined;
let api: LocalSlackApi | undefined;
afterEach(async () => {
  proxy?.forwardHeld();
  await slack?.stop();
  await proxy?.close();
  await api?.close();
  slack = undefined;
  proxy = undefined;
  api = undefined;
});

const channelOf = (request: ProxiedRequest): string | null => new URLSearchParams(request.body).get('channel');
const isPost = (channel: string) => (request: ProxiedRequest): boolean => request.path.endsWith('/chat.postMessage') && channelOf(request) === channel;
const textOf = (request: ProxiedRequest): string => new URLSearchParams(request.body).get('text') ?? '';

/** The real Bolt app and the real knowledge base, its Web API calls going through a faulty proxy. */
const start = async (faults: (request: ProxiedRequest, attemptInChannel: number) => Fault): Promise<{ url: string; proxy: FaultyProxy }> => {
  api = await LocalSlackApi.start();
  const running = await FaultyProxy.start(api.url);
  proxy = running;
  running.setFaults((request) => {
    const channel = channelOf(request);
    if (!request.path.endsWith('/chat.postMessage') || channel === null) return 'pass';
    return faults(request, running.seen.filter(isPost(channel)).length);
  });
  slack = createSlackApp({
    config: { mode: 'http', botToken: 'xoxb-0-faults', signingSecret: SECRET, port: 0, apiUrl: running.url('/api/'), botUserId: BOT_USER, botId: 'B0BOT' },
    bot: createBot({ answers: await realKnowledgeBase() }),
    logger: silentLogger,
    lookupUsers: false,
    listen: { port: 0, host: '127.0.0.1' },
  });
  await slack.start();
  return { url: `http://127.0.0.1:${slack.address()?.port ?? 0}/slack/events`, proxy: running };
};

let events = 0;
/** A signed app_mention in `channel`, as Slack would POST it. */
const mention = async (url: string, channel: string, question: string): Promise<void> => {
  events += 1;
  const ts = `1700000100.${String(events).padStart(6, '0')}`;
  const body = JSON.stringify({
    token: 'unused', team_id: 'T0FAULT', api_app_id: 'A0', type: 'event_callback', event_id: `EvF${events}`, event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_mention', user: 'U0ANNA', text: `<@${BOT_USER}> ${question}`, ts, channel, event_ts: ts },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature }, body });
  expect(response.status).toBe(200);
};

describe('Slack Web API failing for one conversation', () => {
  it('answers channel B while channel A’s chat.postMessage got a 500 and its retry hangs; A is answered once the API recovers', async () => {
    // Channel A: the first post fails with 500, the retry hangs until the test lets it through.
    const { url, proxy: faulty } = await start((request, attempt) => (channelOf(request) !== 'CA' ? 'pass' : attempt === 0 ? { status: 500 } : attempt === 1 ? 'hold' : 'pass'));
    await mention(url, 'CA', 'What is a learning city?');
    await faulty.waitFor((request) => isPost('CA')(request) && request.outcome === 'held');

    await mention(url, 'CB', 'How do learning festivals help?');
    const answerB = await faulty.waitFor(isPost('CB'));
    expect(answerB.outcome).toBe('forwarded');
    expect(textOf(answerB)).not.toBe(APOLOGY_TEXT);
    expect(textOf(answerB).length).toBeGreaterThan(20);
    // B was answered while A's call was still hanging.
    expect(faulty.held().map(channelOf)).toEqual(['CA']);

    faulty.forwardHeld();
    await slack?.idle();
    const postsA = faulty.seen.filter(isPost('CA'));
    expect(postsA.map((request) => request.outcome)).toEqual(['failed', 'forwarded']);
    expect(textOf(postsA[1] ?? postsA[0] ?? answerB)).toMatch(/learning city/i);
    expect(faulty.seen.filter(isPost('CB'))).toHaveLength(1);
  });

  it('answers channel B while channel A’s call hangs; when A’s connection drops, the retry delivers A’s answer', async () => {
    const { url, proxy: faulty } = await start((request, attempt) => (channelOf(request) === 'CA' && attempt === 0 ? 'hold' : 'pass'));
    await mention(url, 'CA', 'What is a learning city?');
    await faulty.waitFor((request) => isPost('CA')(request) && request.outcome === 'held');

    await mention(url, 'CB', 'What is a learning city?');
    const answerB = await faulty.waitFor(isPost('CB'));
    expect(textOf(answerB)).toMatch(/learning city/i);
    expect(faulty.held().map(channelOf)).toEqual(['CA']);

    faulty.dropHeld();
    await faulty.waitFor((request) => isPost('CA')(request) && request.outcome === 'forwarded');
    await slack?.idle();
    const postsA = faulty.seen.filter(isPost('CA'));
    expect(postsA.map((request) => request.outcome)).toEqual(['dropped', 'forwarded']);
    expect(textOf(postsA[1] ?? answerB)).toBe(textOf(answerB));
  });
});
