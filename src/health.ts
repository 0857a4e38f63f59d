import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from './core/errors.js';

/** How long a readiness check may wait for the database before the instance counts as not ready. */
export const READY_TIMEOUT_MS = 2000;

/**
 * Liveness and readiness for load balancers and orchestrators. Alive: the process answers at all.
 * Ready: the database answers, and the instance is not draining after SIGTERM.
 */
export interface Health {
  /** Resolves when this instance should be sent work; rejects with the reason when not. */
  ready(): Promise<void>;
  /** Stops counting as ready, for good: the instance is shutting down. */
  drain(): void;
}

/** A {@link Health} whose readiness is `ping` (the database) answering within {@link READY_TIMEOUT_MS}. */
export const createHealth = (ping: () => Promise<void>, timeoutMs = READY_TIMEOUT_MS): Health => {
  let draining = false;
  return {
    drain: () => {
      draining = true;
    },
    ready: async () => {
      if (draining) throw new Error('shutting down');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([ping(), timeout]);
      } catch (error) {
        throw new Error(`database not reachable: ${errorMessage(error)}`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
      if (draining) throw new Error('shutting down');
    },
  };
};

/** `GET /healthz`: 200 while the process runs. */
export const answerLiveness = (_request: IncomingMessage, response: ServerResponse): void => {
  response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
};

/** `GET /readyz`: 200 `ready`, or 503 with the reason, so a load balancer sends work elsewhere. */
export const answerReadiness = (health: Health | undefined, response: ServerResponse): void => {
  if (health === undefined) {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ready');
    return;
  }
  health.ready().then(
    () => response.writeHead(200, { 'content-type': 'text/plain' }).end('ready'),
    (error: unknown) => response.writeHead(503, { 'content-type': 'text/plain' }).end(`not ready: ${errorMessage(error)}`),
  );
};

/**
 * A small HTTP server with only `/healthz` and `/readyz`, for deployments without the Slack HTTP
 * server (Socket Mode, Discord only) whose orchestrator still probes them.
 */
export const startHealthServer = async (port: number, health: Health, host?: string): Promise<{ address: AddressInfo; close(): Promise<void> }> => {
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && pathname === '/healthz') answerLiveness(request, response);
    else if (request.method === 'GET' && pathname === '/readyz') answerReadiness(health, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    address: server.address() as AddressInfo,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
