import { LogLevel, webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { postMessage } from '../../../adapters/slack/slack-post.js';
import { renderReply } from '../../../adapters/slack/slack-render.js';

/** A real Web API client whose requests end here: their bodies, and its debug lines, are kept. */
const recordingClient = (): { client: webApi.WebClient; bodies: string[]; debug: string[] } => {
  const bodies: string[] = [];
  const debug: string[] = [];
  const client = new webApi.WebClient('xoxb-0-test', {
    // Node's Response is what the client gets from the global fetch; its declared type differs slightly.
    fetch: (async (_url: unknown, init?: { body?: unknown }) => {
      bodies.push(String(init?.body));
      return new Response(JSON.stringify({ ok: true, ts: '1700000001.000100' }), { headers: { 'content-type': 'application/json' } });
    }) as unknown as NonNullable<webApi.WebClientOptions['fetch']>,
    logLevel: LogLevel.DEBUG,
    logger: {
      debug: (...args: unknown[]) => void debug.push(args.map(String).join(' ')),
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      setLevel: () => undefined,
      getLevel: () => LogLevel.DEBUG,
      setName: () => undefined,
    },
  });
  return { client, bodies, debug };
};

describe('postMessage', () => {
  const [message] = renderReply({
    kind: 'answer',
    text: 'A **learning city** mobilises its resources & partners <everywhere>.',
    citations: [{ title: 'UNESCO Guidelines', source: 'guidelines.pdf', page: 2 }],
    feedbackKey: 'abc123',
  });
  if (message === undefined) throw new Error('nothing rendered');

  it('sends the same form as the typed chat.postMessage with block objects, and returns the ts', async () => {
    const typed = recordingClient();
    await typed.client.chat.postMessage({ channel: 'C1', text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false, thread_ts: '1700000000.000100', reply_broadcast: false });
    const posted = recordingClient();
    const ts = await postMessage(posted.client, { channel: 'C1', threadTs: '1700000000.000100' }, message);
    expect(ts).toBe('1700000001.000100');
    expect(posted.bodies).toEqual(typed.bodies);
    expect(new URLSearchParams(posted.bodies[0]).get('blocks')).toBe(JSON.stringify(message.blocks));
  });

  it('hands the client its blocks as JSON text, so they are not copied key by key for its debug line', async () => {
    const { client, debug } = recordingClient();
    await postMessage(client, { channel: 'C1' }, message);
    const body = debug.find((line) => line.startsWith('http request body: '));
    expect(JSON.parse(body?.slice('http request body: '.length) ?? '{}')).toMatchObject({ blocks: JSON.stringify(message.blocks) });
  });
});
