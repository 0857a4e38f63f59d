import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it as itRun } from 'vitest';
import { StorageError } from '../../src/core/errors.js';
import type { InstallationStore, StoredInstallation } from '../../src/core/ports.js';
import { MemoryInstallationStore } from '../../src/storage/memory-installation-store.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { createTokenCipher, tokenKeyId, type TokenCipher } from '../../src/storage/token-cipher.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { tempDir } from './temp-dir.js';

/** One database; `open` gives a store on it with the given keys, as a restarted bot would have. */
interface Backend {
  open(cipher?: TokenCipher): Promise<InstallationStore>;
  /** The stored row's columns exactly as the database holds them; absent for the memory store. */
  raw?: (workspace: string, userId: string) => Promise<Record<string, unknown> | undefined>;
  /** Overwrites one row's sealed tokens, as someone with database access might. */
  setSecrets?: (workspace: string, userId: string, secrets: unknown) => Promise<void>;
}

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const backends: Array<{ name: string; skip: boolean; create: () => Promise<Backend> }> = [
  {
    name: 'memory',
    skip: false,
    // Memory holds nothing across a restart: tests of reopening with other keys run on the databases.
    create: async () => ({ open: async (cipher) => new MemoryInstallationStore(cipher) }),
  },
  {
    name: 'sqlite',
    skip: false,
    create: async () => {
      const path = join(tempDir(), 'bot.db');
      const first = createSqliteStores(path);
      closers.push(() => first.close());
      return {
        open: async (cipher) => {
          const stores = createSqliteStores(path, undefined, cipher === undefined ? {} : { tokenCipher: cipher });
          closers.push(() => stores.close());
          return stores.installations;
        },
        raw: async (workspace, userId) =>
          first.db.prepare('SELECT * FROM installations WHERE workspace = ? AND user_id = ?').get(workspace, userId) as Record<string, unknown> | undefined,
        setSecrets: async (workspace, userId, secrets) => {
          first.db.prepare('UPDATE installations SET secrets = ? WHERE workspace = ? AND user_id = ?').run(secrets, workspace, userId);
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: !withPostgres,
    create: async () => {
      const schema = await freshSchema();
      const first = await createPostgresStores(schema.url);
      closers.push(() => first.close().then(schema.drop));
      return {
        open: async (cipher) => {
          const stores = await createPostgresStores(schema.url, undefined, cipher === undefined ? {} : { tokenCipher: cipher });
          closers.push(() => stores.close());
          return stores.installations;
        },
        raw: async (workspace, userId) =>
          (await first.db.run('test', 'SELECT * FROM installations WHERE workspace = $1 AND user_id = $2', [workspace, userId])).rows[0] as
            | Record<string, unknown>
            | undefined,
        setSecrets: async (workspace, userId, secrets) => {
          await first.db.run('test', 'UPDATE installations SET secrets = $1 WHERE workspace = $2 AND user_id = $3', [secrets, workspace, userId]);
        },
      };
    },
  },
];

const newKey = (): Buffer => randomBytes(32);
const BOT_TOKEN = 'xoxb-17-42-leedsbottokenvalue';

const installation = (overrides: Partial<StoredInstallation> = {}): StoredInstallation => ({
  workspace: 'slack:T1',
  userId: '',
  data: { team: { id: 'T1', name: 'Leeds Learning City' }, bot: { id: 'B1', userId: 'U0BOT', scopes: ['chat:write'] }, user: { id: 'U1' } },
  secrets: { botToken: BOT_TOKEN, userToken: 'xoxp-17-42-userTokenValue' },
  installedAt: new Date('2025-03-03T10:00:00.000Z'),
  ...overrides,
});

describe.each(backends)('$name installation store', ({ name, create, skip }) => {
  const it = skip ? itRun.skip : itRun;
  // Encryption happens in the database stores; the memory store keeps installations as given, so
  // these cases are not declared for it (rather than counted as skipped).
  const onDatabase = (title: string, test: () => Promise<void>): void => {
    if (name !== 'memory') it(title, test);
  };

  it('reads back what was put, tokens included, for that workspace and user only', async () => {
    const store = await (await create()).open(createTokenCipher({ current: newKey() }));
    await store.put(installation());
    await store.put(installation({ userId: 'U1' }));
    expect(await store.get('slack:T1', '')).toEqual(installation());
    expect(await store.get('slack:T1', 'U1')).toEqual(installation({ userId: 'U1' }));
    expect(await store.get('slack:T1', 'U2')).toBeUndefined();
    expect(await store.get('slack:T2', '')).toBeUndefined();
  });

  it('replaces the installation on a second put with the same workspace and user', async () => {
    const store = await (await create()).open(createTokenCipher({ current: newKey() }));
    await store.put(installation());
    const again = installation({ secrets: { botToken: 'xoxb-17-42-reinstalled' }, installedAt: new Date('2025-04-01T08:00:00.000Z') });
    await store.put(again);
    expect(await store.get('slack:T1', '')).toEqual(again);
  });

  it("deletes a workspace's installations, or only one user's record, and says how many went", async () => {
    const store = await (await create()).open(createTokenCipher({ current: newKey() }));
    await store.put(installation());
    await store.put(installation({ userId: 'U1' }));
    await store.put(installation({ userId: 'U2' }));
    await store.put(installation({ workspace: 'slack:E1' }));
    expect(await store.delete('slack:T1', 'U2')).toBe(1);
    expect(await store.get('slack:T1', 'U2')).toBeUndefined();
    expect(await store.get('slack:T1', '')).toBeDefined();
    expect(await store.delete('slack:T1')).toBe(2);
    expect(await store.get('slack:T1', '')).toBeUndefined();
    expect(await store.get('slack:T1', 'U1')).toBeUndefined();
    expect(await store.get('slack:E1', '')).toEqual(installation({ workspace: 'slack:E1' }));
    expect(await store.delete('slack:T1')).toBe(0);
  });

  it('refuses to store tokens without a key, with a message naming the setting', async () => {
    const store = await (await create()).open();
    const put = store.put(installation());
    await expect(put).rejects.toBeInstanceOf(StorageError);
    await expect(store.put(installation())).rejects.toThrow(/TOKEN_ENCRYPTION_KEY/u);
    expect(await store.get('slack:T1', '')).toBeUndefined();
  });

  onDatabase('keeps the tokens encrypted: the stored bytes are not the token, and name their key', async () => {
    const backend = await create();
    const key = newKey();
    const store = await backend.open(createTokenCipher({ current: key }));
    await store.put(installation());
    const row = await backend.raw?.('slack:T1', '');
    expect(row).toBeDefined();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(BOT_TOKEN);
    expect(stored).not.toContain('leedsbottokenvalue');
    expect(stored).not.toContain('userTokenValue');
    expect(stored).not.toContain(Buffer.from(BOT_TOKEN).toString('base64'));
    expect(row?.['key_id']).toBe(tokenKeyId(key));
    expect(String(row?.['secrets'])).toMatch(new RegExp(`^v1:${tokenKeyId(key)}:`, 'u'));
  });

  onDatabase('does not open tokens copied from another row or altered', async () => {
    const backend = await create();
    const store = await backend.open(createTokenCipher({ current: newKey() }));
    await store.put(installation());
    await store.put(installation({ workspace: 'slack:T2', secrets: { botToken: 'xoxb-9-9-otherworkspace' } }));
    const leeds = await backend.raw?.('slack:T1', '');
    await backend.setSecrets?.('slack:T2', '', leeds?.['secrets']);
    await expect(store.get('slack:T2', '')).rejects.toThrow(/altered or belongs to another row/u);
  });

  onDatabase('after a key rotation opens old tokens with the previous key and re-encrypts them with the new one', async () => {
    const backend = await create();
    const oldKey = newKey();
    const nextKey = newKey();
    await (await backend.open(createTokenCipher({ current: oldKey }))).put(installation());

    const rotated = await backend.open(createTokenCipher({ current: nextKey, previous: oldKey }));
    expect(await rotated.unknownKeyIds()).toEqual([]);
    expect(await rotated.get('slack:T1', '')).toEqual(installation());
    await rotated.put(installation({ workspace: 'slack:T2' }));
    expect((await backend.raw?.('slack:T2', ''))?.['key_id']).toBe(tokenKeyId(nextKey));

    expect(await rotated.rekey()).toBe(1);
    expect((await backend.raw?.('slack:T1', ''))?.['key_id']).toBe(tokenKeyId(nextKey));
    const newOnly = await backend.open(createTokenCipher({ current: nextKey }));
    expect(await newOnly.get('slack:T1', '')).toEqual(installation());
    expect(await newOnly.rekey()).toBe(0);
  });

  onDatabase('names the key ids no configured key matches, and refuses to read their tokens', async () => {
    const backend = await create();
    const lostKey = newKey();
    await (await backend.open(createTokenCipher({ current: lostKey }))).put(installation());
    const wrong = await backend.open(createTokenCipher({ current: newKey() }));
    expect(await wrong.unknownKeyIds()).toEqual([tokenKeyId(lostKey)]);
    await expect(wrong.get('slack:T1', '')).rejects.toThrow(/neither TOKEN_ENCRYPTION_KEY nor TOKEN_ENCRYPTION_KEY_PREVIOUS/u);
  });
});
