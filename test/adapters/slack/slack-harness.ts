import { createHmac } from 'node:crypto';
import nock from 'nock';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../../adapters/slack/slack-app.js';
import type { SlackConfig } from '../../../adapters/slack/slack-config.js';
import type { ChatBot, Logger } from '../../../src/core/ports.js';
import { blockKitProblems } from './block-kit-limits.js';

export const SIGNING_SECRET = 'f00dfeedcafebabe0123456789abcdef';
export const BOT_TOKEN = 'xoxb-1111-2222-secretbottokenvalue';
export const TEAM = 'T0LEEDS';
export const BOT_USER = 'U0BOT';

export const testConfig = (overrides: Partial<{ apiUrl: string }> = {}): SlackConfig => ({
  mode: 'http',
  botToken: BOT_TOKEN,
  signingSecret: SIGNING_SECRET,
  port: 0,
  botUserId: BOT_USER,
  botId: 'B0BOT',
  ...overrides,
});

/** A logger that keeps every line, to assert on what was (and was not) written. */
export const captureLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  const write = (level: string) => (obj: object, msg?: string) => lines.push(`${level} ${JSON.stringify(obj)} ${msg ?? ''}`);
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
};

/** Slack's v0 request signature. */
export const sign = (body: string, timestamp: number, secret = SIGNING_SECRET): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  retryNum?: number;
  /** `X-Slack-Retry-Reason`; `http_timeout` unless given. */
  retryReason?: string;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

const send = async (url: string, body: string, contentType: string, options: SendOptions = {}): Promise<Response> => {
  const timestamp = options.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(body, timestamp, options.secret),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
};

export const sendEvent = (url: string, payload: object, options?: SendOptions): Promise<Response> =>
  send(url, JSON.stringify(payload), 'application/json', options);

export const sendCommand = (url: string, fields: Record<string, string>, options?: SendOptions): Promise<Response> =>
  send(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);

export const sendAction = (url: string, payload: object, options?: SendOptions): Promise<Response> =>
  send(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);

let eventCounter = 0;

/** An Events API envelope around one event. */
export const envelope = (event: Record<string, unknown>, eventId = `Ev${++eventCounter}`): object => ({
  token: 'legacy-verification-token',
  team_id: TEAM,
  api_app_id: 'A0APP',
  type: 'event_callback',
  event_id: eventId,
  event_time: nowSeconds(),
  event,
});

export interface RunningSlack {
  slack: SlackApp;
  url: string;
  close(): Promise<void>;
}

/** Starts the real Bolt app on 127.0.0.1 with a free port. */
export const startSlack = async (
  bot: ChatBot,
  options: Partial<Omit<SlackAppOptions, 'bot'>> = {},
): Promise<RunningSlack> => {
  const slack = createSlackApp({
    config: testConfig(),
    logger: captureLogger(),
    lookupUsers: false,
    listen: { port: 0, host: '127.0.0.1' },
    ...options,
    bot,
  });
  await slack.start();
  const port = slack.address()?.port;
  if (port === undefined) throw new Error('Slack app did not bind');
  return { slack, url: `http://127.0.0.1:${port}/slack/events`, close: () => slack.stop() };
};

/** One Web API call as the fake Slack saw it. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
}

/** Methods whose messages Slack checks against the Block Kit limits. */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);

type Responder = (call: ApiCall, count: number) => [number, object, Record<string, string>?] | undefined;

const parseForm = (body: unknown): Record<string, unknown> => {
  if (typeof body === 'object' && body !== null) return { ...body };
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(String(body))) {
    params[key] = key === 'blocks' || key === 'files' ? (JSON.parse(value) as unknown) : value;
  }
  return params;
};

/**
 * Intercepts https://slack.com/api/* with nock (the Web API client uses fetch, which nock 14
 * intercepts) and records every call. `respond` may answer a call differently (429, errors).
 */
export const fakeSlackApi = (respond: Responder = () => undefined) => {
  const calls: ApiCall[] = [];
  const uploads: string[] = [];
  let ts = 1_700_000_100;
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock('https://slack.com')
    .persist()
    .post(/^\/api\/[\w.]+$/u)
    .reply(function reply(uri, body) {
      const authorization = this.req.headers.authorization;
      const call: ApiCall = { method: uri.replace('/api/', ''), params: parseForm(body), authorization: typeof authorization === 'string' ? authorization : undefined };
      calls.push(call);
      const custom = respond(call, calls.filter((c) => c.method === call.method).length);
      if (custom) return custom;
      if (MESSAGE_METHODS.has(call.method)) {
        const problems = blockKitProblems(call.params['blocks'], call.params['text']);
        if (problems.length > 0) return [200, { ok: false, error: 'invalid_blocks', errors: problems }];
      }
      switch (call.method) {
        case 'chat.postMessage':
          return [200, { ok: true, channel: call.params['channel'], ts: `${++ts}.000100` }];
        case 'files.getUploadURLExternal':
          return [200, { ok: true, upload_url: 'https://files.slack.com/upload/v1/ABC', file_id: 'F0CHART' }];
        case 'files.completeUploadExternal':
          return [200, { ok: true, files: [{ id: 'F0CHART' }] }];
        case 'conversations.open':
          return [200, { ok: true, channel: { id: 'D0DM' } }];
        default:
          return [200, { ok: true }];
      }
    });
  nock('https://files.slack.com')
    .persist()
    .post(/^\/upload\/v1\/\w+$/u)
    .reply((_uri, body) => {
      // nock hands binary bodies over hex-encoded.
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      uploads.push(/^[0-9a-f]+$/u.test(text) ? Buffer.from(text, 'hex').toString('latin1') : text);
      return [200, 'OK'];
    });
  return {
    calls,
    uploads,
    of: (method: string) => calls.filter((call) => call.method === method),
    reset: () => {
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
};

const fixturesDir = new URL('../../fixtures/slack/', import.meta.url);

/** A recorded payload from test/fixtures/slack, parsed fresh for each use. */
export const fixture = async (name: string): Promise<Record<string, unknown>> => {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(new URL(name, fixturesDir), 'utf8')) as Record<string, unknown>;
};

/** The recorded block_actions payload for a click on a button of a posted message. */
export const blockAction = async (click: {
  messageTs: string;
  threadTs?: string;
  blocks?: unknown[];
  actionId: string;
  label: string;
  value: string;
  userId?: string;
}): Promise<Record<string, unknown>> => {
  let text = JSON.stringify(await fixture('block-actions.json'))
    .replaceAll('PROMPT_TS', click.messageTs)
    .replaceAll('lc_choice_0', click.actionId)
    .replaceAll('"LABEL"', JSON.stringify(click.label))
    .replaceAll('"VALUE"', JSON.stringify(click.value));
  if (click.userId) text = text.replaceAll('U0ANNA', click.userId);
  const payload = JSON.parse(text.replaceAll('THREAD_TS', click.threadTs ?? 'NONE')) as {
    message: Record<string, unknown>;
    container: Record<string, unknown>;
  };
  if (click.threadTs === undefined) {
    delete payload.message['thread_ts'];
    delete payload.container['thread_ts'];
  }
  payload.message['blocks'] = click.blocks ?? [];
  return payload;
};
