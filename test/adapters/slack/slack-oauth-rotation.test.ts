import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { createTokenCipher } from '../../../src/storage/token-cipher.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { startFakeSlackOAuthApi, type FakeInstall, type FakeSlackOAuthApi } from './fake-slack-oauth.js';
import { CLIENT_ID, CLIENT_SECRET, installThroughBrowser, mentionFrom, startOAuthSlack, type RunningOAuthSlack } from './slack-oauth-harness.js';

/**
 * A workspace that installed the app with token rotation on: its bot token lasts an hour (inside
 * the two hours before expiry in which tokens are renewed) and each refresh token works once.
 * Events go through Bolt's own renewal; messages the bot sends on its own (reminders, round
 * summaries) must renew the token too, and every renewal must be kept, or the next one fails.
 */
const HULL: FakeInstall = {
  code: 'code-hull',
  botToken: 'xoxe.xoxb-1-hullbottoken',
  botUserId: 'U0BOTHULL',
  botId: 'B0HULL',
  installer: 'U0DINA',
  team: { id: 'T0HULL', name: 'Hull Learning City' },
  rotation: { refreshToken: 'xoxe-1-hullrefresh', expiresIn: 3_600 },
};

const dir = mkdtempSync(join(tmpdir(), 'lc-slack-rotation-'));
let api: FakeSlackOAuthApi;
let core: Core;
let running: RunningOAuthSlack;

const storedSecrets = async (): Promise<Record<string, string> | undefined> => (await core.stores.installations.get('slack:T0HULL', ''))?.secrets;
const postsWith = (token: string): number => api.callsOf('chat.postMessage').filter((call) => call.authorization === `Bearer ${token}`).length;

beforeAll(async () => {
  api = await startFakeSlackOAuthApi({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, installs: [HULL], channels: { C0HULL: { teamId: 'T0HULL' } } });
  core = await createCore({
    knowledgeDir: copyKnowledge(),
    databasePath: join(dir, 'bot.db'),
    logger: silentLogger,
    tokenCipher: createTokenCipher({ current: randomBytes(32) }),
  });
  running = await startOAuthSlack(api, core.stores.installations, { bot: core.bot });
  core.notifiers.slack = running.slack.notifier;
  expect((await installThroughBrowser(running.base, HULL.code)).status).toBe(200);
});

afterAll(async () => {
  await running.close();
  await core.close();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Slack token rotation', () => {
  it('keeps the refresh token and the expiry from the install', async () => {
    expect(await storedSecrets()).toMatchObject({ botToken: HULL.botToken, botRefreshToken: 'xoxe-1-hullrefresh' });
    const data = (await core.stores.installations.get('slack:T0HULL', ''))?.data as { bot?: { expiresAt?: number } } | undefined;
    expect(data?.bot?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 3_000);
  });

  it('answers a mention after the token ran out with a renewed token, and keeps the renewal', async () => {
    api.expire(HULL.botToken);
    expect((await mentionFrom(running.events, HULL, 'T0HULL', 'C0HULL')).status).toBe(200);
    await running.slack.idle();
    expect(postsWith(`${HULL.botToken}-r1`)).toBe(1);
    expect(api.failures).toEqual([]);
    expect(await storedSecrets()).toMatchObject({ botToken: `${HULL.botToken}-r1`, botRefreshToken: 'xoxe-1-hullrefresh-r1' });
  });

  it('renews the token before a message the bot sends on its own, and keeps that renewal too', async () => {
    api.expire(`${HULL.botToken}-r1`);
    await running.slack.notifier.deliver({ platform: 'slack', workspaceId: 'T0HULL', channelId: 'C0HULL' }, [{ text: 'Reminder: *Hull* has an assessment in progress.' }]);
    expect(postsWith(`${HULL.botToken}-r2`)).toBe(1);
    expect(api.failures).toEqual([]);
    expect(await storedSecrets()).toMatchObject({ botToken: `${HULL.botToken}-r2`, botRefreshToken: 'xoxe-1-hullrefresh-r2' });
    // The renewed token is kept: the next event needs no refresh token that was already used.
    api.expire(`${HULL.botToken}-r2`);
    expect((await mentionFrom(running.events, HULL, 'T0HULL', 'C0HULL')).status).toBe(200);
    await running.slack.idle();
    expect(postsWith(`${HULL.botToken}-r3`)).toBe(1);
    expect(api.failures).toEqual([]);
  });

  it('fails a delivery with Slack’s reason when the renewal is refused, so it is tried again later', async () => {
    api.expire(`${HULL.botToken}-r3`);
    // Another instance renewed first: the refresh token this one holds is spent.
    const stored = await core.stores.installations.get('slack:T0HULL', '');
    if (stored === undefined) throw new Error('installation missing');
    await core.stores.installations.put({ ...stored, secrets: { ...stored.secrets, botRefreshToken: 'xoxe-1-hullrefresh-r1' } });
    const mark = api.failures.length;
    await expect(
      running.slack.notifier.deliver({ platform: 'slack', workspaceId: 'T0HULL', channelId: 'C0HULL' }, [{ text: 'Reminder.' }]),
    ).rejects.toThrow(/token_expired/u);
    expect(api.failures.slice(mark).map((failure) => failure.error)).toEqual(['invalid_refresh_token', 'token_expired']);
  });
});
