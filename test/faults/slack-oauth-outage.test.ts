import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/ports.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { createTokenCipher } from '../../src/storage/token-cipher.js';
import { startFakeSlackOAuthApi } from '../adapters/slack/fake-slack-oauth.js';
import { sendEvent } from '../adapters/slack/slack-harness.js';
import {
  LEEDS, fakeOptions, installThroughBrowser, lifecycleEvent, mentionPayload, startOAuthSlack,
} from '../adapters/slack/slack-oauth-harness.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/*
 * OAuth mode on PostgreSQL, reached through a proxy that is cut and restored: finding an event's
 * installation needs the database, so an event that arrives while it is down is left for Slack to
 * deliver again (503) rather than dropped as if the workspace had uninstalled the app.
 */

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const setUp = async () => {
  const schema = await freshSchema();
  const proxy = await TcpProxy.start(Number(new URL(schema.url).port || 5432));
  const stores = await createPostgresStores(proxy.through(schema.url), silentLogger, {
    connectionTimeoutMs: 500,
    tokenCipher: createTokenCipher({ current: randomBytes(32) }),
  });
  const api = await startFakeSlackOAuthApi(fakeOptions);
  closers.push(schema.drop, () => proxy.close(), () => stores.close(), () => api.close());
  const running = await startOAuthSlack(api, stores.installations, { dedupe: stores.dedupe });
  closers.push(() => running.close());
  expect((await installThroughBrowser(running.base, LEEDS.code)).status).toBe(200);
  return { proxy, stores, api, running };
};

describe.skipIf(!withPostgres)('Slack OAuth while PostgreSQL is unreachable', () => {
  it('answers an event 503 without a Web API call, and its redelivery once the database is back', async () => {
    const { proxy, api, running } = await setUp();
    const mention = mentionPayload(LEEDS, 'T0LEEDS', 'C0LEEDS');
    const before = api.calls.length;

    proxy.cut();
    expect((await sendEvent(running.events, mention)).status).toBe(503);
    await running.slack.idle();
    expect(api.calls.slice(before)).toEqual([]);
    expect(running.logger.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(running.logger.lines.some((line) => line.startsWith('warn') && line.includes('database unreachable while finding the installation'))).toBe(true);

    proxy.restore();
    expect((await sendEvent(running.events, mention, { retryNum: 1, retryReason: 'http_error' })).status).toBe(200);
    await running.slack.idle();
    expect(api.callsOf('chat.postMessage').map((call) => [call.form.get('channel'), call.authorization])).toEqual([['C0LEEDS', `Bearer ${LEEDS.botToken}`]]);
  });

  it('answers app_uninstalled 503 while the tokens cannot be deleted, and deletes them when Slack sends it again', async () => {
    const { proxy, stores, running } = await setUp();
    proxy.cut();
    expect((await lifecycleEvent(running.events, LEEDS, 'T0LEEDS', { type: 'app_uninstalled' })).status).toBe(503);
    proxy.restore();
    expect(await stores.installations.get('slack:T0LEEDS', '')).toBeDefined();
    expect((await lifecycleEvent(running.events, LEEDS, 'T0LEEDS', { type: 'app_uninstalled' })).status).toBe(200);
    expect(await stores.installations.get('slack:T0LEEDS', '')).toBeUndefined();
  });
});
