import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { fakeAnswers } from './fake-ports.js';
import { TEAM, fakeSlackApi, startSlack, type RunningSlack } from './slack-harness.js';

let running: RunningSlack | undefined;
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  api?.reset();
});

describe('Slack notifier', () => {
  it('opens a DM for a user target and posts there; posts straight to a channel target', async () => {
    api = fakeSlackApi();
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    const reminder = [{ kind: 'info' as const, text: 'Reminder: finish the *Leeds* assessment.' }];
    await running.slack.notifier.deliver({ platform: 'slack', workspaceId: TEAM, userId: 'U0ANNA' }, reminder);
    await running.slack.notifier.deliver({ platform: 'slack', workspaceId: TEAM, channelId: 'C0LEARN' }, reminder);
    expect(api.of('conversations.open')[0]?.params).toMatchObject({ users: 'U0ANNA' });
    expect(api.of('chat.postMessage').map((call) => [call.params['channel'], call.params['thread_ts']])).toEqual([
      ['D0DM', undefined],
      ['C0LEARN', undefined],
    ]);
  });

  it('throws when Slack refuses, so the caller can retry', async () => {
    api = fakeSlackApi((call) => (call.method === 'chat.postMessage' ? [200, { ok: false, error: 'channel_not_found' }] : undefined));
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    await expect(
      running.slack.notifier.deliver({ platform: 'slack', workspaceId: TEAM, channelId: 'C0GONE' }, [{ text: 'hi' }]),
    ).rejects.toThrow(/channel_not_found/u);
    await expect(running.slack.notifier.deliver({ platform: 'discord', workspaceId: 'G1', channelId: '1' }, [{ text: 'hi' }])).rejects.toThrow(
      /Slack cannot deliver/u,
    );
  });
});

describe('Socket Mode', () => {
  it('builds with a SocketModeReceiver and opens no connection before start()', async () => {
    const { createSlackApp } = await import('../../../adapters/slack/slack-app.js');
    const { SocketModeReceiver } = await import('@slack/bolt');
    const { silentLogger } = await import('../../../src/core/ports.js');
    api = fakeSlackApi();
    const slack = createSlackApp({
      config: { mode: 'socket', botToken: 'xoxb-1-2-socket', appToken: 'xapp-1-A-socket', port: 3000, botId: 'B0BOT', botUserId: 'U0BOT' },
      bot: createBot({ answers: fakeAnswers() }),
      logger: silentLogger,
    });
    expect(Reflect.get(slack.app, 'receiver')).toBeInstanceOf(SocketModeReceiver);
    expect(slack.address()).toBeUndefined();
    expect(api.calls).toHaveLength(0);
  });
});
