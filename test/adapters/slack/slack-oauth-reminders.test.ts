import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { createTokenCipher } from '../../../src/storage/token-cipher.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { startFakeSlackOAuthApi, type FakeSlackOAuthApi } from './fake-slack-oauth.js';
import {
  GRID, LEEDS, YORK, fakeOptions, installThroughBrowser, lifecycleEvent, mentionFrom, startOAuthSlack, type RunningOAuthSlack,
} from './slack-oauth-harness.js';

/**
 * Reminders set up by mentions in three installations (two workspaces and a workspace of an
 * org-wide install) go out through the OAuth-mode notifier, each with its own workspace's token.
 * The scheduler runs on an injected clock, driven with `tick()`.
 */

// Sunday 18 May 2025; the first Monday 09:00 Europe/London slot is 08:00 UTC the next day.
let now = new Date('2025-05-18T12:00:00Z');
const clock = { now: () => now };
const FIRST_SLOT = new Date('2025-05-19T08:00:00Z');

// One database for the whole file (the storage tests' temp dirs are removed after each test).
const dir = mkdtempSync(join(tmpdir(), 'lc-slack-oauth-reminders-'));
let api: FakeSlackOAuthApi;
let core: Core;
let running: RunningOAuthSlack;

beforeAll(async () => {
  api = await startFakeSlackOAuthApi(fakeOptions);
  core = await createCore({
    knowledgeDir: copyKnowledge(),
    databasePath: join(dir, 'bot.db'),
    logger: silentLogger,
    clock,
    defaultTimeZone: 'Europe/London',
    coordinatorIds: ['slack:T0LEEDS:U0ANNA', 'slack:T0YORK:U0ANNA', 'slack:T0GRIDA:U0ANNA'],
    tokenCipher: createTokenCipher({ current: randomBytes(32) }),
  });
  running = await startOAuthSlack(api, core.stores.installations, { bot: core.bot, clock });
  core.notifiers.slack = running.slack.notifier;
  for (const install of [LEEDS, YORK, GRID]) expect((await installThroughBrowser(running.base, install.code)).status).toBe(200);

  await mentionFrom(running.events, LEEDS, 'T0LEEDS', 'C0LEEDS', 'remind every monday 9:00 for Leeds');
  await mentionFrom(running.events, LEEDS, 'T0LEEDS', 'C0LEEDS', 'remind me every monday 9:00 for Leeds');
  await mentionFrom(running.events, YORK, 'T0YORK', 'C0YORK', 'remind every monday 9:00 for York');
  await mentionFrom(running.events, GRID, 'T0GRIDA', 'C0GRIDA', 'remind every monday 9:00 for Bradford');
  await running.slack.idle();
});

afterAll(async () => {
  await running.close();
  await core.close();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reminders in OAuth mode', () => {
  it('confirmed each reminder in its own workspace, with that workspace’s token', () => {
    const confirmations = api.callsOf('chat.postMessage').map((call) => [call.form.get('channel'), call.authorization, /Reminder `r[a-z0-9]{5}` set/u.test(call.form.get('text') ?? '')]);
    expect(confirmations).toEqual([
      ['C0LEEDS', `Bearer ${LEEDS.botToken}`, true],
      ['C0LEEDS', `Bearer ${LEEDS.botToken}`, true],
      ['C0YORK', `Bearer ${YORK.botToken}`, true],
      ['C0GRIDA', `Bearer ${GRID.botToken}`, true],
    ]);
  });

  it('delivers each reminder with the target workspace’s token, the org-wide one included', async () => {
    const before = api.calls.length;
    now = new Date(FIRST_SLOT.getTime() + 30_000);
    expect(await core.reminders.tick()).toEqual({ claimed: 4, sent: 4, failed: 0 });
    const delivered = api.calls.slice(before).map((call) => [call.method, call.form.get('channel') ?? call.form.get('users'), call.authorization]);
    expect(delivered).toEqual(
      expect.arrayContaining([
        ['chat.postMessage', 'C0LEEDS', `Bearer ${LEEDS.botToken}`],
        ['conversations.open', 'U0ANNA', `Bearer ${LEEDS.botToken}`],
        ['chat.postMessage', 'DU0ANNA', `Bearer ${LEEDS.botToken}`],
        ['chat.postMessage', 'C0YORK', `Bearer ${YORK.botToken}`],
        ['chat.postMessage', 'C0GRIDA', `Bearer ${GRID.botToken}`],
      ]),
    );
    expect(delivered).toHaveLength(5);
    expect(api.failures).toEqual([]);
  });

  it('sends nothing to a workspace that uninstalled the app: no token, no Web API call', async () => {
    expect((await lifecycleEvent(running.events, YORK, 'T0YORK', { type: 'app_uninstalled' })).status).toBe(200);
    const before = api.calls.length;
    const york = running.slack.notifier.deliver({ platform: 'slack', workspaceId: 'T0YORK', channelId: 'C0YORK' }, [{ kind: 'info', text: 'Digest' }]);
    await expect(york).rejects.toMatchObject({ code: 'not_installed' });
    expect(api.calls.slice(before)).toEqual([]);

    await running.slack.notifier.deliver({ platform: 'slack', workspaceId: 'T0LEEDS', channelId: 'C0LEEDS' }, [{ kind: 'info', text: 'Digest' }]);
    expect(api.calls.slice(before).map((call) => [call.form.get('channel'), call.authorization])).toEqual([['C0LEEDS', `Bearer ${LEEDS.botToken}`]]);
    expect(api.failures).toEqual([]);
  });
});
