import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
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
  body: string;
}

/** A file that could not be loaded, with the reason in words a user can act on. */
export interface LoadError {
  file: string;
  message: string;
}

export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'] as const;

const describeZodError = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`).join('; ');

/** Title for files without front matter: first heading or first short line, else the file name. */
const guessTitle = (body: string, file: string): string => {
  const heading = /^#{1,3}\s+(.+)$/mu.exec(body)?.[1];
  const firstLine = body.split('\n').find((line) => line.trim() !== '')?.trim();
  const candidate = heading ?? (firstLine && firstLine.length <= 120 ? firstLine : undefined);
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

export interface LoadedDocuments {
  documents: SourceDocument[];
  errors: LoadError[];
}

/** Folders inside the knowledge folder that hold other data than documents. */
export const NON_DOCUMENT_FOLDERS = new Set(['frameworks', 'node_modules']);

/**
 * Document files under `dir` (sub-folders included, paths relative to `dir`), sorted. Hidden
 * entries (the built index lives in `.index`) and the framework folder are not documents.
 */
export const listDocumentFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) return NON_DOCUMENT_FOLDERS.has(entry.name) && prefix === '' ? [] : listDocumentFiles(dir, path);
      return entry.isFile() && (DOCUMENT_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase()) ? [path] : [];
    })
    .sort();

/** Loads every document in `dir`; one bad file is reported and never stops the rest. */
export const loadDocuments = (dir: string): LoadedDocuments => {
  const documents: SourceDocument[] = [];
  const errors: LoadError[] = [];
  for (const file of listDocumentFiles(dir)) {
    let content: string;
    try {
      content = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      errors.push({ file, message: `could not be read: ${errorMessage(error)}` });
      continue;
    }
    const result = parseDocument(file, content);
    if (isLoadError(result)) errors.push(result);
    else documents.push(result);
  }
  return { documents, errors };
};
