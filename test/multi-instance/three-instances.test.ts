import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/storage/stores.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { blockAction, envelope, fixture, sendAction, sendEvent, TEAM } from '../adapters/slack/slack-harness.js';
import { copyKnowledge } from '../support/knowledge.js';
import { adminQuery, freshSchema, withPostgres } from '../support/postgres.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { startBotInstance, stopBotInstance, type BotInstance } from './bot-instances.js';
import { SharedWebApi, type WebApiCall } from './shared-web-api.js';

/*
 * Three real bot processes (`src/main.ts`, Slack HTTP mode) behind no load balancer but the test,
 * which sends each signed request to an instance of its choosing. They share one PostgreSQL schema
 * of this run and one fake Slack Web API, as instances in production share the database and Slack.
 * The instances reach PostgreSQL through a TCP proxy that the outage test cuts and restores: the
 * shared server itself is never restarted (`pg_ctlcluster … restart`), which would break every
 * other test run using it at the same moment; to the bot, a cut proxy looks the same as a server
 * that went away (connections reset, new ones refused).
 */

const CHANNEL = 'C0LEARN';
const REMINDER_CHANNEL = 'C0REMIND';

let schema: Awaited<ReturnType<typeof freshSchema>> | undefined;
let stores: Stores | undefined;
let api: SharedWebApi | undefined;
let proxy: TcpProxy | undefined;
let knowledgeDir: string | undefined;
const instances: BotInstance[] = [];

const random = <T,>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const alive = (): BotInstance[] => instances.filter((instance) => instance.child.exitCode === null && instance.child.signalCode === null);
const need = <T,>(value: T | undefined): T => {
  if (value === undefined) throw new Error('suite not set up');
  return value;
};

beforeAll(async () => {
  if (!withPostgres) return;
  schema = await freshSchema();
  stores = await createPostgresStores(schema.url);
  api = await SharedWebApi.start();
  knowledgeDir = copyKnowledge();
  // A reminder due now, every minute, active since before the instances start: every scheduler
  // sees the current slot as missed and tries to send it when it starts.
  const now = new Date();
  await stores.reminders.create({
    id: 'rmulti',
    workspace: `slack:${TEAM}`,
    platform: 'slack',
    workspaceId: TEAM,
    target: { kind: 'channel', channelId: REMINDER_CHANNEL },
    schedule: { kind: 'cron', expr: '* * * * *' },
    timeZone: 'UTC',
    createdBy: 'slack:T0LEEDS:U0ANNA',
    createdAt: new Date(now.getTime() - 10 * 60_000),
    activeSince: new Date(now.getTime() - 10 * 60_000),
    paused: false,
  });
  proxy = await TcpProxy.start(Number(new URL(schema.url).port || 5432));
  const env = { databaseUrl: proxy.through(schema.url), apiUrl: api.url, knowledgeDir };
  // The first builds the search index in the shared knowledge folder; the other two read it.
  instances.push(await startBotInstance(env));
  instances.push(...(await Promise.all([startBotInstance(env), startBotInstance(env)])));
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map(stopBotInstance));
  await api?.close();
  await proxy?.close();
  await stores?.close();
  await schema?.drop();
  if (knowledgeDir) rmSync(knowledgeDir, { recursive: true, force: true });
}, 30_000);

/** Waits a little longer after the expected calls arrived, so a second (wrong) answer would show. */
const settle = (ms = 750): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}
const buttonsOf = (call: WebApiCall): Button[] =>
  ((call.params['blocks'] ?? []) as Array<{ type: string; elements?: Button[] }>)
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []);
const shows = (call: WebApiCall, text: string): boolean => JSON.stringify(call.params['blocks'] ?? call.params['text']).includes(text);

/** The signed click on the level-`level` button of the prompt `shown` (message `promptTs` in `thread`). */
const clickLevel = async (shown: WebApiCall, promptTs: string, thread: string, level: number): Promise<object> => {
  const button = buttonsOf(shown).find((candidate) => candidate.value.startsWith(`assess:answer:${level}`));
  if (!button) throw new Error(`no button for level ${level}`);
  return blockAction({ messageTs: promptTs, threadTs: thread, blocks: shown.params['blocks'] as unknown[], actionId: button.action_id, label: button.text.text, value: button.value });
};

/** Starts `assess niace-quick for <city>` in a new thread through `instance`; the first prompt and its ts. */
const startAssessment = async (instance: BotInstance, thread: string, city: string, eventId: string): Promise<{ shown: WebApiCall; promptTs: string }> => {
  const web = need(api);
  const start = envelope(
    { type: 'app_mention', text: `<@U0BOT> assess niace-quick for ${city}`, user: 'U0ANNA', ts: thread, team: TEAM, channel: CHANNEL, event_ts: thread },
    eventId,
  );
  expect((await sendEvent(instance.url, start)).status).toBe(200);
  const shown = await web.until((calls) => calls.find((call) => call.method === 'chat.postMessage' && call.params['thread_ts'] === thread && shows(call, 'Question 1 of 9')));
  return { shown, promptTs: need(shown.ts) };
};

/** The prompt once the clicked message `promptTs` shows `question`, among the calls after `from`. */
const promptShowing = (promptTs: string, question: string, from: number): Promise<WebApiCall> =>
  need(api).until((calls) => calls.slice(from).find((call) => call.method === 'chat.update' && call.params['ts'] === promptTs && shows(call, question)));

/** The results saved for `city`, once there is one (or after 10 s). */
const savedResults = async (city: string) => {
  const deadline = Date.now() + 10_000;
  let saved = await need(stores).results.list(`slack:${TEAM}`, { city });
  while (saved.length === 0 && Date.now() < deadline) {
    await settle(100);
    saved = await need(stores).results.list(`slack:${TEAM}`, { city });
  }
  await settle();
  return need(stores).results.list(`slack:${TEAM}`, { city });
};

describe.skipIf(!withPostgres)('three bot processes sharing one PostgreSQL and one Slack', () => {
  it('three schedulers send the reminder slot that is due once', async () => {
    const web = need(api);
    await web.until((calls) => calls.some((call) => call.method === 'chat.postMessage' && call.params['channel'] === REMINDER_CHANNEL) || undefined);
    await settle(1_500);
    const sent = web.of('chat.postMessage').filter((call) => call.params['channel'] === REMINDER_CHANNEL);
    const { rows } = await adminQuery(`SELECT slot, status FROM ${need(schema).schema}.reminder_deliveries WHERE reminder_id = 'rmulti'`);
    // One claimed slot per message, and each slot claimed once (the primary key), whichever instance sent it.
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(sent).toHaveLength(rows.length);
    expect(rows.every((row: { status: string }) => row.status === 'sent')).toBe(true);
  });

  it('a retry of the same event sent to another instance is answered once', async () => {
    const web = need(api);
    const mention = envelope({ ...(await fixture('app-mention.json'))['event'] as object, ts: '1700000500.000100', event_ts: '1700000500.000100' }, 'EvMULTI1');
    const [first, second, third] = [...instances].sort(() => Math.random() - 0.5) as [BotInstance, BotInstance, BotInstance];
    const statuses = [
      (await sendEvent(first.url, mention)).status,
      (await sendEvent(second.url, mention, { retryNum: 1 })).status,
      (await sendEvent(third.url, mention, { retryNum: 2, retryReason: 'http_error' })).status,
    ];
    expect(statuses).toEqual([200, 200, 200]);
    const inThread = () => web.of('chat.postMessage').filter((call) => call.params['thread_ts'] === '1700000500.000100');
    await web.until(() => inThread().length > 0 || undefined);
    await settle();
    expect(inThread()).toHaveLength(1);
  });

  it('an assessment whose clicks go round-robin to all three completes with the right answers, through a kill -9 of the instance that served the last click', async () => {
    const web = need(api);
    const thread = '1700000600.000100';
    const started = await startAssessment(random(instances), thread, 'Multiton', 'EvMULTI2');
    const promptTs = started.promptTs;
    let shown = started.shown;

    const levels = [2, 0, 3, 1, 2, 3, 0, 1, 2];
    let killed = false;
    for (const [index, level] of levels.entries()) {
      // Round-robin over the instances still running.
      const live = alive();
      const target = need(live[index % live.length]);
      const before = web.calls.length;
      expect((await sendAction(target.url, await clickLevel(shown, promptTs, thread, level))).status).toBe(200);
      if (index + 1 < levels.length) shown = await promptShowing(promptTs, `Question ${index + 2} of 9`, before);
      if (index === 4 && !killed) {
        // The answer was acknowledged and shown; the instance that took it now dies without warning.
        target.child.kill('SIGKILL');
        await target.exited;
        killed = true;
      }
    }
    expect(killed).toBe(true);
    expect(alive()).toHaveLength(2);
    // The last click's own update (the question marked with its choice) lands before the next test
    // counts this prompt's calls.
    await web.until((calls) => calls.find((call) => call.method === 'chat.update' && call.params['ts'] === promptTs && shows(call, 'Question 9 of 9') && shows(call, 'chose')));

    const saved = await savedResults('Multiton');
    expect(saved).toHaveLength(1);
    const answers = Object.values(need(saved[0]).answers);
    expect(answers).toHaveLength(9);
    expect([...answers].sort()).toEqual([...levels].sort());
    // Every question weighs the same in this framework: the mean level out of 3, to one decimal.
    expect(need(saved[0]).overallPercent).toBeCloseTo((100 * levels.reduce((sum, level) => sum + level, 0)) / (3 * levels.length), 1);
    // The summary went to the thread once.
    expect(web.of('chat.postMessage').filter((call) => call.params['thread_ts'] === thread && shows(call, 'Multiton')).length).toBeGreaterThanOrEqual(1);
  }, 45_000);

  it('a PostgreSQL outage in the middle of an assessment loses no acknowledged answer, and the instances recover by themselves', async () => {
    const web = need(api);
    const cut = need(proxy);
    const thread = '1700000700.000100';
    const started = await startAssessment(random(alive()), thread, 'Outageham', 'EvMULTI3');
    const promptTs = started.promptTs;
    let shown = started.shown;
    const levels = [1, 3, 2, 0, 3, 1, 2, 2, 0];
    const answer = async (index: number): Promise<void> => {
      const live = alive();
      const before = web.calls.length;
      expect((await sendAction(need(live[index % live.length]).url, await clickLevel(shown, promptTs, thread, need(levels[index])))).status).toBe(200);
      if (index + 1 < levels.length) shown = await promptShowing(promptTs, `Question ${index + 2} of 9`, before);
    };
    await answer(0);
    await answer(1);

    cut.cut();
    const [first, second] = alive() as [BotInstance, BotInstance];
    expect((await fetch(`${first.base}/readyz`)).status).toBe(503);
    // A click while the database is away: acknowledged, told privately that it could not be saved,
    // and the question keeps its buttons.
    const before = web.calls.length;
    expect((await sendAction(first.url, await clickLevel(shown, promptTs, thread, need(levels[2])))).status).toBe(200);
    const note = await web.until((calls) => calls.slice(before).find((call) => call.method === 'chat.postEphemeral'));
    expect(String(note.params['text'])).toContain('could not be saved just now');
    // A question while the database is away: 503, so Slack redelivers it.
    const question = envelope({ type: 'app_mention', text: '<@U0BOT> what is a learning city?', user: 'U0BEN', ts: '1700000750.000100', team: TEAM, channel: CHANNEL, event_ts: '1700000750.000100' }, 'EvMULTI4');
    expect((await sendEvent(second.url, question)).status).toBe(503);
    await settle();
    expect(web.calls.slice(before).filter((call) => call.method === 'chat.update' && call.params['ts'] === promptTs)).toEqual([]);

    cut.restore();
    // No restart: each instance's pool opens new connections when asked.
    const readyDeadline = Date.now() + 10_000;
    while ((await fetch(`${first.base}/readyz`)).status !== 200 && Date.now() < readyDeadline) await settle(100);
    expect((await fetch(`${first.base}/readyz`)).status).toBe(200);
    expect((await sendEvent(first.url, question, { retryNum: 1, retryReason: 'http_error' })).status).toBe(200);
    const answered = () => web.of('chat.postMessage').filter((call) => call.params['thread_ts'] === '1700000750.000100' && !shows(call, 'could not be saved'));
    await web.until(() => answered().length > 0 || undefined);
    // The same click again, on the other instance, now carries on from question 3.
    for (let index = 2; index < levels.length; index += 1) await answer(index);

    const saved = await savedResults('Outageham');
    expect(saved).toHaveLength(1);
    const answers = Object.values(need(saved[0]).answers);
    expect(answers).toHaveLength(9);
    expect([...answers].sort()).toEqual([...levels].sort());
    await settle();
    expect(answered()).toHaveLength(1);
  }, 45_000);
});
