import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DedupeStore } from '../../src/core/ports.js';
import { DEDUPE_RETENTION_MS } from '../../src/storage/dedupe-retention.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { tempDir } from './temp-dir.js';

/** Two instances sharing one database, as two bot processes would, and a way to count the keys kept. */
interface Pair {
  first: DedupeStore;
  second: DedupeStore;
  count(): Promise<number>;
}

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const backends: Array<{ name: string; skip: boolean; open: () => Promise<Pair> }> = [
  {
    name: 'sqlite',
    skip: false,
    open: async () => {
      const path = join(tempDir(), 'bot.db');
      const first = createSqliteStores(path);
      const second = createSqliteStores(path);
      closers.push(() => first.close(), () => second.close());
      return {
        first: first.dedupe,
        second: second.dedupe,
        count: async () => first.db.prepare('SELECT count(*) FROM dedupe_keys').pluck().get() as number,
      };
    },
  },
  {
    name: 'postgres',
    skip: !withPostgres,
    open: async () => {
      const schema = await freshSchema();
      const first = await createPostgresStores(schema.url);
      const second = await createPostgresStores(schema.url);
      closers.push(() => first.close().then(() => second.close()).then(schema.drop));
      return {
        first: first.dedupe,
        second: second.dedupe,
        count: async () => ((await first.db.run('test', 'SELECT count(*)::int AS n FROM dedupe_keys')).rows[0] as { n: number }).n,
      };
    },
  },
];

const at = new Date('2025-03-03T10:00:00.000Z');
const later = (ms: number): Date => new Date(at.getTime() + ms);

describe.each(backends)('$name dedupe store', ({ open, skip }) => {
  it.skipIf(skip)('lets the first claim of a key through and refuses it afterwards, on every instance', async () => {
    const { first, second } = await open();
    expect(await first.claim(['event:Ev1', 'message:T1:C1:1.1'], at)).toBe(true);
    expect(await first.claim(['event:Ev1'], later(1000))).toBe(false);
    expect(await second.claim(['event:Ev1', 'message:T1:C1:1.1'], later(2000))).toBe(false);
    // An app_mention and a message.im for one DM: another event id, the same message.
    expect(await second.claim(['event:Ev2', 'message:T1:C1:1.1'], later(3000))).toBe(false);
    expect(await second.claim(['event:Ev3', 'event:Ev3', ''], later(4000))).toBe(true);
  });

  it.skipIf(skip)('records every key of a refused claim, so each of them is refused later too', async () => {
    const { first, second } = await open();
    expect(await first.claim(['event:Ev1'], at)).toBe(true);
    expect(await second.claim(['request:R1', 'event:Ev1', 'message:T1:C1:1.1'], later(1000))).toBe(false);
    expect(await first.claim(['request:R1'], later(2000))).toBe(false);
    expect(await first.claim(['message:T1:C1:1.1', 'event:Ev9'], later(3000))).toBe(false);
    expect(await second.claim(['event:Ev9'], later(4000))).toBe(false);
  });

  it.skipIf(skip)('lets exactly one of two instances through when both claim the same keys at once', async () => {
    const { first, second } = await open();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) => [
        first.claim([`event:E${n}`, `request:R${n}`], at),
        second.claim([`request:R${n}`, `event:E${n}`], at),
      ]).flat(),
    );
    for (let n = 0; n < 20; n++) expect([outcomes[2 * n], outcomes[2 * n + 1]].filter(Boolean)).toHaveLength(1);
  });

  it.skipIf(skip)('forgets a key after an hour and prunes old keys', async () => {
    const { first, second, count } = await open();
    expect(await first.claim(['event:old'], at)).toBe(true);
    expect(await first.claim(['event:recent'], later(DEDUPE_RETENTION_MS / 2))).toBe(true);
    expect(await second.claim(['event:old'], later(DEDUPE_RETENTION_MS - 1))).toBe(false);
    expect(await second.claim(['event:old'], later(DEDUPE_RETENTION_MS + 1))).toBe(true);
    expect(await second.claim(['event:old'], later(DEDUPE_RETENTION_MS + 2))).toBe(false);
    // A claim well past the hour prunes what expired: only the renewed key and the new one remain.
    expect(await first.claim(['event:new'], later(DEDUPE_RETENTION_MS * 1.6))).toBe(true);
    expect(await count()).toBe(2);
  });
});

describe('sqlite dedupe store under load', () => {
  /** Frames written to the write-ahead log since it was last emptied: a commit writes each page it changed. */
  const walFrames = (db: ReturnType<typeof createSqliteStores>['db']): number => {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    db.pragma('wal_checkpoint(TRUNCATE)');
    return row?.log ?? 0;
  };

  it('commits the claims made together in one transaction, each still answered on its own', async () => {
    const stores = createSqliteStores(join(tempDir(), 'bot.db'));
    closers.push(() => stores.close());
    stores.db.pragma('wal_autocheckpoint = 0');
    walFrames(stores.db);
    for (let n = 0; n < 10; n++) expect(await stores.dedupe.claim([`event:A${n}`, `message:T1:C1:1.${n}`], at)).toBe(true);
    const oneByOne = walFrames(stores.db);
    const together = await Promise.all([
      ...Array.from({ length: 10 }, (_, n) => stores.dedupe.claim([`event:B${n}`, `message:T1:C2:1.${n}`], at)),
      // A redelivery racing the first delivery in the same batch: the first made wins.
      stores.dedupe.claim(['event:B3', 'message:T1:C2:1.3'], at),
      stores.dedupe.claim(['event:A1'], at),
    ]);
    const batched = walFrames(stores.db);
    expect(together).toEqual([...Array<boolean>(10).fill(true), false, false]);
    expect(batched).toBeLessThan(oneByOne / 3);
  });
});
