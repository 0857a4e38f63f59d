import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it. */
export interface SlackApiCall {
  /** The method name, e.g. `chat.postMessage`. */
  method: string;
  authorization: string | undefined;
  form: URLSearchParams;
}

/** A local stand-in for Slack's Web API: records every call and answers it like Slack would. */
export interface FakeSlackWebApi {
  /** What to give as `SLACK_API_URL`. */
  apiUrl: string;
  calls: SlackApiCall[];
  /** Calls of one method, in order. */
  callsOf(method: string): SlackApiCall[];
  close(): Promise<void>;
}

/** The DM channel `conversations.open` hands out for a user. */
export const dmChannelOf = (userId: string): string => `D${userId}`;

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

let ts = 1_700_000_000;

const answer = (method: string, form: URLSearchParams): Record<string, unknown> => {
  switch (method) {
    case 'conversations.open':
      return { ok: true, channel: { id: dmChannelOf(form.get('users') ?? '') } };
    case 'chat.postMessage':
      ts += 1;
      return { ok: true, channel: form.get('channel'), ts: `${ts}.000100` };
    default:
      // Anything else the adapter would call here is a surprise worth seeing in the test.
      return { ok: false, error: 'unknown_method' };
  }
};

/** Starts the fake on a random 127.0.0.1 port. No nock: the real Web API client talks HTTP to it. */
export const startFakeSlackWebApi = async (): Promise<FakeSlackWebApi> => {
  const calls: SlackApiCall[] = [];
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const method = (request.url ?? '').replace(/^\/api\//u, '').replace(/\?.*$/u, '');
      const form = new URLSearchParams(body);
      calls.push({ method, authorization: request.headers.authorization, form });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer(method, form)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
