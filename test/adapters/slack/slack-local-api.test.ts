import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../adapters/slack/slack-app.js';
import { parseSlackConfig } from '../../../adapters/slack/slack-config.js';
import { createBot } from '../../../src/core/bot.js';
import { fakeAnswers } from './fake-ports.js';
import { BOT_TOKEN, SIGNING_SECRET, captureLogger, fixture, sendEvent } from './slack-harness.js';

/** No nock here: a real HTTP server on 127.0.0.1 stands in for the Web API (as GovSlack or a proxy would). */
interface Recorded {
  path: string;
  authorization: string | undefined;
  form: URLSearchParams;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

let server: Server | undefined;
let slack: SlackApp | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('SLACK_API_URL', () => {
  it('sends chat.postMessage to the configured base URL', async () => {
    const recorded: Recorded[] = [];
    let notify: () => void = () => undefined;
    const posted = new Promise<void>((resolve) => {
      notify = resolve;
    });
    server = createServer((request, response) => {
      void readBody(request).then((body) => {
        recorded.push({ path: request.url ?? '', authorization: request.headers.authorization, form: new URLSearchParams(body) });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: true, channel: 'C0LEARN', ts: '1700000999.000100', user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0LEEDS' }));
        if (request.url === '/api/chat.postMessage') notify();
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const apiPort = (server.address() as AddressInfo).port;

    const parsed = parseSlackConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_MODE: 'http',
      SLACK_PORT: '0',
      SLACK_API_URL: `http://127.0.0.1:${apiPort}/api`,
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    slack = createSlackApp({ config: parsed.config, bot: createBot({ answers: fakeAnswers() }), logger: captureLogger(), lookupUsers: false, listen: { port: 0, host: '127.0.0.1' } });
    // No bot ids configured: start-up verifies the token with auth.test against the same server.
    await slack.start();
    const port = slack.address()?.port;
    const response = await sendEvent(`http://127.0.0.1:${port}/slack/events`, await fixture('app-mention.json'));
    expect(response.status).toBe(200);
    await posted;
    await slack.idle();

    expect(recorded.map((request) => request.path)).toEqual(['/api/auth.test', '/api/chat.postMessage']);
    const post = recorded[1];
    expect(post?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.form.get('channel')).toBe('C0LEARN');
    expect(post?.form.get('thread_ts')).toBe('1700000000.000200');
    expect(post?.form.get('text')).toContain('A learning city');
    expect(JSON.parse(post?.form.get('blocks') ?? '[]')).toHaveLength(3);
  });
});
