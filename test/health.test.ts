import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../src/core/bot.js';
import { createHealth, startHealthServer, type Health } from '../src/health.js';
import { createPostgresStores } from '../src/storage/postgres-stores.js';
import { createSqliteStores } from '../src/storage/sqlite-stores.js';
import { fakeAnswers } from './adapters/slack/fake-ports.js';
import { fakeSlackApi, startSlack, type RunningSlack } from './adapters/slack/slack-harness.js';
import { tempDir } from './storage/temp-dir.js';
import { freshSchema, withPostgres } from './support/postgres.js';
import { TcpProxy } from './support/tcp-proxy.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const readiness = async (health: Health): Promise<string> =>
  health.ready().then(
    () => 'ready',
    (error: unknown) => (error as Error).message,
  );

describe('readiness', () => {
  it('is ready while the SQLite database answers, and not once it is closed or the instance drains', async () => {
    const stores = createSqliteStores(join(tempDir(), 'bot.db'));
    const health = createHealth(() => stores.ping());
    expect(await readiness(health)).toBe('ready');
    stores.close();
    expect(await readiness(health)).toMatch(/^database not reachable: The database connection is not open/);
    const other = createSqliteStores(join(tempDir(), 'bot.db'));
    closers.push(() => other.close());
    const draining = createHealth(() => other.ping());
    draining.drain();
    expect(await readiness(draining)).toBe('shutting down');
  });

  it.skipIf(!withPostgres)('follows PostgreSQL: not ready while it hangs or is down, ready again by itself once it is back', async () => {
    const schema = await freshSchema();
    const proxy = await TcpProxy.start(Number(new URL(schema.url).port || 5432));
    const stores = await createPostgresStores(proxy.through(schema.url), undefined, { connectionTimeoutMs: 500 });
    closers.push(schema.drop, () => proxy.close(), () => stores.close());
    const health = createHealth(() => stores.ping(), 300);
    expect(await readiness(health)).toBe('ready');
    proxy.freeze();
    expect(await readiness(health)).toBe('database not reachable: the database did not answer within 300 ms');
    proxy.cut();
    expect(await readiness(health)).toMatch(/^database not reachable: Cannot reach the PostgreSQL database 127\.0\.0\.1:\d+/);
    proxy.restore();
    expect(await readiness(health)).toBe('ready');
  });
});

describe('/healthz and /readyz', () => {
  let api: ReturnType<typeof fakeSlackApi> | undefined;
  let running: RunningSlack | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
    api?.reset();
  });

  it('are served by the Slack HTTP server: ready until the instance drains, alive throughout', async () => {
    api = fakeSlackApi();
    const stores = createSqliteStores(join(tempDir(), 'bot.db'));
    closers.push(() => stores.close());
    const health = createHealth(() => stores.ping());
    running = await startSlack(createBot({ answers: fakeAnswers() }), { health });
    const get = async (path: string) => {
      const response = await fetch(running!.url.replace('/slack/events', path));
      return [response.status, await response.text()];
    };
    expect(await get('/healthz')).toEqual([200, 'ok']);
    expect(await get('/readyz')).toEqual([200, 'ready']);
    health.drain();
    expect(await get('/readyz')).toEqual([503, 'not ready: shutting down']);
    expect(await get('/healthz')).toEqual([200, 'ok']);
  });

  it('are served on HEALTH_PORT when there is no Slack HTTP server', async () => {
    const stores = createSqliteStores(join(tempDir(), 'bot.db'));
    const health = createHealth(() => stores.ping());
    const server = await startHealthServer(0, health, '127.0.0.1');
    closers.push(() => server.close());
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${server.address.port}${path}`);
      return [response.status, await response.text()];
    };
    expect(await get('/healthz')).toEqual([200, 'ok']);
    expect(await get('/readyz')).toEqual([200, 'ready']);
    stores.close();
    expect(await get('/readyz')).toEqual([503, 'not ready: database not reachable: The database connection is not open']);
    expect((await get('/elsewhere'))[0]).toBe(404);
  });
});
