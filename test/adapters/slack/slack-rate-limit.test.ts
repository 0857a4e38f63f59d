import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/core/bot.js';
import { fakeAnswers } from './fake-ports.js';
import { fakeSlackApi, fixture, sendEvent, startSlack, type RunningSlack } from './slack-harness.js';

let running: RunningSlack | undefined;
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  api?.reset();
});

describe('Web API rate limits', () => {
  it('waits for Retry-After on a 429 and then posts the answer once', async () => {
    api = fakeSlackApi((call, count) =>
      call.method === 'chat.postMessage' && count === 1 ? [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' }] : undefined,
    );
    running = await startSlack(createBot({ answers: fakeAnswers() }));
    await sendEvent(running.url, await fixture('app-mention.json'));
    const started = performance.now();
    await running.slack.idle();
    const waited = performance.now() - started;

    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.params).toEqual(posts[1]?.params);
    expect(String(posts[1]?.params['text'])).toContain('A learning city');
    // Retry-After: 1 is honoured (one second), plus at most the short configured backoff.
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(4000);
  });
});
