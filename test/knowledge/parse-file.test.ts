import { describe, expect, it } from 'vitest';
import { answerReply } from '../../src/core/ask.js';
import { citationLabel } from '../../src/core/replies.js';
import { chunkDocument } from '../../src/knowledge/chunk.js';
import { isLoadError, type SourceDocument } from '../../src/knowledge/documents.js';
import { buildIndex } from '../../src/knowledge/index-build.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { loadDocuments } from '../../src/knowledge/load-documents.js';
import { parseDocumentFile } from '../../src/knowledge/parse-file.js';
import { emptyDocx, encryptedPdf, folderWith, scannedPdf, styledDocx, threePageReport } from '../support/document-files.js';

const parsed = async (file: string, bytes: Uint8Array): Promise<SourceDocument> => {
  const result = await parseDocumentFile(file, bytes);
  if (isLoadError(result)) throw new Error(`${file}: ${result.message}`);
  return result;
};

describe('PDF files', () => {
  it('keep their pages and their headings (told apart by font size), and an answer cites the right page', async () => {
    const report = await parsed('guides/unesco-guidelines.pdf', await threePageReport());
    expect(report).toMatchObject({ title: 'UNESCO Guidelines for Building Learning Cities', source: 'unesco-guidelines.pdf', pages: 3 });
    const passages = chunkDocument(report);
    expect(passages.map((p) => [p.heading, p.page])).toEqual([
      ['Introduction', 1],
      ['Funding learning festivals', 2],
      ['The biennial scorecard', 3],
    ]);
    // The printed page number in the footer is layout, not text.
    expect(passages.map((p) => p.text).join(' ')).not.toMatch(/\b[123]\b/u);

    const kb = new KnowledgeBase(buildIndex([report]));
    const festival = kb.answer('How are learning festivals funded?');
    expect(festival.noAnswer).toBe(false);
    expect(festival.sources[0]).toMatchObject({ source: 'unesco-guidelines.pdf', page: 2 });
    expect(festival.answer).toContain('festival endowment');
    const reply = answerReply(festival);
    expect(reply.citations?.map(citationLabel)).toEqual(['UNESCO Guidelines for Building Learning Cities, p. 2']);
    expect(kb.answer('What does the city publish every second year?').sources[0]?.page).toBe(3);
  });

  it('take their title from the first heading when the document information has none', async () => {
    const report = await parsed('untitled.pdf', await threePageReport(null));
    expect(report.title).toBe('Introduction');
  });
});

describe('Word files', () => {
  it('follow the headings of their styles: one passage per headed section, titled by the Title style', async () => {
    const handbook = await parsed('handbook.docx', await styledDocx());
    expect(handbook).toMatchObject({ title: 'Swansea Learning Partnership Handbook', source: 'handbook.docx' });
    expect(handbook.pages).toBeUndefined();
    const passages = chunkDocument(handbook);
    expect(passages.map((p) => [p.heading, p.text])).toEqual([
      ['Who we are', 'The partnership brings together the council, two universities and forty community groups.'],
      ['Volunteer mentors', 'Volunteer mentors meet new adult learners at the waterfront library every Thursday evening.'],
      ['Annual budget', 'The annual budget of the partnership is agreed by the steering board each March.'],
    ]);
    const answer = new KnowledgeBase(buildIndex([handbook])).answer('Where do volunteer mentors meet adult learners?');
    expect(answer.sources[0]).toMatchObject({ source: 'handbook.docx', title: 'Swansea Learning Partnership Handbook' });
    expect(answer.sources[0]?.page).toBeUndefined();
  });
});

describe('files that cannot be used', () => {
  it('are skipped, each with its reason, while every other file still loads', async () => {
    const dir = folderWith({
      'report.pdf': await threePageReport(),
      'handbook.docx': await styledDocx(),
      'notes.md': '# Notes\n\nThe learning bus visits villages on Saturdays.',
      'scanned.pdf': await scannedPdf(),
      'locked.pdf': encryptedPdf(),
      'damaged.pdf': '%PDF-1.7\n1 0 obj << /Type /Cata',
      'truncated.pdf': (await threePageReport()).slice(0, 400),
      'renamed.pdf': 'Meeting notes typed in a text editor.',
      'empty.pdf': '',
      'empty.docx': await emptyDocx(),
      'damaged.docx': Buffer.from('PK\u0003\u0004 not really an archive'),
      'old.docx': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    });
    const { documents, errors, timings } = await loadDocuments(dir);
    expect(documents.map((d) => d.file)).toEqual(['handbook.docx', 'notes.md', 'report.pdf']);
    expect(Object.fromEntries(errors.map((e) => [e.file, e.message]))).toEqual({
      'damaged.docx': expect.stringMatching(/^damaged Word document/u),
      'damaged.pdf': expect.stringMatching(/^damaged or not a PDF/u),
      'empty.docx': 'the Word document has no text',
      'empty.pdf': 'the file is empty',
      'locked.pdf': 'password-protected: it cannot be read without its password',
      'old.docx': 'an old Word 97-2003 (.doc) file: save it as .docx',
      'renamed.pdf': 'damaged or not a PDF: it has no PDF header',
      'scanned.pdf': expect.stringMatching(/^no text layer: needs OCR/u),
      'truncated.pdf': expect.stringMatching(/^damaged/u),
    });
    expect(timings.map((t) => t.file)).toHaveLength(12);
  });

  it('go by their content where the extension is wrong', async () => {
    const pdfAsText = await parsed('saved-as.txt', await threePageReport());
    expect(pdfAsText.pages).toBe(3);
    const docxAsPdf = await parsed('renamed.pdf', await styledDocx());
    expect(docxAsPdf.title).toBe('Swansea Learning Partnership Handbook');
    const textAsMarkdown = await parsed('plain.md', new TextEncoder().encode('# Plain\n\nA PDF file starts with %PDF-1.7 and a version.'));
    expect(textAsMarkdown.pages).toBeUndefined();
    expect(textAsMarkdown.body).toContain('%PDF-1.7');
    const headerAfterJunk = await parsed('mailed.pdf', new Uint8Array([...new TextEncoder().encode('junk from a mail gateway\n'), ...(await threePageReport())]));
    expect(headerAfterJunk.pages).toBe(3);
  });
});
