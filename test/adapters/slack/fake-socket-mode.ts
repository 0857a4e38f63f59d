import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call the fake saw, with the token it carried. */
export interface SocketApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

const paramsOf = (body: string, contentType: string | undefined): Record<string, unknown> => {
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) params[key] = key === 'blocks' ? (JSON.parse(value) as unknown) : value;
  return params;
};

/**
 * Slack as a Socket Mode app sees it, on 127.0.0.1: `apps.connections.open` (app-level token only)
 * hands out a WebSocket URL; the socket says `hello`; envelopes are pushed with an `envelope_id` and
 * `retry_attempt`, and an envelope counts as delivered only once the app sends that id back. As on
 * Slack, nothing else happens to an envelope that was not acknowledged: the test redelivers it, as
 * Slack does after a few seconds. The rest of the Web API (bot token) is recorded and answered ok.
 */
export class FakeSocketMode {
  readonly calls: SocketApiCall[] = [];
  /** Envelope ids the app acknowledged, in order. */
  readonly acks: string[] = [];
  readonly #server: Server;
  readonly #sockets: WebSocketServer;
  #socket: WebSocket | undefined;
  #ts = 1_700_200_000;

  private constructor(readonly appToken: string) {
    this.#sockets = new WebSocketServer({ noServer: true });
    this.#server = createServer((request, response) => {
      void readBody(request).then((body) => {
        const method = (request.url ?? '').replace(/^\/api\//u, '');
        const authorization = request.headers.authorization;
        this.calls.push({ method, params: paramsOf(body, request.headers['content-type']), authorization });
        let answer: Record<string, unknown> = { ok: true };
        if (method === 'apps.connections.open') {
          answer = authorization === `Bearer ${this.appToken}` ? { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=${randomUUID()}` } : { ok: false, error: 'invalid_auth' };
        } else if (method === 'chat.postMessage') {
          answer = { ok: true, channel: this.calls.at(-1)?.params['channel'], ts: `${++this.#ts}.000100` };
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer));
      });
    });
    this.#server.on('upgrade', (request, socket, head) => {
      this.#sockets.handleUpgrade(request, socket, head, (ws) => {
        this.#socket = ws;
        ws.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString('utf8')) as { envelope_id?: string };
          if (typeof message.envelope_id === 'string') this.acks.push(message.envelope_id);
        });
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0APP' } }));
      });
    });
  }

  static async start(appToken: string): Promise<FakeSocketMode> {
    const fake = new FakeSocketMode(appToken);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('fake Socket Mode not listening');
    return address.port;
  }

  /** Base URL for the Web API client (`slackApiUrl`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get connected(): boolean {
    return this.#socket !== undefined;
  }

  of(method: string): SocketApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Pushes an Events API envelope; returns its envelope id. */
  push(payload: object, retryAttempt = 0): string {
    if (this.#socket === undefined) throw new Error('no Socket Mode connection');
    const id = randomUUID();
    this.#socket.send(
      JSON.stringify({ envelope_id: id, payload, type: 'events_api', accepts_response_payload: false, retry_attempt: retryAttempt, retry_reason: retryAttempt === 0 ? '' : 'timeout' }),
    );
    return id;
  }

  async close(): Promise<void> {
    for (const client of this.#sockets.clients) client.terminate();
    this.#sockets.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
