import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/app.js';
import { STORAGE_UNAVAILABLE_TEXT } from '../../src/core/bot.js';
import type { Origin } from '../../src/core/events.js';
import { silentLogger } from '../../src/core/ports.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { copyKnowledge } from '../support/knowledge.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createSlackApp } from '../../adapters/slack/slack-app.js';
import { FakeSocketMode } from '../adapters/slack/fake-socket-mode.js';
import { BOT_TOKEN, BOT_USER, captureLogger, envelope, fakeSlackApi, fixture, sendEvent, startSlack, TEAM, type RunningSlack } from '../adapters/slack/slack-harness.js';

/*
 * PostgreSQL becomes unreachable while the bot runs. A TCP proxy in front of the shared server is
 * cut and restored rather than the server restarted, which would disturb every other run using it.
 */

const knowledgeDir = copyKnowledge();
const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
afterAll(async () => {
  const { rmSync } = await import('node:fs');
  rmSync(knowledgeDir, { recursive: true, force: true });
});

/** The real core on a fresh schema, reached through a proxy that can be cut. */
const coreBehindProxy = async (): Promise<{ core: Core; proxy: TcpProxy }> => {
  const schema = await freshSchema();
  const proxy = await TcpProxy.start(Number(new URL(schema.url).port || 5432));
  const stores = await createPostgresStores(proxy.through(schema.url), silentLogger, { connectionTimeoutMs: 500 });
  const core = await createCore({ knowledgeDir, databasePath: ':unused:', stores, logger: silentLogger });
  closers.push(schema.drop, () => proxy.close(), () => core.close());
  return { core, proxy };
};

const anna: Origin = { platform: 'slack', workspaceId: 'T0LEEDS', channelId: 'D0ANNA', userId: 'U0ANNA' };
const textOf = (replies: ReadonlyArray<{ text: string }>): string => replies.map((reply) => reply.text).join('\n');

describe.skipIf(!withPostgres)('PostgreSQL unreachable while the bot runs', () => {
  it('a typed answer during an assessment is refused as not saved, nothing before it is lost, and the pool reconnects by itself', async () => {
    const { core, proxy } = await coreBehindProxy();
    const say = async (text: string) => textOf(await core.bot.handle({ type: 'message', origin: anna, text }));
    expect(await say('assess niace-quick for Leeds')).toContain('Question 1 of 9');
    expect(await say('2')).toContain('Question 2 of 9');

    proxy.cut();
    // Whether "3" answers the running assessment cannot be known now; taking it as a question would lose it.
    expect(await say('3')).toBe(STORAGE_UNAVAILABLE_TEXT);
    expect(await say('progress')).toContain('could not be saved just now');

    proxy.restore();
    const progress = await say('progress');
    expect(progress).toContain('1 of 9');
    expect(await say('3')).toContain('Question 3 of 9');
  });

  it('a Slack event is answered 503 with a note, and its redelivery is answered once the database is back', async () => {
    const { core, proxy } = await coreBehindProxy();
    const api = fakeSlackApi();
    closers.push(() => api.reset());
    const running: RunningSlack = await startSlack(core.bot, { dedupe: core.stores.dedupe });
    closers.push(() => running.close());
    const mention = await fixture('app-mention.json');

    proxy.cut();
    const first = await sendEvent(running.url, mention);
    await running.slack.idle();
    expect(first.status).toBe(503);
    expect(api.of('chat.postMessage').map((call) => call.params['text'])).toEqual([STORAGE_UNAVAILABLE_TEXT]);
    // A redelivery while the database is still down: 503 again, and no second note.
    expect((await sendEvent(running.url, mention, { retryNum: 1 })).status).toBe(503);
    await running.slack.idle();
    expect(api.of('chat.postMessage')).toHaveLength(1);

    proxy.restore();
    expect((await sendEvent(running.url, mention, { retryNum: 2 })).status).toBe(200);
    await running.slack.idle();
    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(String(posts[1]?.params['text'])).not.toBe(STORAGE_UNAVAILABLE_TEXT);
    // Taken now: a further redelivery is acknowledged and not answered again.
    expect((await sendEvent(running.url, mention, { retryNum: 3 })).status).toBe(200);
    await running.slack.idle();
    expect(api.of('chat.postMessage')).toHaveLength(2);
  });

  it('in Socket Mode, an event the database was down for is left unacknowledged, and its redelivery is answered once', async () => {
    const { core, proxy } = await coreBehindProxy();
    const slackSide = await FakeSocketMode.start('xapp-1-A0APP-1-socketsecret');
    closers.push(() => slackSide.close());
    const logger = captureLogger();
    const slack = createSlackApp({
      config: { mode: 'socket', appToken: slackSide.appToken, port: 0, botToken: BOT_TOKEN, botUserId: BOT_USER, botId: 'B0BOT', apiUrl: slackSide.apiUrl },
      bot: core.bot,
      dedupe: core.stores.dedupe,
      logger,
      lookupUsers: false,
    });
    await slack.start();
    closers.push(() => slack.stop());
    const until = async (check: () => boolean): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error('condition not met within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await until(() => slackSide.connected);
    const ts = '1700000800.000100';
    const mention = envelope({ type: 'app_mention', text: '<@U0BOT> what is a learning city?', user: 'U0ANNA', ts, team: TEAM, channel: 'C0LEARN', event_ts: ts }, 'EvSOCKET1');
    const posts = () => slackSide.of('chat.postMessage').filter((call) => call.params['thread_ts'] === ts);

    proxy.cut();
    const first = slackSide.push(mention);
    await until(() => posts().length === 1);
    await slack.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Told that nothing could be saved; the envelope is not acknowledged, so Slack will redeliver it.
    expect(posts().map((call) => call.params['text'])).toEqual([STORAGE_UNAVAILABLE_TEXT]);
    expect(slackSide.acks).not.toContain(first);

    proxy.restore();
    const second = slackSide.push(mention, 1);
    await until(() => slackSide.acks.includes(second));
    await until(() => posts().length === 2);
    await slack.idle();
    expect(String(posts()[1]?.params['text'])).not.toBe(STORAGE_UNAVAILABLE_TEXT);
    // Taken now: another redelivery is acknowledged and not answered again.
    const third = slackSide.push(mention, 2);
    await until(() => slackSide.acks.includes(third));
    await slack.idle();
    expect(posts()).toHaveLength(2);
    expect(logger.lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});
