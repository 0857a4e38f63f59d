import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgePaths } from '../../src/knowledge/default-paths.js';
import { KnowledgeBase, buildKnowledge, loadOrBuildKnowledge } from '../../src/knowledge/knowledge-base.js';
import { copyKnowledge } from '../support/knowledge.js';

describe('the serialized index', async () => {
  it('is built once, then loaded while the documents are unchanged, and rebuilt when they change', async () => {
    const paths = knowledgePaths(copyKnowledge());
    const first = await loadOrBuildKnowledge(paths);
    expect(first.report).toMatchObject({ action: 'built', reason: 'no index yet', documents: 5, errors: [] });
    expect(first.report.passages).toBeGreaterThan(20);

    const second = await loadOrBuildKnowledge(paths);
    expect(second.report.action).toBe('loaded');
    expect(second.built.passages).toEqual(first.built.passages);
    const before = new KnowledgeBase(first.built).answer('venice learning city state');
    expect(new KnowledgeBase(second.built).answer('venice learning city state')).toEqual(before);

    const newDoc = join(paths.docsDir, 'zz-festival.md');
    writeFileSync(newDoc, '---\ntitle: Festival notes\n---\n## Learning festivals\n\nThe Leeds learning festival runs every June in libraries.\n');
    const third = await loadOrBuildKnowledge(paths);
    expect(third.report).toMatchObject({ action: 'built', reason: 'documents changed', documents: 6 });
    expect(new KnowledgeBase(third.built).answer('when is the leeds learning festival?').sources[0]?.source).toBe('zz-festival.md');

    appendFileSync(newDoc, '\nIt is free.\n');
    utimesSync(newDoc, new Date(), new Date(Date.now() + 5_000));
    expect((await loadOrBuildKnowledge(paths)).report.action).toBe('built');
  });

  it('rebuilds a damaged index file instead of failing', async () => {
    const paths = knowledgePaths(copyKnowledge());
    await buildKnowledge(paths);
    writeFileSync(paths.indexFile, '{"format": 1, "truncated":');
    const result = await loadOrBuildKnowledge(paths);
    expect(result.report.action).toBe('built');
    expect(result.report.reason).toMatch(/index unreadable/);
    expect(JSON.parse(readFileSync(paths.indexFile, 'utf8')).passages.length).toBe(result.built.passages.length);
  });

  it('rebuilds an index stemmed with another table of word families, which would miss the words it splits', async () => {
    const paths = knowledgePaths(copyKnowledge());
    await buildKnowledge(paths);
    const stored = JSON.parse(readFileSync(paths.indexFile, 'utf8')) as { stemming: string };
    expect(stored.stemming).toMatch(/^[0-9a-f]{16}$/u);
    writeFileSync(paths.indexFile, JSON.stringify({ ...stored, stemming: '0000000000000000' }));
    const result = await loadOrBuildKnowledge(paths);
    expect(result.report.action).toBe('built');
    expect((JSON.parse(readFileSync(paths.indexFile, 'utf8')) as { stemming: string }).stemming).toBe(stored.stemming);
  });

  it('reports a bad document without losing the others', async () => {
    const paths = knowledgePaths(copyKnowledge());
    writeFileSync(join(paths.docsDir, 'broken.md'), '---\ntitle: [oops\n---\nText');
    const { report } = await buildKnowledge(paths);
    expect(report.documents).toBe(5);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'broken.md' })]);
  });
});
