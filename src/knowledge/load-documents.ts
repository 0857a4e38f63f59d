import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { errorMessage } from '../core/errors.js';
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
 * bad file is reported and never stops the rest; a folder that cannot be listed throws.
 */
export const loadDocuments = async (dir: string): Promise<LoadedDocuments> => {
  const documents: SourceDocument[] = [];
  const errors: LoadError[] = [];
  const timings: FileTiming[] = [];
  for (const file of listDocumentFiles(dir)) {
    const started = performance.now();
    let result: SourceDocument | LoadError;
    try {
      result = await parseDocumentFile(file, await readFile(join(dir, file)));
    } catch (error) {
      result = { file, message: `could not be read: ${errorMessage(error)}` };
    }
    if (isLoadError(result)) errors.push(result);
    else documents.push(result);
    timings.push({ file, milliseconds: performance.now() - started });
  }
  return { documents, errors, timings };
};
