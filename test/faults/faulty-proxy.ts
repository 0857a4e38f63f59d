import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the proxy saw it, with what became of it. */
export interface ProxiedRequest {
  method: string;
  path: string;
  body: string;
  outcome: 'forwarded' | 'failed' | 'held' | 'dropped';
  status?: number;
}

/** What to do with a request: pass it on, answer it with an error status, or hold it until told. */
export type Fault = 'pass' | 'hold' | { status: number };

interface Held {
  request: ProxiedRequest;
  forward: () => void;
  drop: () => void;
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * An HTTP proxy on 127.0.0.1 in front of a fake platform API that can fail chosen requests: answer
 * them with a 5xx, or hold them open (a hanging call) until the test forwards or drops them.
 */
export class FaultyProxy {
  readonly seen: ProxiedRequest[] = [];
  readonly #held: Held[] = [];
  readonly #server: Server;
  readonly #listeners = new Set<() => void>();
  #decide: (request: ProxiedRequest, attempt: number) => Fault = () => 'pass';

  private constructor(private readonly target: URL) {
    this.#server = createServer((request, response) => void this.#onRequest(request, response));
  }

  /** Starts a proxy to `target` (scheme, host and port are taken from it). */
  static async start(target: string): Promise<FaultyProxy> {
    const proxy = new FaultyProxy(new URL(target));
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** `http://127.0.0.1:<port>` followed by `path`. */
  url(path = ''): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}${path}`;
  }

  /** Decides the fate of each request; `attempt` counts the earlier requests that matched the same method and path. */
  setFaults(decide: (request: ProxiedRequest, attempt: number) => Fault): void {
    this.#decide = decide;
  }

  /** Requests held open now. */
  held(): ProxiedRequest[] {
    return this.#held.map((entry) => entry.request);
  }

  /** Passes held requests matching `test` on to the target. */
  forwardHeld(test: (request: ProxiedRequest) => boolean = () => true): void {
    for (const entry of this.#held.filter((held) => test(held.request))) {
      this.#held.splice(this.#held.indexOf(entry), 1);
      entry.forward();
    }
  }

  /** Closes the connections of held requests matching `test`, as a network failure would. */
  dropHeld(test: (request: ProxiedRequest) => boolean = () => true): void {
    for (const entry of this.#held.filter((held) => test(held.request))) {
      this.#held.splice(this.#held.indexOf(entry), 1);
      entry.drop();
    }
  }

  /** Resolves with the first request (seen before or later) that `test` accepts. */
  waitFor(test: (request: ProxiedRequest) => boolean, timeoutMs = 15_000): Promise<ProxiedRequest> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.seen.find(test);
        if (!found) return;
        this.#listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error('faulty proxy: the expected request did not come'));
      }, timeoutMs);
      this.#listeners.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.dropHeld();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const seen: ProxiedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', body: body.toString('utf8'), outcome: 'forwarded' };
    const attempt = this.seen.filter((earlier) => earlier.method === seen.method && earlier.path === seen.path).length;
    const fault = this.#decide(seen, attempt);
    this.seen.push(seen);
    const forward = (): void => {
      seen.outcome = 'forwarded';
      const upstream = httpRequest(
        { host: this.target.hostname, port: this.target.port, method: seen.method, path: seen.path, headers: { ...request.headers, host: this.target.host } },
        (answer) => {
          seen.status = answer.statusCode ?? 0;
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.destroy());
      upstream.end(body);
    };
    if (fault === 'pass') {
      forward();
    } else if (fault === 'hold') {
      seen.outcome = 'held';
      this.#held.push({
        request: seen,
        forward,
        drop: () => {
          seen.outcome = 'dropped';
          response.destroy();
        },
      });
    } else {
      seen.outcome = 'failed';
      seen.status = fault.status;
      response.writeHead(fault.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: false, error: 'internal_error', message: 'Internal Server Error', code: 0 }));
    }
    for (const listener of [...this.#listeners]) listener();
  }
}
