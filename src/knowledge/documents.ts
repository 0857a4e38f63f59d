import { basename, extname } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../core/errors.js';
import { frontMatterSchema, splitFrontMatter, type FrontMatter } from './front-matter.js';
import { htmlToMarkdown } from './html.js';

/** A source document ready for chunking. `body` is Markdown-like text with `#` headings. */
export interface SourceDocument {
  /** Path inside the knowledge folder, e.g. `docs/001_0400cab1f254837c.md`. */
  file: string;
  title: string;
  /** The original file name (front matter `source`), or the file name itself. */
  source: string;
  kind: FrontMatter['kind'];
  /**
   * Markdown-like text with `#` headings. In a paged document (a PDF) a line holding only a form
   * feed (`\f`) starts the next page.
   */
  body: string;
  /** Number of pages, for documents that have them (PDF); their passages cite the page. */
  pages?: number;
}

/** A file that could not be loaded, with the reason in words a user can act on. */
export interface LoadError {
  file: string;
  message: string;
}

const describeZodError = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`).join('; ');

/** Title for files without front matter: first heading or first short line, else the file name. */
export const guessTitle = (body: string, file: string): string => {
  const heading = /^#{1,3}\s+(.+)$/mu.exec(body)?.[1];
  const firstLine = body.split('\n').find((line) => line.trim() !== '')?.trim();
  // A first line that reads as prose (two sentences, or a long one ending in a full stop) is the text, not its title.
  // A sentence ends after a word of three letters or more: "St. Albans" or "Dr. Longworth" go on; a question mark may close a title's first part.
  const prose = firstLine !== undefined && (/\p{L}{3,}[.!]\s+\S/u.test(firstLine) || (/\.$/u.test(firstLine) && firstLine.split(/\s+/u).length > 8));
  const candidate = heading ?? (firstLine && firstLine.length <= 120 && !prose ? firstLine : undefined);
  return candidate ?? basename(file, extname(file)).replace(/[-_]+/g, ' ');
};

/**
 * Parses one document's content. Markdown and plain text may carry YAML front matter (validated);
 * HTML takes its title from `<title>` or the first `<h1>`. Returns an error value, never throws.
 */
export const parseDocument = (file: string, content: string): SourceDocument | LoadError => {
  const extension = extname(file).toLowerCase();
  if (content.includes('\u0000')) return { file, message: 'looks like a binary file, not text' };
  try {
    if (extension === '.html' || extension === '.htm') {
      const { title, markdown } = htmlToMarkdown(content);
      if (markdown.trim() === '') return { file, message: 'no readable text in the HTML' };
      return { file, title: title ?? guessTitle(markdown, file), source: basename(file), kind: 'page', body: markdown };
    }
    const { data, body } = splitFrontMatter(content);
    if (body.trim() === '') return { file, message: 'the document has no text' };
    const parsed = frontMatterSchema.safeParse(data ?? { title: guessTitle(body, file) });
    if (!parsed.success) return { file, message: `invalid front matter: ${describeZodError(parsed.error)}` };
    const { title, source, kind } = parsed.data;
    return { file, title, source: source ?? basename(file), kind, body };
  } catch (error) {
    return { file, message: `could not be read: ${errorMessage(error)}` };
  }
};

export const isLoadError = (value: SourceDocument | LoadError): value is LoadError => 'message' in value;
