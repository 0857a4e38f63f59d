import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/app.js';
import type { IncomingFile, Origin } from '../../src/core/events.js';
import { silentLogger } from '../../src/core/ports.js';
import type { StoredDocument } from '../../src/library/document-store.js';
import { INLINE_BUILD_PASSAGES } from '../../src/library/index-builder.js';
import { WorkspaceKnowledge } from '../../src/library/workspace-knowledge.js';
import { MemoryDocumentStore } from '../../src/storage/memory-document-store.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { copyKnowledge, realKnowledgeBase } from '../support/knowledge.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { consoleOrigin, createFakeChat } from '../support/fake-chat.js';

const knowledgeDir = copyKnowledge();
const dir = mkdtempSync(join(tmpdir(), 'lc-workspace-documents-'));
const strategy = readFileSync(new URL('../fixtures/documents/cork-strategy.md', import.meta.url));
const QUESTION = 'how much does the council set aside for the learning hubs?';
const coordinator: Origin = consoleOrigin({ platform: 'slack', workspaceId: 'T0CORK', userId: 'U0ANNA', isAdmin: true });
const colleague: Origin = { ...coordinator, userId: 'U0BOB', isAdmin: false };

/** A file as an adapter hands it over: its size, and its bytes when asked. */
const upload = (name: string, bytes: Uint8Array): IncomingFile => ({ name, size: bytes.byteLength, read: async () => bytes });

const opened: Core[] = [];
const drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
  for (const drop of drops.splice(0)) await drop();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

const textOf = (replies: Array<{ text: string }>): string => replies.map((reply) => reply.text).join('\n');

describe('workspace documents across instances', () => {
  const backends = [
    { name: 'one SQLite file', skip: false, open: async (): Promise<{ databasePath: string; url?: string }> => ({ databasePath: join(dir, `shared-${Date.now()}.db`) }) },
    {
      name: 'one PostgreSQL database',
      skip: !withPostgres,
      open: async (): Promise<{ databasePath: string; url?: string }> => {
        const schema = await freshSchema();
        drops.push(schema.drop);
        return { databasePath: join(dir, 'unused.db'), url: schema.url };
      },
    },
  ];
  for (const backend of backends) {
    it.skipIf(backend.skip)(`shows an add and a removal on one instance to the next question on another (${backend.name})`, async () => {
      const where = await backend.open();
      const instance = async (): Promise<Core> => {
        const stores = where.url === undefined ? undefined : await createPostgresStores(where.url);
        const core = await createCore({ knowledgeDir, databasePath: where.databasePath, logger: silentLogger, ...(stores ? { stores } : {}) });
        opened.push(core);
        return core;
      };
      const [first, second] = [await instance(), await instance()];
      const asked = createFakeChat(second.bot, colleague);
      // The second instance builds (and keeps) its view of the workspace: no documents yet.
      expect(textOf(await asked.userSays(QUESTION))).not.toContain('2.4 million');

      const added = await first.bot.handle({ type: 'message', origin: coordinator, text: 'add document', files: [upload('cork-strategy.md', strategy)] });
      expect(textOf(added)).toContain('added: *Cork Learning Strategy 2030*');
      expect(textOf(await asked.userSays(QUESTION))).toContain('2.4 million');

      const manager = createFakeChat(first.bot, coordinator);
      await manager.userSays('remove document cork-strategy.md');
      expect(textOf(await manager.userPresses('Remove'))).toContain('Removed *Cork Learning Strategy 2030*');
      expect(textOf(await asked.userSays(QUESTION))).not.toContain('2.4 million');
    });
  }

  it('keeps the indexes of a bounded number of workspaces, building a dropped one again when asked', async () => {
    const store = new MemoryDocumentStore();
    const knowledge = new WorkspaceKnowledge(await realKnowledgeBase(), store, { maxWorkspaces: 2 });
    const document = (workspace: string): StoredDocument => ({
      id: `d-${workspace}`,
      workspace,
      name: 'notes.md',
      title: `Notes of ${workspace}`,
      pages: null,
      passageCount: 1,
      addedBy: `${workspace}:U1`,
      addedAt: new Date('2026-11-29T10:00:00Z'),
      passages: [{ id: 'notes.md#1', source: 'notes.md', title: `Notes of ${workspace}`, heading: 'Funding the hubs', text: 'The council sets aside 2.4 million euro a year for the neighbourhood learning hubs.' }],
    });
    for (const workspace of ['slack:T1', 'slack:T2', 'slack:T3']) {
      await store.add(document(workspace), 200);
      await knowledge.prepare(workspace);
    }
    expect(['slack:T1', 'slack:T2', 'slack:T3'].map((workspace) => knowledge.cachedPassages(workspace))).toEqual([0, 1, 1]);
    expect(knowledge.answer(QUESTION, { workspace: 'slack:T1' }).sources.map((s) => s.title)).not.toContain('Notes of slack:T1');
    await knowledge.prepare('slack:T1');
    expect(knowledge.answer(QUESTION, { workspace: 'slack:T1' }).sources.map((s) => s.title)).toContain('Notes of slack:T1');
    expect(knowledge.cachedPassages('slack:T2')).toBe(0);
  });

  it('answers from a workspace with more passages than are indexed inline (its index built in a worker thread)', async () => {
    const sections = Array.from({ length: INLINE_BUILD_PASSAGES + 50 }, (_, i) => `## Ward ${i + 1} report\n\nWard ${i + 1} ran ${i + 3} evening classes for carers this term.`);
    const body = `# Ward reports\n\n${sections.join('\n\n')}\n\n## Funding the hubs\n\nThe council sets aside 2.4 million euro a year for the neighbourhood learning hubs.`;
    const core = await createCore({ knowledgeDir, databasePath: join(dir, 'large.db'), logger: silentLogger });
    opened.push(core);
    const added = await core.bot.handle({ type: 'message', origin: coordinator, text: 'add document', files: [upload('wards.md', new TextEncoder().encode(body))] });
    expect(textOf(added)).toMatch(/added: .*\b(\d+) passages/u);
    const passages = Number(/(\d+) passages/u.exec(textOf(added))?.[1]);
    expect(passages).toBeGreaterThan(INLINE_BUILD_PASSAGES);
    const answer = textOf(await core.bot.handle({ type: 'message', origin: colleague, text: QUESTION }));
    expect(answer).toContain('2.4 million');
    expect(core.answers.cachedPassages('slack:T0CORK')).toBe(passages);
  });

  it('answers from the shared documents alone while the workspace’s documents cannot be read', async () => {
    const core = await createCore({ knowledgeDir, databasePath: join(dir, 'closed.db'), logger: silentLogger });
    const added = await core.bot.handle({ type: 'message', origin: coordinator, text: 'add document', files: [upload('cork-strategy.md', strategy)] });
    expect(textOf(added)).toContain('added: ');
    const knowledge = new WorkspaceKnowledge(core.knowledge, core.stores.documents);
    await core.stores.close();
    await knowledge.prepare('slack:T0CORK');
    const answer = knowledge.answer('how many cities are in the GNLC?', { workspace: 'slack:T0CORK' });
    expect(answer.sources[0]?.source).toBe('003_1d2a6d022f902458.txt');
    await core.charts.close();
    await core.reminders.stop();
  });
});
