import { join } from 'node:path';
import { afterEach, it as itRun } from 'vitest';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import type { Stores } from '../../src/storage/stores.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { tempDir } from './temp-dir.js';

/** Some of the stores, as a contract test needs them, and how to close them. */
export type StoresOf<K extends keyof Stores> = Pick<Stores, K | 'close'>;

/** One backend a store contract runs on; `skip` when it is not available here (PostgreSQL). */
export interface StoreBackend<B> {
  name: string;
  skip: boolean;
  open: () => B | Promise<B>;
}

/**
 * The backends every store contract runs on: the memory stores `memory` makes, a SQLite file of
 * their own, and a PostgreSQL schema of their own (dropped when closed).
 */
export const storeBackends = <K extends keyof Stores>(memory: () => StoresOf<K>): Array<StoreBackend<StoresOf<K>>> => [
  { name: 'memory', skip: false, open: memory },
  { name: 'sqlite', skip: false, open: () => createSqliteStores(join(tempDir(), 'bot.db')) },
  {
    name: 'postgres',
    skip: !withPostgres,
    open: async () => {
      const schema = await freshSchema();
      const stores = await createPostgresStores(schema.url);
      return { ...stores, close: () => stores.close().then(schema.drop) };
    },
  },
];

/**
 * For the tests of one backend (call inside its `describe`): `start` opens the stores, which are
 * closed after each test, and `it` skips the tests of a backend that is not available.
 */
export const storesPerTest = <B extends { close(): void | Promise<void> }>(backend: StoreBackend<B>): { start: () => Promise<B>; it: typeof itRun | typeof itRun.skip } => {
  let opened: B | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  return {
    start: async () => {
      opened = await backend.open();
      return opened;
    },
    it: backend.skip ? itRun.skip : itRun,
  };
};
