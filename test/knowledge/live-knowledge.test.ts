import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePdf, longReportSpec } from '../../src/bench/generated-pdf.js';
import type { Logger } from '../../src/core/ports.js';
import { knowledgePaths, projectRoot } from '../../src/knowledge/default-paths.js';
import { loadOrBuildKnowledge } from '../../src/knowledge/knowledge-base.js';
import { LiveKnowledgeBase } from '../../src/knowledge/live-knowledge.js';
import { encryptedPdf, folderWith, threePageReport } from '../support/document-files.js';

const NOTES = '# Village outreach\n\nThe learning bus visits the villages every Saturday with books and tutors.\n';
const BUS = 'Where does the learning bus go on Saturdays?';
const FESTIVAL = 'How are learning festivals funded?';

/** A knowledge folder with the shipped synonyms and the given documents. */
const knowledgeFolder = (files: Record<string, string | Uint8Array>): string =>
  folderWith({ 'synonyms.yaml': readFileSync(join(projectRoot, 'knowledge', 'synonyms.yaml')), ...files });

const recordingLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  const record = (level: string) => (obj: object, msg?: string) => void lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)}`);
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
};

const opened: LiveKnowledgeBase[] = [];
const open = async (dir: string, logger?: Logger): Promise<LiveKnowledgeBase> => {
  const kb = await LiveKnowledgeBase.open(knowledgePaths(dir), { debounceMs: 50, ...(logger ? { logger } : {}) });
  opened.push(kb);
  return kb;
};
afterEach(async () => {
  for (const kb of opened.splice(0)) await kb.close();
});

// Each knowledge base starts its own build worker, which takes seconds on a loaded machine.
describe('live reload of the knowledge folder', { timeout: 60_000 }, () => {
  it('finds a PDF dropped into the folder at the next question, and forgets it once removed', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES });
    const kb = await open(dir);
    await kb.watch();
    const cited = (question: string): Array<string | undefined> => kb.answer(question).sources.map((source) => source.source);
    expect(cited(FESTIVAL)).not.toContain('guidelines.pdf');

    let reloaded = kb.nextReload();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'guidelines.pdf'), await threePageReport());
    expect((await reloaded).action).toBe('replaced');
    const answer = kb.answer(FESTIVAL);
    expect(answer.noAnswer).toBe(false);
    expect(answer.sources[0]).toMatchObject({ source: 'guidelines.pdf', page: 2 });
    expect(kb.answer(BUS).sources[0]?.source).toBe('notes.md');
    expect(kb.report.files.find((f) => f.file === 'reports/guidelines.pdf')).toMatchObject({ pages: 3, passages: 3 });

    reloaded = kb.nextReload();
    unlinkSync(join(dir, 'reports', 'guidelines.pdf'));
    expect((await reloaded).action).toBe('replaced');
    expect(cited(FESTIVAL)).not.toContain('guidelines.pdf');
    expect(kb.built.documents.map((d) => d.file)).toEqual(['notes.md']);
  });

  it('also notices a new file by looking at the folder, for file systems that send no change events', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES });
    const kb = await open(dir);
    await kb.watch({ poll: true });
    const reloaded = kb.nextReload();
    writeFileSync(join(dir, 'guidelines.pdf'), await threePageReport());
    expect((await reloaded).action).toBe('replaced');
    expect(kb.answer(FESTIVAL).sources[0]).toMatchObject({ source: 'guidelines.pdf', page: 2 });
  });

  it('keeps answering every question from the old index while a rebuild runs and fails, and logs why', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES });
    const logger = recordingLogger();
    const kb = await open(dir, logger);
    const paths = knowledgePaths(dir);
    // The new index cannot be written: its file name is taken by a folder.
    rmSync(paths.indexFile);
    mkdirSync(paths.indexFile);
    writeFileSync(join(paths.indexFile, 'keep'), 'x');
    // A long PDF keeps the rebuild busy for a while; the notes are gone from the new sources.
    writeFileSync(join(dir, 'annual-report.pdf'), await writePdf(longReportSpec(10)));
    writeFileSync(join(dir, 'guidelines.pdf'), await threePageReport());
    unlinkSync(join(dir, 'notes.md'));

    const outcomes: Array<string | undefined> = [];
    let done = false;
    const rebuild = kb.reload().finally(() => {
      done = true;
    });
    while (!done) {
      outcomes.push(kb.answer(BUS).sources[0]?.source, kb.answer(FESTIVAL).sources[0]?.source);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const outcome = await rebuild;
    expect(outcome).toMatchObject({ action: 'failed', reason: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST|directory/u) });
    // Questions were asked while the rebuild ran, and every one was answered from the old index.
    expect(outcomes.length).toBeGreaterThan(10);
    // Only the old index's one document (or no answer) was ever cited, never a new file.
    expect(outcomes.filter((source) => source !== 'notes.md' && source !== undefined)).toEqual([]);
    expect(outcomes.filter((source, index) => index % 2 === 0 && source !== 'notes.md')).toEqual([]);
    expect(kb.answer(BUS).sources[0]?.source).toBe('notes.md');
    // The index that could not be put in place is not left behind.
    expect(readdirSync(join(dir, '.index'))).toEqual(['passages.json']);
    expect(logger.lines.filter((line) => line.startsWith('error'))).toEqual([
      expect.stringContaining('knowledge rebuild failed: answering from the previous index'),
    ]);

    // Once the index can be written again, the next rebuild takes the new documents.
    rmSync(paths.indexFile, { recursive: true });
    expect((await kb.reload()).action).toBe('replaced');
    expect(kb.answer(FESTIVAL).sources[0]).toMatchObject({ source: 'guidelines.pdf', page: 2 });
    expect(kb.answer(BUS).sources).toEqual([]);
  });

  it('rebuilds only when the sources changed, and several calls during a rebuild share one follow-up', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES });
    const kb = await open(dir);
    expect(await kb.reload()).toEqual({ action: 'unchanged' });
    writeFileSync(join(dir, 'guidelines.pdf'), await threePageReport());
    const first = kb.reload();
    const second = kb.reload();
    const third = kb.reload();
    expect(second).toBe(third);
    expect((await first).action).toBe('replaced');
    expect(await second).toEqual({ action: 'unchanged' });
  });

  it('lets a rebuild under way finish when closed, and starts none after it', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES });
    const logger = recordingLogger();
    const kb = await open(dir, logger);
    writeFileSync(join(dir, 'guidelines.pdf'), await threePageReport());
    const first = kb.reload();
    const followUp = kb.reload();
    await kb.close();
    expect((await first).action).toBe('replaced');
    expect(await followUp).toEqual({ action: 'unchanged' });
    writeFileSync(join(dir, 'more.md'), '# More\n\nAnother note.\n');
    expect(await kb.reload()).toEqual({ action: 'unchanged' });
    expect(kb.built.documents.map((d) => d.file)).toEqual(['guidelines.pdf', 'notes.md']);
    expect(logger.lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});

describe('live reload of the synonyms file', { timeout: 60_000 }, () => {
  const LOCAL_NAME = 'Where does the lernmobil go?';
  const shipped = (): string => readFileSync(join(projectRoot, 'knowledge', 'synonyms.yaml'), 'utf8');

  it('reads questions with the new synonyms once the file is saved, without rebuilding the index', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES });
    const logger = recordingLogger();
    const kb = await open(dir, logger);
    await kb.watch();
    const report = kb.report;
    const built = kb.built;
    expect(kb.answer(LOCAL_NAME).answer).toMatch(/nothing about “lernmobil”/u);

    const reloaded = kb.nextReload();
    writeFileSync(join(dir, 'synonyms.yaml'), `${shipped()}  - [learning bus, lernmobil]\n`);
    expect((await reloaded).action).toBe('replaced');
    expect(kb.answer(LOCAL_NAME)).toMatchObject({ noAnswer: false, sources: [expect.objectContaining({ source: 'notes.md' })] });
    // The documents did not change: the same index, the same report.
    expect(kb.built).toBe(built);
    expect(kb.report).toBe(report);
    expect(logger.lines.filter((line) => line.includes('synonyms reloaded'))).toHaveLength(1);
    expect(logger.lines.filter((line) => line.includes('knowledge base reloaded'))).toEqual([]);
  });

  it('keeps the synonyms in use when the new file is invalid, says why, and takes the corrected one', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES });
    const logger = recordingLogger();
    const kb = await open(dir, logger);
    writeFileSync(join(dir, 'synonyms.yaml'), `${shipped()}  - [learning bus, lernmobil]\n`);
    expect((await kb.reload()).action).toBe('replaced');
    const before = kb.answer(LOCAL_NAME);
    expect(before.noAnswer).toBe(false);

    writeFileSync(join(dir, 'synonyms.yaml'), 'groups:\n  - learning bus\n');
    expect(await kb.reload()).toMatchObject({ action: 'failed', reason: expect.stringMatching(/synonyms\.yaml: groups\.0/u) });
    expect(kb.answer(LOCAL_NAME)).toEqual(before);
    expect(logger.lines.filter((line) => line.startsWith('error'))).toEqual([
      expect.stringMatching(/synonyms file not reloaded.*synonyms\.yaml: groups\.0/u),
    ]);

    // A document added meanwhile is still indexed, read with the synonyms in use.
    writeFileSync(join(dir, 'more.md'), '# Summer school\n\nThe summer school runs in the town library every August.\n');
    expect((await kb.reload()).action).toBe('replaced');
    expect(kb.answer('When does the summer school run?').sources[0]?.source).toBe('more.md');
    expect(kb.answer(LOCAL_NAME).noAnswer).toBe(false);

    writeFileSync(join(dir, 'synonyms.yaml'), shipped());
    expect((await kb.reload()).action).toBe('replaced');
    expect(kb.answer(LOCAL_NAME).noAnswer).toBe(true);
  });

  it('reads questions without synonyms once the file is removed', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES, 'synonyms.yaml': 'groups:\n  - [learning bus, lernmobil]\n' });
    const kb = await open(dir);
    expect(kb.answer(LOCAL_NAME).noAnswer).toBe(false);
    unlinkSync(join(dir, 'synonyms.yaml'));
    expect((await kb.reload()).action).toBe('replaced');
    expect(kb.answer(LOCAL_NAME).noAnswer).toBe(true);
  });
});

describe('the stored index with PDF and Word files', () => {
  it('is read back with its pages and its skipped files while the files are unchanged', async () => {
    const dir = knowledgeFolder({ 'notes.md': NOTES, 'guidelines.pdf': await threePageReport(), 'locked.pdf': encryptedPdf() });
    const paths = knowledgePaths(dir);
    const built = await loadOrBuildKnowledge(paths);
    expect(built.report).toMatchObject({ action: 'built', documents: 2 });
    expect(built.report.files.find((f) => f.file === 'guidelines.pdf')).toMatchObject({ pages: 3, passages: 3 });
    const loaded = await loadOrBuildKnowledge(paths);
    expect(loaded.report).toMatchObject({ action: 'loaded', documents: 2, errors: built.report.errors });
    expect(loaded.report.errors).toEqual([{ file: 'locked.pdf', message: 'password-protected: it cannot be read without its password' }]);
    expect(loaded.built.passages).toEqual(built.built.passages);
    expect(loaded.built.passages.filter((p) => p.source === 'guidelines.pdf').map((p) => p.page)).toEqual([1, 2, 3]);
    expect(loaded.report.files.find((f) => f.file === 'guidelines.pdf')).toMatchObject({ pages: 3, passages: 3 });
  });
});
