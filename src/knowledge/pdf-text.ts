import { errorMessage } from '../core/errors.js';
import { loadPdfjs } from './pdfjs.js';

/** A PDF's text with its structure: `#` headings, blank lines between paragraphs, a form feed line between pages. */
export interface PdfText {
  /** The document information's title, when it has a usable one. */
  title: string | undefined;
  /** The first heading found, a title for PDFs without one in their information. */
  firstHeading: string | undefined;
  body: string;
  pages: number;
  /** Characters of text found; 0 for a scanned PDF without a text layer. */
  characters: number;
}

/** Why a PDF could not be read, in words a user can act on. */
export class PdfReadError extends Error {}

/** A line of text as laid out on the page. */
interface Line {
  text: string;
  size: number;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const isTextItem = (item: unknown): item is TextItem =>
  typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;

/** Font size of an item: the vertical scale of its text matrix. */
const sizeOf = (item: TextItem): number => {
  const [, , c = 0, d = 0] = item.transform;
  return Math.round(Math.hypot(c, d) * 2) / 2 || Math.round(item.height * 2) / 2;
};

/** Joins a page's text items into lines, in reading order as the PDF gives it. */
const linesOf = (items: unknown[]): Line[] => {
  const lines: Line[] = [];
  let current: Line | undefined;
  let endX = 0;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = sizeOf(item);
    if (current && item.str !== '' && Math.abs(current.y - y) > Math.max(current.size, size) * 0.5) {
      lines.push(current);
      current = undefined;
    }
    if (item.str !== '') {
      if (!current) current = { text: '', size: 0, y };
      // Items of one line that do not touch are separate words.
      const gap = current.text !== '' && !/\s$/u.test(current.text) && !/^\s/u.test(item.str) && x - endX > size * 0.15;
      current.text += gap ? ` ${item.str}` : item.str;
      if (item.str.trim() !== '') current.size = Math.max(current.size, size);
      endX = x + item.width;
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/gu, ' ').trim() }))
    .filter((line) => line.text !== '' && !/^(?:page\s+)?\d{1,4}$/i.test(line.text)); // lone page numbers
};

/** The size most of the text is set in: the body size, against which larger lines are headings. */
const bodySize = (pages: Line[][]): number => {
  const chars = new Map<number, number>();
  for (const line of pages.flat()) chars.set(line.size, (chars.get(line.size) ?? 0) + line.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
};

const HEADING_RATIO = 1.15;
const MAX_HEADING_CHARS = 120;

const isHeading = (line: Line, body: number): boolean =>
  line.size >= body * HEADING_RATIO && line.text.length <= MAX_HEADING_CHARS && /\p{L}/u.test(line.text);

/**
 * Writes the pages as Markdown-like text. Lines set larger than the body text are headings (the
 * largest size `#`, the next `##`, the rest `###`), consecutive ones of one size a single heading;
 * a wider gap than usual between lines ends a paragraph; a word hyphenated across lines is joined.
 */
const structure = (pages: Line[][]): { body: string; firstHeading: string | undefined } => {
  const body = bodySize(pages);
  const headingSizes = [...new Set(pages.flat().filter((l) => isHeading(l, body)).map((l) => l.size))].sort((a, b) => b - a);
  const level = (size: number): string => '#'.repeat(Math.min(headingSizes.indexOf(size) + 1, 3));
  let firstHeading: string | undefined;
  const out: string[] = [];
  for (const [index, lines] of pages.entries()) {
    if (index > 0) out.push('', '\f', '');
    let previous: Line | undefined;
    for (const line of lines) {
      const heading = isHeading(line, body);
      const last = out.length - 1;
      if (heading && previous && isHeading(previous, body) && previous.size === line.size && Math.abs(previous.y - line.y) < line.size * 2) {
        out[last] = `${out[last]} ${line.text}`;
      } else if (heading) {
        out.push('', `${level(line.size)} ${line.text}`, '');
        firstHeading ??= line.text;
      } else {
        const gap = previous === undefined ? 0 : previous.y - line.y;
        if (previous && !isHeading(previous, body) && (gap > line.size * 1.8 || gap < 0)) out.push('');
        const joined = out[last] ?? '';
        if (previous && out[last] !== '' && /\p{L}-$/u.test(joined) && /^\p{Ll}/u.test(line.text)) out[last] = `${joined.slice(0, -1)}${line.text}`;
        else out.push(line.text);
      }
      previous = line;
    }
  }
  return { body: out.join('\n').replace(/\n{3,}/gu, '\n\n').trim(), firstHeading };
};

/** Titles that name the tool or file rather than the document are not titles. */
const usableTitle = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/gu, ' ').trim();
  if (title === '' || title.length > 300 || /^(untitled|microsoft word - |document\d*$)/i.test(title) || /\.(docx?|pdf)$/i.test(title)) return undefined;
  return title;
};

/**
 * Extracts a PDF's text page by page with pdf.js (no rendering, no network, no eval). Throws a
 * PdfReadError saying why when the file is password-protected or damaged.
 */
export const readPdf = async (bytes: Uint8Array): Promise<PdfText> => {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's intact.
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: unknown }).name;
    if (name === 'PasswordException') throw new PdfReadError('password-protected: it cannot be read without its password');
    if (name === 'InvalidPDFException') throw new PdfReadError('damaged or not a PDF: it has no readable structure');
    throw new PdfReadError(`damaged PDF: ${errorMessage(error)}`);
  }
  try {
    const pages: Line[][] = [];
    const unreadablePages: number[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      try {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        pages.push(linesOf(content.items));
        page.cleanup();
      } catch {
        // One damaged page costs that page only; it stays empty so later pages keep their numbers.
        pages.push([]);
        unreadablePages.push(number);
      }
    }
    if (document.numPages > 0 && unreadablePages.length === document.numPages) throw new Error('no page could be read');
    const info = (await document.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const { body, firstHeading } = structure(pages);
    return {
      title: usableTitle(info?.Title),
      firstHeading,
      body,
      pages: document.numPages,
      characters: pages.flat().reduce((sum, line) => sum + line.text.length, 0),
    };
  } catch (error) {
    throw new PdfReadError(`damaged PDF: ${errorMessage(error)}`);
  } finally {
    await task.destroy().catch(() => undefined);
  }
};
