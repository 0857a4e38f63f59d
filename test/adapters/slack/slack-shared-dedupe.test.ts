import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import type { BotEvent } from '../../../src/core/events.js';
import type { DedupeStore } from '../../../src/core/ports.js';
import { createPostgresStores } from '../../../src/storage/postgres-stores.js';
import { createSqliteStores } from '../../../src/storage/sqlite-stores.js';
import { tempDir } from '../../storage/temp-dir.js';
import { freshSchema, withPostgres } from '../../support/postgres.js';
import { fakeAnswers, fakeAssessments } from './fake-ports.js';
import { fakeResponseUrls } from './fake-response-urls.js';
import { captureLogger, fakeSlackApi, fixture, nowSeconds, sendCommand, sendEvent, startSlack, type RunningSlack } from './slack-harness.js';

/*
 * Two instances of the Slack app behind one load balancer, each with its own connection to one
 * shared database, as two bot processes would have. Slack's retry of an event, or a replayed
 * command, lands on the other instance than the first attempt.
 */

const running: RunningSlack[] = [];
const closers: Array<() => unknown> = [];
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  for (const instance of running.splice(0)) await instance.close();
  for (const close of closers.splice(0)) await close();
  api?.reset();
});

const backends: Array<{ name: string; skip: boolean; open: () => Promise<[DedupeStore, DedupeStore]> }> = [
  {
    name: 'one SQLite file',
    skip: false,
    open: async () => {
      const path = join(tempDir(), 'bot.db');
      const [a, b] = [createSqliteStores(path), createSqliteStores(path)];
      closers.push(() => a.close(), () => b.close());
      return [a.dedupe, b.dedupe];
    },
  },
  {
    name: 'PostgreSQL',
    skip: !withPostgres,
    open: async () => {
      const schema = await freshSchema();
      const [a, b] = [await createPostgresStores(schema.url), await createPostgresStores(schema.url)];
      closers.push(() => a.close().then(() => b.close()).then(schema.drop));
      return [a.dedupe, b.dedupe];
    },
  },
];

/** Two instances; every event either of them hands to its bot is recorded in `events`. */
const twoInstances = async (stores: [DedupeStore, DedupeStore]): Promise<{ events: BotEvent[]; urls: [string, string] }> => {
  const events: BotEvent[] = [];
  const real = createBot({ answers: fakeAnswers(), assessments: fakeAssessments() });
  for (const dedupe of stores) {
    running.push(await startSlack({ handle: (event) => (events.push(event), real.handle(event)) }, { dedupe }));
  }
  return { events, urls: [running[0]!.url, running[1]!.url] };
};

const idle = () => Promise.all(running.map((instance) => instance.slack.idle()));

describe.each(backends)('Slack instances sharing $name', ({ open, skip }) => {
  it.skipIf(skip)('answer an event once when its retry lands on the other instance', async () => {
    api = fakeSlackApi();
    const { events, urls } = await twoInstances(await open());
    const mention = await fixture('app-mention.json');
    const first = await sendEvent(urls[0], mention);
    await idle();
    const retry = await sendEvent(urls[1], mention, { retryNum: 1 });
    const again = await sendEvent(urls[1], mention, { retryNum: 2 });
    await idle();
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    expect(events).toHaveLength(1);
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it.skipIf(skip)('answer an event once when the first attempt and its retry arrive at both at the same moment', async () => {
    api = fakeSlackApi();
    const { events, urls } = await twoInstances(await open());
    const mention = await fixture('app-mention.json');
    const responses = await Promise.all([sendEvent(urls[0], mention), sendEvent(urls[1], mention, { retryNum: 1 })]);
    await idle();
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(events).toHaveLength(1);
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it.skipIf(skip)('run a replayed slash command once, whichever instance the replay reaches', async () => {
    api = fakeSlackApi();
    const responseUrls = fakeResponseUrls();
    const { events, urls } = await twoInstances(await open());
    const fields = await fixture('slash-command.json');
    const command = Object.fromEntries(
      Object.entries({ ...fields, text: 'results Testville', response_url: responseUrls.forCommand('C0LEARN', 'U0ANNA') }).map(([k, v]) => [k, String(v)]),
    );
    const timestamp = nowSeconds();
    await sendCommand(urls[0], command, { timestamp });
    await idle();
    await sendCommand(urls[1], command, { timestamp });
    await idle();
    expect(events).toHaveLength(1);
    expect(responseUrls.ephemerals).toHaveLength(1);
  });
});

describe('Slack with a shared dedupe store it cannot reach', () => {
  it('still answers, and logs that deduplication was only local', async () => {
    api = fakeSlackApi();
    const stores = createSqliteStores(join(tempDir(), 'bot.db'));
    stores.close();
    const logger = captureLogger();
    const events: BotEvent[] = [];
    const real = createBot({ answers: fakeAnswers() });
    running.push(await startSlack({ handle: (event) => (events.push(event), real.handle(event)) }, { dedupe: stores.dedupe, logger }));
    const mention = await fixture('app-mention.json');
    await sendEvent(running[0]!.url, mention);
    await sendEvent(running[0]!.url, mention, { retryNum: 1 });
    await idle();
    expect(events).toHaveLength(1);
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(logger.lines.filter((line) => line.includes('shared deduplication unavailable'))).toHaveLength(1);
  });
});
