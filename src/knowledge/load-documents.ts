import { readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { describeBytes } from './byte-size.js';
import { isLoadError, type LoadError, type SourceDocument } from './documents.js';
import { parseDocumentFile, SUPPORTED_EXTENSIONS } from './parse-file.js';

/** How long one file took to read and parse. */
export interface FileTiming {
  file: string;
  milliseconds: number;
}

export interface LoadedDocuments {
  documents: SourceDocument[];
  errors: LoadError[];
  /** Every file listed, loaded or skipped, in order. */
  timings: FileTiming[];
}

/**
 * Largest file read from the knowledge folder: 100 MB. A document's text is a small part of its
 * file, and parsing holds the whole file and its pages in memory; a larger file is skipped with its
 * size, and everything else loads.
 */
export const MAX_KNOWLEDGE_FILE_BYTES = 100 * 1024 * 1024;

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
      return entry.isFile() && (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase()) ? [path] : [];
    })
    .sort();

/**
 * Loads every document in `dir`, one file at a time (a PDF's pages take memory while parsed). One
 * bad or oversized file is reported and never stops the rest; a folder that cannot be listed throws.
 */
export const loadDocuments = async (dir: string, maxBytes = MAX_KNOWLEDGE_FILE_BYTES): Promise<LoadedDocuments> => {
  const documents: SourceDocument[] = [];
  const errors: LoadError[] = [];
  const timings: FileTiming[] = [];
  for (const file of listDocumentFiles(dir)) {
    const started = performance.now();
    let result: SourceDocument | LoadError;
    try {
      const { size } = await stat(join(dir, file));
      result =
        size > maxBytes
          ? { file, message: `is ${describeBytes(size)}; a file in the knowledge folder may be at most ${describeBytes(maxBytes)}: split it into parts` }
          : await parseDocumentFile(file, await readFile(join(dir, file)));
    } catch (error) {
      result = { file, message: `could not be read: ${errorMessage(error)}` };
    }
    if (isLoadError(result)) errors.push(result);
    else documents.push(result);
    timings.push({ file, milliseconds: performance.now() - started });
  }
  return { documents, errors, timings };
};
