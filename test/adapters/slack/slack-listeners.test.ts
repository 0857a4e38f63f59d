import { App, LogLevel, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../adapters/slack/slack-app.js';
import { createSlackListeners } from '../../../adapters/slack/slack-listeners.js';
import { captureLogger, testConfig } from './slack-harness.js';

/** A receiver that never listens: the test hands Bolt its requests itself. */
const receiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };

const newApp = async (): Promise<App> => {
  const app = new App({ token: 'xoxb-0-test', receiver, botId: 'B1', botUserId: 'U0BOT', tokenVerificationEnabled: false, deferInitialization: true, logLevel: LogLevel.ERROR });
  await app.init();
  return app;
};

/** Bolt keeps one middleware chain per registered listener, and runs every chain for every request. */
const boltListeners = (app: App): number => (app as unknown as { listeners: unknown[] }).listeners.length;

const eventBody = (type: string) => ({ type: 'event_callback', team_id: 'T1', event_id: `Ev-${type}`, event: { type, user: 'U1', channel: 'C1', ts: '1.1', text: 'hi' } });
const clickBody = (actionId: string) => ({
  type: 'block_actions',
  team: { id: 'T1' },
  user: { id: 'U1' },
  channel: { id: 'C1' },
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'v', action_ts: '1.2' }],
});

describe('createSlackListeners', () => {
  it('puts any number of handlers behind one Bolt listener for events and one for clicks', async () => {
    const app = await newApp();
    const listeners = createSlackListeners(app);
    for (const type of ['app_mention', 'message', 'app_uninstalled', 'tokens_revoked']) listeners.event(type, async () => undefined);
    for (const id of ['a', /^b_\d+$/u, 'c']) listeners.action(id, async () => undefined);
    expect(boltListeners(app)).toBe(2);
  });

  it('hands each event to the handler of its type, and each click to the handler of its action id', async () => {
    const app = await newApp();
    const listeners = createSlackListeners(app);
    const seen: string[] = [];
    listeners.event('app_mention', async ({ event }) => void seen.push(`mention ${event.text}`));
    listeners.event('message', async ({ event }) => void seen.push(`message ${event.type}`));
    listeners.action(/^lc_choice_\d+$/u, async ({ ack, action }) => {
      await ack();
      seen.push(`choice ${action.action_id}`);
    });
    listeners.action('lc_share', async ({ ack }) => {
      await ack();
      seen.push('share');
    });
    const acks: string[] = [];
    const deliver = (name: string, body: object): Promise<void> => app.processEvent({ body, ack: async () => void acks.push(name) });
    await deliver('mention', eventBody('app_mention'));
    await deliver('message', eventBody('message'));
    await deliver('reaction', eventBody('reaction_added'));
    await deliver('choice', clickBody('lc_choice_3'));
    await deliver('share', clickBody('lc_share'));
    await deliver('unknown click', clickBody('someone_elses_button'));
    expect(seen).toEqual(['mention hi', 'message message', 'choice lc_choice_3', 'share']);
    // As with no matching listener in Bolt: events are acknowledged anyway, a click nobody handles is not.
    expect(acks).toEqual(['mention', 'message', 'reaction', 'choice', 'share']);
  });

  it('leaves the Slack app with three Bolt listeners: events, clicks and the slash command', () => {
    const slack = createSlackApp({ config: testConfig(), logger: captureLogger(), bot: { handle: async () => [] } });
    expect(boltListeners(slack.app)).toBe(3);
  });

  it('refuses a second handler for one event type', async () => {
    const listeners = createSlackListeners(await newApp());
    listeners.event('message', async () => undefined);
    expect(() => listeners.event('message', async () => undefined)).toThrow(/already registered/u);
  });
});
