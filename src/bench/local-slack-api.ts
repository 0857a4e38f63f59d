import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
};

/** A `chat.postMessage` as it reached the local Web API. */
export interface ArrivedPost {
  /** `performance.now()` when the request arrived, before its body was read. */
  at: number;
  channel: string;
  threadTs: string | undefined;
  text: string;
}

/**
 * A stand-in for the Slack Web API on 127.0.0.1 (what SLACK_API_URL points at). It notes the arrival
 * time of every `chat.postMessage` and hands it to whoever waits for that thread, answers
 * `users.info` for any user, and `ok` to everything else.
 */
export class LocalSlackApi {
  readonly #server: Server;
  readonly #waiters = new Map<string, (post: ArrivedPost) => void>();
  posts = 0;

  private constructor() {
    this.#server = createServer((request, response) => {
      const at = performance.now();
      void readBody(request).then((body) => {
        const form = new URLSearchParams(body);
        const method = (request.url ?? '').replace(/^\/api\//u, '');
        response.writeHead(200, { 'content-type': 'application/json' });
        if (method === 'chat.postMessage') {
          this.posts += 1;
          const channel = form.get('channel') ?? '';
          response.end(JSON.stringify({ ok: true, channel, ts: `${Math.floor(Date.now() / 1000)}.${String(this.posts).padStart(6, '0')}` }));
          const post: ArrivedPost = { at, channel, threadTs: form.get('thread_ts') ?? undefined, text: form.get('text') ?? '' };
          const key = post.threadTs ?? '';
          const waiter = this.#waiters.get(key);
          if (waiter) {
            this.#waiters.delete(key);
            waiter(post);
          }
        } else if (method === 'users.info') {
          const user = form.get('user') ?? 'U0';
          response.end(JSON.stringify({ ok: true, user: { id: user, name: user.toLowerCase(), real_name: `User ${user}`, is_admin: false, profile: { display_name: '' } } }));
        } else {
          response.end(JSON.stringify({ ok: true }));
        }
      });
    });
    this.#server.keepAliveTimeout = 60_000;
  }

  static async start(): Promise<LocalSlackApi> {
    const api = new LocalSlackApi();
    await new Promise<void>((resolve) => api.#server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** Base URL for `SLACK_API_URL`. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/api/`;
  }

  /** Calls `onPost` with the first `chat.postMessage` into thread `threadTs` from now on. */
  expect(threadTs: string, onPost: (post: ArrivedPost) => void): void {
    this.#waiters.set(threadTs, onPost);
  }

  /** Stops waiting for a thread (its request timed out). */
  forget(threadTs: string): void {
    this.#waiters.delete(threadTs);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
