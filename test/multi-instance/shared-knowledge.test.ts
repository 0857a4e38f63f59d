import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/app.js';
import { silentLogger } from '../../src/core/ports.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { threePageReport } from '../support/document-files.js';
import { createFakeChat } from '../support/fake-chat.js';
import { copyKnowledge } from '../support/knowledge.js';
import { freshSchema, withPostgres } from '../support/postgres.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One instance as main.ts builds it with DATABASE_URL set, watching the shared knowledge folder. */
const instance = async (knowledgeDir: string, url: string): Promise<Core> => {
  const stores = await createPostgresStores(url, silentLogger);
  const core = await createCore({ knowledgeDir, databasePath: '', stores, logger: silentLogger, watchKnowledge: true, knowledgeReloadMs: 50 });
  cleanups.push(() => core.close());
  return core;
};

const QUESTION = 'How are learning festivals funded?';

describe('instances sharing one PostgreSQL database and one knowledge folder', { timeout: 60_000 }, () => {
  it.skipIf(!withPostgres)('all pick up a document added to the folder, and all drop it once removed', async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const knowledgeDir = copyKnowledge();
    cleanups.push(() => rmSync(knowledgeDir, { recursive: true, force: true }));
    const instances = [await instance(knowledgeDir, schema.url), await instance(knowledgeDir, schema.url)];

    let reloads = instances.map((core) => core.knowledge.nextReload());
    writeFileSync(join(knowledgeDir, 'unesco-guidelines.pdf'), await threePageReport());
    expect((await Promise.all(reloads)).map((outcome) => outcome.action)).toEqual(['replaced', 'replaced']);
    for (const core of instances) {
      const [reply] = await createFakeChat(core.bot).userSays(QUESTION);
      expect(reply?.citations?.[0]).toEqual({ title: 'UNESCO Guidelines for Building Learning Cities', source: 'unesco-guidelines.pdf', page: 2 });
    }

    reloads = instances.map((core) => core.knowledge.nextReload());
    unlinkSync(join(knowledgeDir, 'unesco-guidelines.pdf'));
    expect((await Promise.all(reloads)).map((outcome) => outcome.action)).toEqual(['replaced', 'replaced']);
    for (const core of instances) {
      const [reply] = await createFakeChat(core.bot).userSays(QUESTION);
      expect(reply?.citations?.map((c) => c.source) ?? []).not.toContain('unesco-guidelines.pdf');
    }
  });
});
