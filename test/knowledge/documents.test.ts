import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/knowledge/chunk.js';
import { isLoadError, parseDocument } from '../../src/knowledge/documents.js';
import { loadDocuments } from '../../src/knowledge/load-documents.js';
import { htmlToMarkdown } from '../../src/knowledge/html.js';

const folder = (files: Record<string, string | Buffer>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-docs-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};

describe('loading documents', () => {
  it('reads Markdown with front matter, plain text and HTML side by side', async () => {
    const dir = folder({
      'a.md': '---\ntitle: Festival guide\nsource: festival.pdf\nkind: guide\n---\n## Planning\n\nBook venues early.\n',
      'b.txt': 'Adult learning in Leeds\n\nThe council runs evening classes.',
      'c.html': '<html><head><title>Bristol &amp; learning</title><script>alert(1)</script></head><body><h2>Goals</h2><p>Learning for all.</p><ul><li>One</li><li>Two</li></ul></body></html>',
      'ignored.xlsx': 'binary',
    });
    const { documents, errors } = await loadDocuments(dir);
    expect(errors).toEqual([]);
    expect(documents.map((d) => [d.file, d.title, d.source, d.kind])).toEqual([
      ['a.md', 'Festival guide', 'festival.pdf', 'guide'],
      ['b.txt', 'Adult learning in Leeds', 'b.txt', 'page'],
      ['c.html', 'Bristol & learning', 'c.html', 'page'],
    ]);
    const html = documents[2]?.body ?? '';
    expect(html).toContain('## Goals');
    expect(html).toContain('- One');
    expect(html).not.toContain('alert');
  });

  it('names the file and the field when front matter is invalid, and still loads the rest', async () => {
    const dir = folder({
      'bad-kind.md': '---\ntitle: X\nkind: podcast\n---\nText.',
      'empty-title.md': '---\ntitle: ""\n---\nText.',
      'broken-yaml.md': '---\ntitle: [unclosed\n---\nText.',
      'no-text.md': '---\ntitle: Only a title\n---\n\n',
      'binary.txt': Buffer.from([0, 1, 2, 3]),
      'good.md': '---\ntitle: Good\n---\nLearning festivals celebrate learning.',
    });
    const { documents, errors } = await loadDocuments(dir);
    expect(documents.map((d) => d.file)).toEqual(['good.md']);
    const byFile = Object.fromEntries(errors.map((e) => [e.file, e.message]));
    expect(Object.keys(byFile).sort()).toEqual(['bad-kind.md', 'binary.txt', 'broken-yaml.md', 'empty-title.md', 'no-text.md']);
    expect(byFile['bad-kind.md']).toMatch(/invalid front matter: kind/);
    expect(byFile['empty-title.md']).toMatch(/title must not be empty/);
    expect(byFile['broken-yaml.md']).toMatch(/could not be read/);
    expect(byFile['no-text.md']).toMatch(/no text/);
    expect(byFile['binary.txt']).toMatch(/binary/);
  });

  it('skips a file over the size limit with its size, and loads the rest', async () => {
    const dir = folder({ 'big.txt': `Big report\n\n${'Learning for all. '.repeat(200)}`, 'small.md': '# Small\n\nEvening classes.\n' });
    const { documents, errors } = await loadDocuments(dir, 2 * 1024);
    expect(documents.map((d) => d.file)).toEqual(['small.md']);
    expect(errors).toEqual([{ file: 'big.txt', message: 'is 4 KB; a file in the knowledge folder may be at most 2 KB: split it into parts' }]);
  });

  it('reads sub-folders too, but not hidden folders or the frameworks folder', async () => {
    const dir = folder({ 'top.txt': 'Dropped at the top level.' });
    mkdirSync(join(dir, 'docs', 'wales'), { recursive: true });
    mkdirSync(join(dir, 'frameworks'));
    mkdirSync(join(dir, '.index'));
    writeFileSync(join(dir, 'docs', 'wales', 'swansea.md'), '---\ntitle: Swansea notes\n---\nSwansea learning city.');
    writeFileSync(join(dir, 'frameworks', 'notes.md'), '# Not a document');
    writeFileSync(join(dir, '.index', 'cache.txt'), 'not a document');
    const { documents, errors } = await loadDocuments(dir);
    expect(errors).toEqual([]);
    expect(documents.map((d) => [d.file, d.source])).toEqual([
      ['docs/wales/swansea.md', 'swansea.md'],
      ['top.txt', 'top.txt'],
    ]);
  });

  it('takes a plain text file’s first line for its title only when it reads as one', () => {
    const titled = parseDocument('galway.txt', 'Learning strategy for Galway\n\nThe festival happens in May.');
    expect('title' in titled && titled.title).toBe('Learning strategy for Galway');
    const prose = parseDocument('galway-notes.txt', 'Plain text strategy for Galway. The Galway learning festival happens in May.\n');
    expect('title' in prose && prose.title).toBe('galway notes');
    const sentence = parseDocument('cork.txt', 'Cork has run a learning festival every spring since the year 2004.\n');
    expect('title' in sentence && sentence.title).toBe('cork');
    const question = parseDocument('why.txt', 'Why cities?\n\nBecause most people live in them.');
    expect('title' in question && question.title).toBe('Why cities?');
    for (const title of ['St. Albans learning strategy', 'Dr. Longworth on learning regions', 'Why cities? An introduction']) {
      const titled = parseDocument('f.txt', `${title}\n\nText.`);
      expect('title' in titled && titled.title).toBe(title);
    }
  });

  it('gives Markdown without front matter a title from its first heading', () => {
    const doc = parseDocument('notes.md', '# Learning cities in Wales\n\nSwansea and Cardiff.');
    expect(isLoadError(doc)).toBe(false);
    if (!isLoadError(doc)) expect(doc.title).toBe('Learning cities in Wales');
  });

  it('decodes entities and drops navigation in HTML', () => {
    const { title, markdown } = htmlToMarkdown('<nav>Home | About</nav><h1>Caf&eacute; &#8211; learning</h1><p>A&nbsp;B &#x41;</p>');
    expect(title).toBe('Café – learning');
    expect(markdown).not.toContain('Home');
    expect(markdown).toContain('A B A');
  });
});

describe('chunking', () => {
  const doc = {
    file: 'x.md',
    title: 'Doc',
    source: 'x.txt',
    kind: 'page' as const,
    body: ['Intro paragraph.', '', '## Partnership', '', 'First.', '', '- one', '', '- two', '', '## Long', '', `${'A sentence here. '.repeat(120)}`].join('\n'),
  };

  it('keeps headings with their passages and lists together', () => {
    const passages = chunkDocument(doc);
    expect(passages[0]).toMatchObject({ heading: 'Doc', text: 'Intro paragraph.', source: 'x.txt', title: 'Doc' });
    expect(passages[1]).toMatchObject({ heading: 'Partnership' });
    expect(passages[1]?.text).toContain('First.');
    expect(passages[1]?.text).toContain('- one\n- two');
  });

  it('splits an over-long paragraph between sentences', () => {
    const long = chunkDocument(doc).filter((p) => p.heading === 'Long');
    expect(long.length).toBeGreaterThan(1);
    for (const passage of long) {
      expect(passage.text.length).toBeLessThanOrEqual(1_100);
      expect(passage.text.trim().endsWith('.')).toBe(true);
    }
    expect(new Set(chunkDocument(doc).map((p) => p.id)).size).toBe(chunkDocument(doc).length);
  });
});
