import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { blockKitProblems } from './block-kit-limits.js';
import { RESPONSE_URL_LIMITS, fakeResponseUrls } from './fake-response-urls.js';

afterEach(() => {
  nock.cleanAll();
});

const button = (text: string, value = 'v', actionId = 'a'): Record<string, unknown> => ({
  type: 'button', text: { type: 'plain_text', text }, value, action_id: actionId,
});

const post = (url: string, message: object): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });

describe('the fake Slack enforces Slack’s limits', () => {
  it('refuses blocks over the Block Kit limits and accepts them at the limits', () => {
    const section = (length: number) => ({ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(length) } });
    expect(blockKitProblems(Array.from({ length: 50 }, () => section(3000)))).toEqual([]);
    expect(blockKitProblems(Array.from({ length: 51 }, () => section(1)))).toEqual(['51 blocks (at most 50)']);
    expect(blockKitProblems([section(3001)])).toEqual(['blocks[0].text longer than 3000']);
    expect(blockKitProblems([{ type: 'actions', elements: [button('b'.repeat(75), 'v'.repeat(2000), 'a'.repeat(255))] }])).toEqual([]);
    expect(blockKitProblems([{ type: 'actions', elements: [button('b'.repeat(76), 'v'.repeat(2001), 'a'.repeat(256))] }])).toEqual([
      'blocks[0].elements[0].text longer than 75',
      'blocks[0].elements[0].action_id longer than 255',
      'blocks[0].elements[0].value longer than 2000',
    ]);
  });

  it('takes a response_url five times within 30 minutes, then refuses it', async () => {
    const urls = fakeResponseUrls();
    const first = urls.forCommand('C1', 'U1');
    for (let i = 0; i < RESPONSE_URL_LIMITS.uses; i += 1) expect((await post(first, { text: `m${i}` })).status).toBe(200);
    expect((await post(first, { text: 'sixth' })).status).toBe(404);
    const second = urls.forCommand('C1', 'U1');
    urls.advance(RESPONSE_URL_LIMITS.lifetimeMs + 1);
    expect((await post(second, { text: 'late' })).status).toBe(404);
    expect(urls.refused.map((refusal) => refusal.reason)).toEqual(['used_url', 'expired_url']);
    expect(urls.visible('U1')).toHaveLength(5);
  });
});
