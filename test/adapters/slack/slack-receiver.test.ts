import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { fakeAnswers } from './fake-ports.js';
import { fakeSlackApi, fixture, nowSeconds, sendCommand, sendEvent, sign, startSlack, type RunningSlack } from './slack-harness.js';

let running: RunningSlack | undefined;
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  api?.reset();
});

/** POSTs a raw body with a valid (or deliberately wrong) v0 signature. */
const postSigned = async (url: string, body: string, contentType = 'application/json', secret?: string): Promise<Response> => {
  const timestamp = nowSeconds();
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp, secret) },
    body,
  });
};

describe('the guarded HTTPReceiver', () => {
  it.each(['null', '42', '[]', '[{"type":"event_callback"}]', '"text"', 'true'])(
    'answers a signed JSON body %s with 400 and keeps serving',
    async (body) => {
      api = fakeSlackApi();
      running = await startSlack(createBot({ answers: fakeAnswers() }));
      const response = await postSigned(running.url, body);
      expect(response.status).toBe(400);

      const next = await sendEvent(running.url, await fixture('app-mention.json'));
      expect(next.status).toBe(200);
      await running.slack.idle();
      expect(api.of('chat.postMessage')).toHaveLength(1);
    },
  );

  it('answers a signed form body whose payload is null with 400, and the next click is still served', async () => {
    api = fakeSlackApi();
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    const response = await postSigned(running.url, 'payload=null', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(400);
    const next = await sendEvent(running.url, await fixture('app-mention.json'));
    expect(next.status).toBe(200);
    await running.slack.idle();
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it('still answers an unsigned null body with 401', async () => {
    api = fakeSlackApi();
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    const response = await postSigned(running.url, 'null', 'application/json', 'not-the-secret');
    expect(response.status).toBe(401);
    expect((await fetch(running.url.replace('/slack/events', '/healthz'))).status).toBe(200);
  });

  it('leaves other routes to Bolt: health check 200, unknown path 404', async () => {
    api = fakeSlackApi();
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    expect((await fetch(running.url.replace('/slack/events', '/healthz'))).status).toBe(200);
    expect((await fetch(running.url.replace('/slack/events', '/nothing-here'))).status).toBe(404);
    expect((await fetch(running.url.replace('/slack/events', '/nothing-here'), { method: 'POST', body: 'null' })).status).toBe(404);
  });

  it('gives commands a request key for recognising replays, and events, which have their own id, none', async () => {
    api = fakeSlackApi();
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    const keys: Array<{ type: string; key: unknown }> = [];
    running.slack.app.use(async ({ body, context, next }) => {
      keys.push({ type: 'command' in body ? 'command' : String(body.type), key: context['requestKey'] });
      await next();
    });
    expect((await sendEvent(running.url, await fixture('app-mention.json'))).status).toBe(200);
    const fields = Object.fromEntries(Object.entries(await fixture('slash-command.json')).map(([k, v]) => [k, String(v)]));
    expect((await sendCommand(running.url, fields)).status).toBe(200);
    await running.slack.idle();
    expect(keys).toEqual([
      { type: 'event_callback', key: undefined },
      { type: 'command', key: expect.stringMatching(/^[0-9a-f]{64}$/u) },
    ]);
  });
});
