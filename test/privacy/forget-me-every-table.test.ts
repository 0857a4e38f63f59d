import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, it as itRun } from 'vitest';
import { createCore, type Core } from '../../src/app.js';
import type { Origin } from '../../src/core/events.js';
import { ANONYMOUS_USER_ID, silentLogger } from '../../src/core/ports.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { copyKnowledge } from '../support/knowledge.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { seedUser } from './seed.js';
import { postgresRows, sqliteRows } from './table-scan.js';

const USER = 'UFORGET7';
const now = new Date('2026-03-05T10:00:00.000Z');
const knowledgeDir = copyKnowledge();

interface Backend {
  core: Core;
  /** Every row of every table of the database the core writes to. */
  rows(): Promise<string[]>;
  close(): Promise<void>;
}

const backends: Array<{ name: string; skip: boolean; open: () => Promise<Backend> }> = [
  {
    name: 'a SQLite file',
    skip: false,
    open: async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'lc-forget-')), 'bot.db');
      const core = await createCore({ knowledgeDir, databasePath: path, logger: silentLogger, clock: { now: () => now } });
      return { core, rows: async () => sqliteRows(path), close: () => core.close() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !withPostgres,
    open: async () => {
      const schema = await freshSchema();
      const stores = await createPostgresStores(schema.url);
      const core = await createCore({ knowledgeDir, databasePath: '', stores, logger: silentLogger, clock: { now: () => now } });
      return { core, rows: () => postgresRows(schema.url, schema.schema), close: () => core.close().then(schema.drop) };
    },
  },
];

/** `forget me`, then the Confirm button of its prompt, as an adapter would send them. */
const forgetMe = async (core: Core, origin: Origin): Promise<string> => {
  const [prompt] = await core.bot.handle({ type: 'message', origin, text: 'forget me' });
  const confirm = prompt?.choices?.find((choice) => choice.label === 'Confirm');
  expect(confirm).toBeDefined();
  const [done] = await core.bot.handle({ type: 'choice', origin, value: confirm?.value ?? '' });
  return done?.text ?? '';
};

describe.each(backends)('forget me on $name', ({ open, skip }) => {
  const it = skip ? itRun.skip : itRun;
  let backend: Backend | undefined;
  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  it('leaves no row in any table holding the user’s id; their result stays, anonymous; nobody else’s row changes', async () => {
    backend = await open();
    const { core } = backend;
    const place = { platform: 'slack' as const, workspaceId: 'TFORGET1', channelId: 'C1' };
    await seedUser(core.stores, place, USER, 'gone', new Date('2026-03-01T09:00:00.000Z'));
    await seedUser(core.stores, place, 'USTAY8', 'stay', new Date('2026-03-01T09:00:00.000Z'));
    await seedUser(core.stores, { ...place, workspaceId: 'TOTHER2' }, 'UOTHER9', 'other', new Date('2026-03-01T09:00:00.000Z'));
    const before = await backend.rows();
    expect(before.filter((row) => row.includes(USER)).length).toBe(8);

    const done = await forgetMe(core, { ...place, userId: USER });
    expect(done).toBe(
      'Done: deleted 1 assessment in progress, 1 feedback vote, 2 reminders, 1 set of answers to a city-wide round. ' +
        '1 completed assessment stays for the city, marked anonymous. 1 document you added stays for the workspace, marked anonymous. ' +
        '1 city-wide round you opened stays, marked anonymous. ' +
        'Nothing in this workspace names you any more.',
    );
    const after = await backend.rows();
    expect(after.filter((row) => row.includes(USER))).toEqual([]);
    // The rows that changed are the result, the document and the round the user added, now without the user.
    expect(after.filter((row) => row.includes(ANONYMOUS_USER_ID))).toHaveLength(3);
    // Gone besides: the delivery log of the user's own reminder, which names only the reminder.
    expect(after.filter((row) => !row.includes(ANONYMOUS_USER_ID))).toEqual(
      before.filter((row) => !row.includes(USER) && !(row.startsWith('reminder_deliveries:') && row.includes('gone-own'))),
    );
    const [result] = (await core.stores.results.list('slack:TFORGET1')).filter((r) => r.id === 'gone-result');
    expect(result?.userId).toBe(ANONYMOUS_USER_ID);
    expect(result?.components).toHaveLength(2);
  });

  it('deletes all of a Discord user’s direct-message workspace, results included, since it is theirs alone', async () => {
    backend = await open();
    const { core } = backend;
    const dm = { platform: 'discord' as const, workspaceId: `dm:${USER}`, channelId: 'D1' };
    await seedUser(core.stores, dm, USER, USER, new Date('2026-03-01T09:00:00.000Z'));
    await seedUser(core.stores, { platform: 'discord', workspaceId: 'G2', channelId: 'C2' }, 'UOTHER9', 'other', new Date('2026-03-01T09:00:00.000Z'));
    const before = await backend.rows();

    const done = await forgetMe(core, { ...dm, userId: USER, personal: true });
    expect(done).toMatch(/^Done: deleted 1 assessment result, 1 assessment in progress, 1 feedback vote, 2 reminders, 1 document added from chat, 1 city-wide round\./u);
    const after = await backend.rows();
    expect(after.filter((row) => row.includes(USER))).toEqual([]);
    expect(after).toEqual(before.filter((row) => !row.includes(USER) && !row.includes(`discord:dm:${USER}`)));
  });
});
