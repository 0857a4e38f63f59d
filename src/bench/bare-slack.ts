import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

/** Settings of the bare app: the same as the bot's Slack adapter gets in the benchmark. */
export interface BareSlackOptions {
  apiUrl: string;
  signingSecret: string;
  botUserId: string;
}

/**
 * The yardstick for the bot's own cost: a Bolt app with the same receiver and Web API client that
 * answers every mention with "ok" in its thread, and does nothing else.
 */
export const startBareSlack = async (options: BareSlackOptions): Promise<{ port: number; stop(): Promise<void> }> => {
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, processBeforeResponse: false, logLevel: LogLevel.ERROR });
  const app = new App({
    token: 'xoxb-0-bench',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: options.apiUrl },
    botId: 'B0BENCHBOT',
    botUserId: options.botUserId,
    tokenVerificationEnabled: false,
    deferInitialization: true,
    convoStore: false,
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text: 'ok' });
  });
  await app.init();
  const server = (await receiver.start({ port: 0, host: '127.0.0.1' })) as Server;
  return { port: (server.address() as AddressInfo).port, stop: () => receiver.stop() };
};
