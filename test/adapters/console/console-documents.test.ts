import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scannedPdf, styledDocx, threePageReport } from '../../support/document-files.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { startConsoleSession, type ConsoleSession } from '../../reminders/console-session.js';

/** The real core on a real SQLite file, typed at through the real console adapter. */
const dir = mkdtempSync(join(tmpdir(), 'lc-console-documents-'));
const knowledgeDir = copyKnowledge();
const strategy = new URL('../../fixtures/documents/cork-strategy.md', import.meta.url).pathname;
const QUESTION = 'how much does the council set aside for the learning hubs?';

let opened: { core: Core; session: ConsoleSession } | undefined;
afterEach(async () => {
  await opened?.session.close();
  await opened?.core.close();
  opened = undefined;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

let databases = 0;
const open = async (): Promise<ConsoleSession> => {
  const core = await createCore({ knowledgeDir, databasePath: join(dir, `bot-${++databases}.db`), logger: silentLogger });
  const session = startConsoleSession(core.bot, join(dir, 'charts'), 'coordinator');
  opened = { core, session };
  return session;
};

const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('documents added from the console', () => {
  it('adds, lists, answers from, refuses and removes after a confirmation', async () => {
    const session = await open();
    const none = await session.type('documents', /no documents of its own yet[^\n]*\n/u);
    expect(none).toContain('A coordinator adds one by sending a file (.md, .markdown, .txt, .html, .htm, .pdf, .docx, up to 20 MB) with `add document`.');

    const before = await session.type(QUESTION, /\n\nyou> |\n\n$/u);
    expect(before).not.toContain('2.4 million');

    const added = await session.type(`add document ${strategy}`, /Nothing was changed\.|shared documents; no other workspace sees it\.\n/u);
    expect(added).toContain('added: Cork Learning Strategy 2030 (`cork-strategy.md`): no page numbers (a text file), 3 passages.');

    const listed = await session.type('documents', /remove document <name>`\.\n/u);
    expect(listed).toContain('This workspace’s own documents (1 of at most 200), searched beside the shared ones:');
    expect(listed).toMatch(/• Cork Learning Strategy 2030 \(`cork-strategy\.md`\): no page numbers \(a text file\), 3 passages; added \d{4}-\d\d-\d\d/u);

    const answered = await session.type(QUESTION, /Sources:[\s\S]*\n\n/u);
    expect(answered).toContain('The council sets aside 2.4 million euro a year for the neighbourhood learning hubs');
    expect(answered).toMatch(/Sources:\n {2}1\. Cork Learning Strategy 2030 \(cork-strategy\.md\)/u);

    // The shared documents still answer beside it.
    const shared = await session.type('how many cities are in the GNLC?', /Sources:[\s\S]*\n\n/u);
    expect(shared).toContain('Learning Cities (003_1d2a6d022f902458.txt)');

    const refusals = [
      [`add document ${strategy}`, 'Not added: this workspace already has a document named `cork-strategy.md` (Cork Learning Strategy 2030). To replace it, type `remove document cork-strategy.md` first, then add the new file.'],
      [`add document ${file('setup.exe', 'MZ')}`, 'Not added: `setup.exe` is not a file type I can read. I can add .md, .markdown, .txt, .html, .htm, .pdf, .docx files. Nothing was changed.'],
      [`add document ${file('plan.pdf', '%PDF-1.4')}`, 'Not added: `plan.pdf` could not be read: damaged or not a PDF: it has no readable structure. Nothing was changed.'],
      [`add document ${file('huge.txt', Buffer.alloc(20 * 1024 * 1024 + 1, 'a'))}`, 'Not added: `huge.txt` is 20.0 MB; a document may be at most 20 MB. Nothing was changed.'],
      [`add document ${file('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]))}`, 'Not added: `latin1.txt` could not be read: is not UTF-8 text (save it as UTF-8). Nothing was changed.'],
      [`add document ${file('empty.md', '\n\n')}`, 'Not added: `empty.md` could not be read: the document has no text. Nothing was changed.'],
      [`add document ${join(dir, 'missing.md')}`, `Not added: \`missing.md\` could not be fetched: the path ${join(dir, 'missing.md')} does not exist. Nothing was changed.`],
      ['add document', 'I found no file with that message.'],
    ] as const;
    for (const [line, reply] of refusals) {
      const printed = await session.type(line, /\n\n(?:you> )?$/u);
      expect(printed, line).toContain(reply);
    }
    expect(await session.type('documents', /remove document <name>`\.\n/u)).toContain('(1 of at most 200)');

    const ask = await session.type('remove document Cork-Strategy.md', /\[2\] Keep[\s\S]*\n\n/u);
    expect(ask).toContain('Remove Cork Learning Strategy 2030 (`cork-strategy.md`) from this workspace’s documents? Questions here will no longer find it.');
    expect(await session.type('2', /Kept[^\n]*\n/u)).toContain('Kept Cork Learning Strategy 2030 (`cork-strategy.md`).');
    expect(await session.type(QUESTION, /Sources:[\s\S]*\n\n/u)).toContain('2.4 million');

    await session.type('remove document Cork Learning Strategy 2030', /\[2\] Keep[\s\S]*\n\n/u);
    expect(await session.type('1', /Removed[^\n]*\n/u)).toContain('Removed Cork Learning Strategy 2030 (`cork-strategy.md`). Questions in this workspace no longer search it.');
    expect(await session.type(QUESTION, /\n\n(?:you> )?$/u)).not.toContain('2.4 million');
    expect(await session.type('remove document cork-strategy.md', /\n\n(?:you> )?$/u)).toContain('This workspace has no document named `cork-strategy.md`.');
  });

  it('adds a PDF with its pages and a Word file with its headings, and cites the PDF’s page', async () => {
    const session = await open();
    const pdf = file('guidelines.pdf', await threePageReport());
    const added = await session.type(`add document ${pdf}`, /Nothing was changed\.|no other workspace sees it\.\n/u);
    expect(added).toMatch(/added: UNESCO Guidelines for Building Learning Cities \(`guidelines\.pdf`\): 3 pages, \d+ passages?\./u);
    const answered = await session.type('who matches the festival endowment?', /Sources:[\s\S]*\n\n/u);
    expect(answered).toContain('matched by local employers');
    expect(answered).toMatch(/Sources:\n {2}1\. UNESCO Guidelines for Building Learning Cities, p\. 2 \(guidelines\.pdf\)/u);

    const docx = file('partnership.docx', await styledDocx());
    expect(await session.type(`add document ${docx}`, /Nothing was changed\.|no other workspace sees it\.\n/u)).toMatch(/added: [^\n]+\(`partnership\.docx`\)/u);
    expect(await session.type(`add document ${file('scan.pdf', await scannedPdf())}`, /\n\n(?:you> )?$/u)).toContain('no text layer: needs OCR');
    expect(await session.type('documents', /remove document <name>`\.\n/u)).toContain('(2 of at most 200)');
    // Part of one name is offered back; a part of none points at the list.
    expect(await session.type('remove document guidelines', /\n\n(?:you> )?$/u)).toContain(
      'This workspace has no document named `guidelines`. Did you mean `remove document guidelines.pdf`?',
    );
    expect(await session.type('remove document budget', /\n\n(?:you> )?$/u)).toContain('Type `documents` to see their names.');
  });

  it('refuses the 201st document of a workspace, and takes one again after a removal', async () => {
    const session = await open();
    for (let i = 1; i <= 200; i++) {
      const printed = await session.type(`add document ${file(`note-${i}.txt`, `Note ${i}\n\nMeeting note number ${i} of the partnership.`)}`, /\n\n(?:you> )?$/u);
      if (!printed.includes('added: ')) throw new Error(`note ${i}: ${printed}`);
    }
    const refused = await session.type(`add document ${strategy}`, /\n\n(?:you> )?$/u);
    expect(refused).toContain('Not added: `cork-strategy.md`. This workspace already has 200 documents, the most it may have.');
    await session.type('remove document note-7.txt', /\[2\] Keep[\s\S]*\n\n/u);
    await session.type('1', /Removed[^\n]*\n/u);
    expect(await session.type(`add document ${strategy}`, /\n\n(?:you> )?$/u)).toContain('added: Cork Learning Strategy 2030');
    expect(await session.type(QUESTION, /Sources:[\s\S]*\n\n/u)).toContain('2.4 million');
  }, 60_000);
});
