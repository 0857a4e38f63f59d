import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/ports.js';
import { createSqliteStores, type SqliteStores } from '../../../src/storage/sqlite-stores.js';
import { createTokenCipher } from '../../../src/storage/token-cipher.js';
import { createBot } from '../../../src/core/bot.js';
import { tempDir } from '../../storage/temp-dir.js';
import { createCore } from '../../../src/app.js';
import type { Clock } from '../../../src/core/ports.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { seedUser } from '../../privacy/seed.js';
import { fakeAnswers } from './fake-ports.js';
import { startFakeSlackOAuthApi, type FakeSlackOAuthApi } from './fake-slack-oauth.js';
import { captureLogger, envelope, fakeSlackApi, sendEvent, startSlack } from './slack-harness.js';
import {
  GRID, LEEDS, LEEDS_AGAIN, YORK, fakeOptions, installThroughBrowser, lifecycleEvent, mentionFrom, recordingLifecycle, startOAuthSlack,
  type RunningOAuthSlack,
} from './slack-oauth-harness.js';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

interface Setup {
  api: FakeSlackOAuthApi;
  stores: SqliteStores;
  running: RunningOAuthSlack;
  lifecycle: ReturnType<typeof recordingLifecycle>;
}

/** The app installed in Leeds, York and the Grid org, each through the real OAuth routes. */
const installedEverywhere = async (): Promise<Setup> => {
  const api = await startFakeSlackOAuthApi(fakeOptions);
  closers.push(() => api.close());
  const stores = createSqliteStores(join(tempDir(), 'bot.db'), silentLogger, { tokenCipher: createTokenCipher({ current: randomBytes(32) }) });
  closers.push(() => stores.close());
  const lifecycle = recordingLifecycle();
  const running = await startOAuthSlack(api, stores.installations, { lifecycle, lookupUsers: true });
  closers.push(() => running.close());
  for (const install of [LEEDS, YORK, GRID]) expect((await installThroughBrowser(running.base, install.code)).status).toBe(200);
  return { api, stores, running, lifecycle };
};

const rowsOf = (stores: SqliteStores, workspace: string): number =>
  stores.db.prepare('SELECT count(*) FROM installations WHERE workspace = ?').pluck().get(workspace) as number;

/** Lines at warn or error: an uninstalled workspace's events must leave none. */
const loudLines = (running: RunningOAuthSlack): string[] => running.logger.lines.filter((line) => /^(?:warn|error) /u.test(line));

describe('Slack uninstalls and revoked tokens', () => {
  it('removes the tokens at once on app_uninstalled and then ignores that workspace quietly', async () => {
    const { api, stores, running, lifecycle } = await installedEverywhere();
    const before = Date.now();
    const response = await lifecycleEvent(running.events, LEEDS, 'T0LEEDS', { type: 'app_uninstalled' });
    // Acknowledged only once the rows are gone.
    expect(response.status).toBe(200);
    expect(rowsOf(stores, 'slack:T0LEEDS')).toBe(0);
    expect(rowsOf(stores, 'slack:T0YORK')).toBe(2);
    expect(lifecycle.removedCalls.map(([workspace]) => workspace)).toEqual(['slack:T0LEEDS']);
    expect(lifecycle.removedCalls[0]?.[1].getTime()).toBeGreaterThanOrEqual(before);

    const callsBefore = api.calls.length;
    expect((await mentionFrom(running.events, LEEDS, 'T0LEEDS', 'C0LEEDS')).status).toBe(200);
    await running.slack.idle();
    expect(api.calls.slice(callsBefore)).toEqual([]);
    expect(loudLines(running)).toEqual([]);
    expect(running.logger.lines.some((line) => line.startsWith('debug') && line.includes('without an installation'))).toBe(true);

    // The other workspaces are untouched.
    expect((await mentionFrom(running.events, YORK, 'T0YORK', 'C0YORK')).status).toBe(200);
    await running.slack.idle();
    expect(api.callsOf('chat.postMessage').map((call) => call.authorization)).toEqual([`Bearer ${YORK.botToken}`]);
    expect(api.failures).toEqual([]);
  });

  it('treats a revoked bot token as the end of the installation', async () => {
    const { api, stores, running, lifecycle } = await installedEverywhere();
    const response = await lifecycleEvent(running.events, YORK, 'T0YORK', { type: 'tokens_revoked', tokens: { bot: [YORK.botUserId] } });
    expect(response.status).toBe(200);
    expect(rowsOf(stores, 'slack:T0YORK')).toBe(0);
    expect(lifecycle.removedCalls.map(([workspace]) => workspace)).toEqual(['slack:T0YORK']);
    const callsBefore = api.calls.length;
    await mentionFrom(running.events, YORK, 'T0YORK', 'C0YORK');
    await running.slack.idle();
    expect(api.calls.slice(callsBefore)).toEqual([]);
    expect(loudLines(running)).toEqual([]);
  });

  it('keeps the bot when only user tokens are revoked', async () => {
    const { api, stores, running, lifecycle } = await installedEverywhere();
    await lifecycleEvent(running.events, LEEDS, 'T0LEEDS', { type: 'tokens_revoked', tokens: { oauth: [LEEDS.installer] } });
    expect(stores.db.prepare("SELECT user_id FROM installations WHERE workspace = 'slack:T0LEEDS'").pluck().all()).toEqual(['']);
    expect(lifecycle.removedCalls).toEqual([]);
    await mentionFrom(running.events, LEEDS, 'T0LEEDS', 'C0LEEDS');
    await running.slack.idle();
    expect(api.callsOf('chat.postMessage').map((call) => call.authorization)).toEqual([`Bearer ${LEEDS.botToken}`]);
  });

  it('removes an org-wide install by its enterprise id', async () => {
    const { api, stores, running, lifecycle } = await installedEverywhere();
    await lifecycleEvent(running.events, GRID, 'T0GRIDA', { type: 'app_uninstalled' });
    expect(rowsOf(stores, 'slack:E0GRID')).toBe(0);
    expect(lifecycle.removedCalls.map(([workspace]) => workspace)).toEqual(['slack:E0GRID']);
    const callsBefore = api.calls.length;
    await mentionFrom(running.events, GRID, 'T0GRIDA', 'C0GRIDA');
    await running.slack.idle();
    expect(api.calls.slice(callsBefore)).toEqual([]);
    expect(loudLines(running)).toEqual([]);
  });

  it('answers again after a workspace installs the app anew, and tells the lifecycle it returned', async () => {
    const { api, running, lifecycle } = await installedEverywhere();
    expect(lifecycle.returnedCalls).toEqual(['slack:T0LEEDS', 'slack:T0YORK', 'slack:E0GRID']);
    await lifecycleEvent(running.events, LEEDS, 'T0LEEDS', { type: 'app_uninstalled' });
    expect((await installThroughBrowser(running.base, LEEDS_AGAIN.code)).status).toBe(200);
    expect(lifecycle.returnedCalls).toEqual(['slack:T0LEEDS', 'slack:T0YORK', 'slack:E0GRID', 'slack:T0LEEDS']);
    await mentionFrom(running.events, LEEDS, 'T0LEEDS', 'C0LEEDS');
    await running.slack.idle();
    expect(api.callsOf('chat.postMessage').map((call) => call.authorization)).toEqual([`Bearer ${LEEDS.botToken}`]);
  });

  it('in single-token mode only tells the lifecycle and says the token no longer works', async () => {
    const api = fakeSlackApi();
    closers.push(() => api.reset());
    const lifecycle = recordingLifecycle();
    const logger = captureLogger();
    const running = await startSlack(createBot({ answers: fakeAnswers() }), { lifecycle, logger });
    closers.push(() => running.close());
    expect((await sendEvent(running.url, envelope({ type: 'app_uninstalled', event_ts: '1700000000.000100' }))).status).toBe(200);
    expect(lifecycle.removedCalls.map(([workspace]) => workspace)).toEqual(['slack:T0LEEDS']);
    expect(api.calls).toEqual([]);
    expect(logger.lines.filter((line) => line.startsWith('warn'))).toEqual([expect.stringContaining('SLACK_BOT_TOKEN no longer works')]);
  });

  it('deletes an uninstalled workspace’s data after RETENTION_DAYS_AFTER_REMOVAL, on an injected clock, and no other', async () => {
    const DAY = 86_400_000;
    let now = new Date('2026-06-01T12:00:00.000Z');
    const clock: Clock = { now: () => now };
    const api = await startFakeSlackOAuthApi(fakeOptions);
    closers.push(() => api.close());
    const core = await createCore({
      knowledgeDir: copyKnowledge(),
      databasePath: join(tempDir(), 'bot.db'),
      logger: silentLogger,
      clock,
      tokenCipher: createTokenCipher({ current: randomBytes(32) }),
      retentionDaysAfterRemoval: 30,
    });
    closers.push(() => core.close());
    const running = await startOAuthSlack(api, core.stores.installations, { lifecycle: core.lifecycle, bot: core.bot, clock });
    closers.push(() => running.close());
    for (const install of [LEEDS, YORK]) expect((await installThroughBrowser(running.base, install.code)).status).toBe(200);
    await seedUser(core.stores, { platform: 'slack', workspaceId: 'T0LEEDS', channelId: 'C0LEEDS' }, 'U0ANNA', 'leeds', now);
    await seedUser(core.stores, { platform: 'slack', workspaceId: 'T0YORK', channelId: 'C0YORK' }, 'U0BEN', 'york', now);

    expect((await lifecycleEvent(running.events, LEEDS, 'T0LEEDS', { type: 'app_uninstalled' })).status).toBe(200);
    const kept = async (workspace: string) => ({
      results: (await core.stores.results.list(workspace)).length,
      reminders: (await core.stores.reminders.listByWorkspace(workspace)).length,
      sessions: (await core.stores.sessions.listByWorkspace(workspace)).length,
      feedback: (await core.stores.feedback.listByWorkspace(workspace)).length,
    });
    const all = { results: 1, reminders: 2, sessions: 1, feedback: 1 };

    // Kept through the grace period, in case the workspace installs the app again.
    now = new Date(now.getTime() + 30 * DAY - 60_000);
    await core.reminders.tick();
    expect(await kept('slack:T0LEEDS')).toEqual(all);
    now = new Date(now.getTime() + 2 * 60_000);
    await core.reminders.tick();
    expect(await kept('slack:T0LEEDS')).toEqual({ results: 0, reminders: 0, sessions: 0, feedback: 0 });
    expect(await kept('slack:T0YORK')).toEqual(all);
  });
});
