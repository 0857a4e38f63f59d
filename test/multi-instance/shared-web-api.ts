import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One Web API call as the shared fake Slack saw it, from whichever bot process made it. */
export interface WebApiCall {
  method: string;
  params: Record<string, unknown>;
  /** The `ts` this fake gave a posted message. */
  ts?: string;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

const parseParams = (body: string, contentType: string | undefined): Record<string, unknown> => {
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) params[key] = key === 'blocks' ? (JSON.parse(value) as unknown) : value;
  return params;
};

/**
 * One fake Slack Web API on 127.0.0.1 that every bot process points SLACK_API_URL at, so the test
 * sees what all instances together sent: each call is recorded in arrival order.
 */
export class SharedWebApi {
  readonly calls: WebApiCall[] = [];
  readonly #server: Server;
  #ts = 1_700_100_000;

  private constructor() {
    this.#server = createServer((request, response) => {
      void readBody(request).then((body) => {
        const call: WebApiCall = { method: (request.url ?? '').replace(/^\/api\//u, ''), params: parseParams(body, request.headers['content-type']) };
        let answer: Record<string, unknown> = { ok: true };
        if (call.method === 'chat.postMessage') {
          call.ts = `${++this.#ts}.000100`;
          answer = { ok: true, channel: call.params['channel'], ts: call.ts };
        } else if (call.method === 'users.info') {
          const user = String(call.params['user'] ?? 'U0');
          answer = { ok: true, user: { id: user, name: user.toLowerCase(), real_name: user, is_admin: false, profile: { display_name: '' } } };
        } else if (call.method === 'conversations.open') {
          answer = { ok: true, channel: { id: 'D0DM' } };
        }
        this.calls.push(call);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer));
      });
    });
  }

  static async start(): Promise<SharedWebApi> {
    const api = new SharedWebApi();
    await new Promise<void>((resolve) => api.#server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get url(): string {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('fake Web API not listening');
    return `http://127.0.0.1:${address.port}/api/`;
  }

  of(method: string): WebApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `check` holds for the calls so far; rejects after `timeoutMs`. */
  async until<T>(check: (calls: WebApiCall[]) => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check(this.calls);
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline) throw new Error(`fake Web API: condition not met within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
