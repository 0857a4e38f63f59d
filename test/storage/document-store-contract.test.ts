import { describe, expect } from 'vitest';
import { StorageError } from '../../src/core/errors.js';
import type { DocumentStore, StoredDocument } from '../../src/library/document-store.js';
import { MemoryDocumentStore } from '../../src/storage/memory-document-store.js';
import { storeBackends, storesPerTest } from './store-backends.js';

const backends = storeBackends<'documents'>(() => ({ documents: new MemoryDocumentStore(), close: () => {} }));

const document = (fields: Partial<StoredDocument> = {}): StoredDocument => ({
  id: 'd1',
  workspace: 'slack:T1',
  name: 'Strategy.md',
  title: 'Cork Learning Strategy 2030',
  pages: null,
  passageCount: 2,
  addedBy: 'slack:T1:U1',
  addedAt: new Date('2026-11-29T10:00:00.000Z'),
  passages: [
    { id: 'Strategy.md#1', source: 'Strategy.md', title: 'Cork Learning Strategy 2030', heading: 'Aims', text: 'Every ward gets a learning hub.' },
    { id: 'Strategy.md#2', source: 'Strategy.md', title: 'Cork Learning Strategy 2030', heading: 'Budget', text: 'The hubs cost €2m.', page: 3 },
  ],
  ...fields,
});

describe.each(backends)('$name document store', (backend) => {
  const { start: open, it } = storesPerTest(backend);
  const start = async (): Promise<DocumentStore> => (await open()).documents;

  it('reads back a document with its passages (pages included), and lists it without them', async () => {
    const store = await start();
    expect(await store.add(document(), 200)).toBe('added');
    expect(await store.withPassages('slack:T1')).toEqual([document()]);
    const { passages: _passages, ...summary } = document();
    expect(await store.list('slack:T1')).toEqual([summary]);
  });

  it('never shows one workspace’s documents in another', async () => {
    const store = await start();
    await store.add(document(), 200);
    expect(await store.list('slack:T2')).toEqual([]);
    expect(await store.withPassages('discord:T1')).toEqual([]);
    expect(await store.remove('slack:T2', 'd1')).toBe(false);
    expect(await store.list('slack:T1')).toHaveLength(1);
    // The same name is free in another workspace.
    expect(await store.add(document({ workspace: 'slack:T2' }), 200)).toBe('added');
  });

  it('refuses a second document of the same name, ignoring case, and one over the limit', async () => {
    const store = await start();
    expect(await store.add(document(), 2)).toBe('added');
    expect(await store.add(document({ id: 'd2', name: ' strategy.MD' }), 2)).toBe('duplicate');
    expect(await store.add(document({ id: 'd2', name: 'plan.md' }), 2)).toBe('added');
    expect(await store.add(document({ id: 'd3', name: 'third.md' }), 2)).toBe('full');
    expect((await store.list('slack:T1')).map((d) => d.name)).toEqual(['Strategy.md', 'plan.md']);
  });

  it('gives every different set of documents its own version, also when a removal and an add leave the count as it was', async () => {
    const store = await start();
    const versions: string[] = [await store.version('slack:T1')];
    await store.add(document(), 200); // {d1}
    versions.push(await store.version('slack:T1'));
    await store.add(document({ id: 'd2', name: 'plan.md' }), 200); // {d1, d2}
    versions.push(await store.version('slack:T1'));
    await store.remove('slack:T1', 'd1'); // {d2}
    versions.push(await store.version('slack:T1'));
    await store.add(document({ id: 'd3', name: 'other.md' }), 200); // {d2, d3}: two documents again
    versions.push(await store.version('slack:T1'));
    await store.remove('slack:T1', 'd3'); // {d2} again: the same documents may keep the same version
    expect(await store.version('slack:T1')).toBe(versions[3]);
    expect(new Set(versions).size).toBe(5);
    const before = await store.version('slack:T1');
    await store.add(document({ workspace: 'slack:T2' }), 200);
    expect(await store.version('slack:T1')).toBe(before);
  });

  it('deletes a workspace’s documents and nothing else', async () => {
    const store = await start();
    await store.add(document(), 200);
    await store.add(document({ id: 'd2', name: 'plan.md' }), 200);
    await store.add(document({ workspace: 'slack:T2' }), 200);
    expect(await store.deleteByWorkspace('slack:T1')).toBe(2);
    expect(await store.list('slack:T1')).toEqual([]);
    expect(await store.list('slack:T2')).toHaveLength(1);
  });

  it('rejects an invalid date with a StorageError', async () => {
    const store = await start();
    await expect(store.add(document({ addedAt: new Date('nonsense') }), 200)).rejects.toThrow(StorageError);
  });
});
