import { basename, extname } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { guessTitle, parseDocument, type LoadError, type SourceDocument } from './documents.js';
import { DocxReadError, readDocx } from './docx-text.js';
import { PdfReadError, readPdf } from './pdf-text.js';

/** File types the knowledge base reads, by extension. */
export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.docx'] as const;

type Format = 'pdf' | 'docx' | 'zip' | 'ole' | 'text';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((byte, index) => bytes[at + index] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97-2003, and encrypted Office files

const includesAscii = (bytes: Uint8Array, text: string): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');

/** What the bytes are, whatever the name says: a PDF may be saved as .txt, a .docx renamed .pdf. */
const sniff = (bytes: Uint8Array, extension: string): Format => {
  if (startsWith(bytes, PDF)) return 'pdf';
  // PDF readers accept the header anywhere in the first kilobyte; a text file that merely mentions
  // "%PDF-" near its start stays text unless it is named .pdf.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  if (extension === '.pdf' && head.includes('%PDF-', 0, 'latin1')) return 'pdf';
  if (startsWith(bytes, ZIP)) return includesAscii(bytes, 'word/document.xml') ? 'docx' : 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  return 'text';
};

const error = (file: string, message: string): LoadError => ({ file, message });

const utf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

const parsePdf = async (file: string, bytes: Uint8Array): Promise<SourceDocument | LoadError> => {
  const pdf = await readPdf(bytes);
  if (pdf.characters === 0) return error(file, 'no text layer: needs OCR (a scanned PDF has pictures of pages, not text)');
  const title = pdf.title ?? pdf.firstHeading ?? guessTitle(pdf.body, file);
  return { file, title, source: basename(file), kind: 'report', body: pdf.body, pages: pdf.pages };
};

const parseDocx = async (file: string, bytes: Uint8Array): Promise<SourceDocument | LoadError> => {
  const { title, markdown } = await readDocx(bytes);
  if (markdown.trim() === '') return error(file, 'the Word document has no text');
  return { file, title: title ?? guessTitle(markdown, file), source: basename(file), kind: 'report', body: markdown };
};

/**
 * Parses one knowledge file of any supported type: PDF (page by page, headings from font sizes),
 * Word .docx (headings from its styles), Markdown and plain text (with optional front matter), HTML.
 * The bytes decide the format where they and the extension disagree. A file that cannot be used
 * (scanned, password-protected, damaged, empty) comes back as a LoadError saying why; never throws.
 */
export const parseDocumentFile = async (file: string, bytes: Uint8Array): Promise<SourceDocument | LoadError> => {
  const extension = extname(file).toLowerCase();
  if (bytes.byteLength === 0) return error(file, 'the file is empty');
  try {
    const format = sniff(bytes, extension);
    if (format === 'pdf') return await parsePdf(file, bytes);
    if (format === 'docx') return await parseDocx(file, bytes);
    if (format === 'ole') {
      return includesAscii(bytes, 'E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e')
        ? error(file, 'password-protected: it cannot be read without its password')
        : error(file, 'an old Word 97-2003 (.doc) file: save it as .docx');
    }
    if (extension === '.pdf') return error(file, 'damaged or not a PDF: it has no PDF header');
    if (extension === '.docx') return error(file, format === 'zip' ? 'damaged Word document: the archive has no word/document.xml' : 'damaged or not a Word document: it is not a .docx archive');
    if (format === 'zip') return error(file, 'looks like a ZIP archive, not text');
    // A file in another encoding (Windows-1252, Latin-1) would be read with its accents lost.
    const text = utf8(bytes);
    if (text === undefined) return error(file, 'is not UTF-8 text (save it as UTF-8)');
    return parseDocument(file, text);
  } catch (caught) {
    if (caught instanceof PdfReadError || caught instanceof DocxReadError) return error(file, caught.message);
    return error(file, `could not be read: ${errorMessage(caught)}`);
  }
};
