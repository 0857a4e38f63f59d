import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { silentLogger, type ChatBot } from '../../../src/core/ports.js';
import { createSqliteStores, type SqliteStores } from '../../../src/storage/sqlite-stores.js';
import { createTokenCipher, tokenKeyId, type TokenKeys } from '../../../src/storage/token-cipher.js';
import { tempDir } from '../../storage/temp-dir.js';
import { feedbackValue } from '../../../src/core/replies.js';
import { TINY_PNG } from './fake-ports.js';
import { blockAction, fixture, sendAction, sendCommand } from './slack-harness.js';
import { startFakeSlackOAuthApi, type FakeSlackOAuthApi } from './fake-slack-oauth.js';
import {
  GRID, LEEDS, YORK, fakeOptions, installThroughBrowser, mentionFrom, recordingLifecycle, startOAuthSlack, type RunningOAuthSlack,
} from './slack-oauth-harness.js';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const fakeApi = async (): Promise<FakeSlackOAuthApi> => {
  const api = await startFakeSlackOAuthApi(fakeOptions);
  closers.push(() => api.close());
  return api;
};

const openStores = (path: string, keys: TokenKeys): SqliteStores => {
  const stores = createSqliteStores(path, silentLogger, { tokenCipher: createTokenCipher(keys) });
  closers.push(() => stores.close());
  return stores;
};

const start = async (...args: Parameters<typeof startOAuthSlack>): Promise<RunningOAuthSlack> => {
  const running = await startOAuthSlack(...args);
  closers.push(() => running.close());
  return running;
};

const rawRows = (stores: SqliteStores): Array<Record<string, unknown>> =>
  stores.db.prepare('SELECT * FROM installations ORDER BY workspace, user_id').all() as Array<Record<string, unknown>>;

/** Every call but the code exchange carried a token, and each was one Slack accepted. */
const expectEveryCallAuthorised = (api: FakeSlackOAuthApi): void => {
  const tokens = new Set([LEEDS, YORK, GRID].map((install) => `Bearer ${install.botToken}`));
  for (const call of api.calls.filter((c) => c.method !== 'oauth.v2.access')) expect(tokens.has(call.authorization ?? '')).toBe(true);
  expect(api.failures).toEqual([]);
};

describe('Slack OAuth distribution', () => {
  it('installs in two workspaces through the real OAuth routes and answers each with its own bot token', async () => {
    const api = await fakeApi();
    const stores = openStores(join(tempDir(), 'bot.db'), { current: randomBytes(32) });
    const lifecycle = recordingLifecycle();
    const running = await start(api, stores.installations, { lifecycle, lookupUsers: true });

    const page = await fetch(`${running.base}/slack/install`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('What the bot stores');
    expect(html).toContain('stored encrypted');
    expect(html).toMatch(/href="https:\/\/slack\.com\/oauth\/v2\/authorize\?scope=app_mentions%3Aread%2Cchat%3Awrite/u);

    expect((await installThroughBrowser(running.base, LEEDS.code)).status).toBe(200);
    expect((await installThroughBrowser(running.base, YORK.code)).status).toBe(200);
    expect(lifecycle.returnedCalls).toEqual(['slack:T0LEEDS', 'slack:T0YORK']);
    // Each install's auth.test went out with the token just issued.
    expect(api.callsOf('auth.test').map((call) => call.authorization)).toEqual([`Bearer ${LEEDS.botToken}`, `Bearer ${YORK.botToken}`]);

    expect((await mentionFrom(running.events, LEEDS, 'T0LEEDS', 'C0LEEDS')).status).toBe(200);
    expect((await mentionFrom(running.events, YORK, 'T0YORK', 'C0YORK')).status).toBe(200);
    await running.slack.idle();

    const posts = api.callsOf('chat.postMessage').map((call) => [call.form.get('channel'), call.authorization]);
    expect(posts).toEqual([
      ['C0LEEDS', `Bearer ${LEEDS.botToken}`],
      ['C0YORK', `Bearer ${YORK.botToken}`],
    ]);
    const lookups = api.callsOf('users.info').map((call) => call.authorization);
    expect(lookups).toEqual([`Bearer ${LEEDS.botToken}`, `Bearer ${YORK.botToken}`]);
    expectEveryCallAuthorised(api);
    expect(running.logger.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    for (const token of [LEEDS.botToken, YORK.botToken]) expect(running.logger.lines.join('\n')).not.toContain(token);
  });

  it('keys an org-wide Enterprise Grid install by its enterprise and answers its workspaces with the org token', async () => {
    const api = await fakeApi();
    const stores = openStores(join(tempDir(), 'bot.db'), { current: randomBytes(32) });
    const lifecycle = recordingLifecycle();
    const running = await start(api, stores.installations, { lifecycle });

    expect((await installThroughBrowser(running.base, GRID.code)).status).toBe(200);
    expect(lifecycle.returnedCalls).toEqual(['slack:E0GRID']);
    expect(rawRows(stores).map((row) => [row['workspace'], row['user_id']])).toEqual([
      ['slack:E0GRID', ''],
      ['slack:E0GRID', 'U0CARA'],
    ]);

    expect((await mentionFrom(running.events, GRID, 'T0GRIDA', 'C0GRIDA')).status).toBe(200);
    await running.slack.idle();
    expect(api.callsOf('chat.postMessage').map((call) => [call.form.get('channel'), call.authorization])).toEqual([['C0GRIDA', `Bearer ${GRID.botToken}`]]);
    expectEveryCallAuthorised(api);
  });

  it('uploads a chart to each workspace with that workspace’s token', async () => {
    const api = await fakeApi();
    const stores = openStores(join(tempDir(), 'bot.db'), { current: randomBytes(32) });
    const chart: ChatBot = {
      handle: async () => [{ kind: 'summary', text: 'Leeds: 62%', image: { filename: 'chart.png', mimeType: 'image/png', data: TINY_PNG, alt: 'Scores' } }],
    };
    const running = await start(api, stores.installations, { bot: chart });
    await installThroughBrowser(running.base, LEEDS.code);
    await installThroughBrowser(running.base, YORK.code);

    await mentionFrom(running.events, LEEDS, 'T0LEEDS', 'C0LEEDS', 'results Leeds');
    await running.slack.idle();
    await mentionFrom(running.events, YORK, 'T0YORK', 'C0YORK', 'results York');
    await running.slack.idle();
    const uploadCalls = api.calls.filter((call) => call.method.startsWith('files.') || call.method === 'upload');
    expect(uploadCalls.map((call) => [call.method, call.form.get('channel_id'), call.authorization])).toEqual([
      ['files.getUploadURLExternal', null, `Bearer ${LEEDS.botToken}`],
      ['upload', null, `Bearer ${LEEDS.botToken}`],
      ['files.completeUploadExternal', 'C0LEEDS', `Bearer ${LEEDS.botToken}`],
      ['files.getUploadURLExternal', null, `Bearer ${YORK.botToken}`],
      ['upload', null, `Bearer ${YORK.botToken}`],
      ['files.completeUploadExternal', 'C0YORK', `Bearer ${YORK.botToken}`],
    ]);
    expectEveryCallAuthorised(api);
  });

  it('runs slash commands and clicks with the token of the workspace they came from', async () => {
    const api = await fakeApi();
    const stores = openStores(join(tempDir(), 'bot.db'), { current: randomBytes(32) });
    const running = await start(api, stores.installations, { lookupUsers: true });
    await installThroughBrowser(running.base, LEEDS.code);
    await installThroughBrowser(running.base, YORK.code);
    const before = api.calls.length;

    const command = { ...(await fixture('slash-command.json')), team_id: 'T0YORK', channel_id: 'C0YORK', text: 'help', response_url: api.responseUrl('york-command') };
    expect((await sendCommand(running.events, command as Record<string, string>)).status).toBe(200);
    await running.slack.idle();
    const click = JSON.parse(
      JSON.stringify(await blockAction({ messageTs: '1700000200.000100', actionId: 'lc_feedback_up', label: '👍', value: feedbackValue('q1', true) }))
        .replaceAll('C0LEARN', 'C0LEEDS'),
    ) as Record<string, unknown>;
    expect((await sendAction(running.events, click)).status).toBe(200);
    await running.slack.idle();

    expect(api.calls.slice(before).map((call) => [call.method, call.authorization])).toEqual([
      ['users.info', `Bearer ${YORK.botToken}`],
      ['response_url', undefined],
      ['users.info', `Bearer ${LEEDS.botToken}`],
      ['chat.postEphemeral', `Bearer ${LEEDS.botToken}`],
    ]);
    expect(api.failures).toEqual([]);
  });

  it('installs nothing when the redirect does not come back to the browser that started it', async () => {
    const api = await fakeApi();
    const stores = openStores(join(tempDir(), 'bot.db'), { current: randomBytes(32) });
    const running = await start(api, stores.installations);
    const response = await installThroughBrowser(running.base, LEEDS.code, 'a-state-from-another-browser');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(api.callsOf('oauth.v2.access')).toEqual([]);
    expect(rawRows(stores)).toEqual([]);
  });
});

describe('installation tokens at rest', () => {
  it('stores bytes that are not the token, under the key id of TOKEN_ENCRYPTION_KEY', async () => {
    const api = await fakeApi();
    const key = randomBytes(32);
    const stores = openStores(join(tempDir(), 'bot.db'), { current: key });
    const running = await start(api, stores.installations);
    await installThroughBrowser(running.base, LEEDS.code);

    const rows = rawRows(stores);
    expect(rows).toHaveLength(2);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(LEEDS.botToken);
    expect(raw).not.toContain('leedsbottoken');
    expect(raw).toContain('T0LEEDS');
    for (const row of rows) expect(row['key_id']).toBe(tokenKeyId(key));
  });

  it('refuses to start with a key the stored tokens were not encrypted with, saying what to set', async () => {
    const api = await fakeApi();
    const path = join(tempDir(), 'bot.db');
    const key = randomBytes(32);
    const first = await start(api, openStores(path, { current: key }).installations);
    await installThroughBrowser(first.base, LEEDS.code);
    await first.close();

    const wrong = openStores(path, { current: randomBytes(32) });
    const failed = startOAuthSlack(api, wrong.installations);
    await expect(failed).rejects.toBeInstanceOf(ConfigError);
    await expect(startOAuthSlack(api, wrong.installations)).rejects.toThrow(
      `Stored Slack installation tokens were encrypted with key id(s) ${tokenKeyId(key)}, which neither TOKEN_ENCRYPTION_KEY nor TOKEN_ENCRYPTION_KEY_PREVIOUS matches.`,
    );
  });

  it('after a key rotation still answers with tokens stored under the old key, and re-encrypts them at start', async () => {
    const api = await fakeApi();
    const path = join(tempDir(), 'bot.db');
    const oldKey = randomBytes(32);
    const first = await start(api, openStores(path, { current: oldKey }).installations);
    await installThroughBrowser(first.base, LEEDS.code);
    await first.close();

    const newKey = randomBytes(32);
    const rotated = openStores(path, { current: newKey, previous: oldKey });
    const running = await start(api, rotated.installations);
    expect(rawRows(rotated).map((row) => row['key_id'])).toEqual([tokenKeyId(newKey), tokenKeyId(newKey)]);
    expect((await mentionFrom(running.events, LEEDS, 'T0LEEDS', 'C0LEEDS')).status).toBe(200);
    await running.slack.idle();
    expect(api.callsOf('chat.postMessage').map((call) => call.authorization)).toEqual([`Bearer ${LEEDS.botToken}`]);
  });
});
