import { extname } from 'node:path';
import { parseDocument, type LoadError, type SourceDocument } from './documents.js';

/** File types a workspace can add from chat, by extension (lower case, with the dot). */
export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;

/** Types that are known documents but cannot be read yet. */
const NOT_YET = new Set(['.pdf', '.docx']);

/**
 * Parses an uploaded file into a source document, or says why it cannot. Markdown and plain text
 * go through {@link parseDocument} (front matter included); the bytes must be UTF-8.
 */
export const parseDocumentFile = async (file: string, bytes: Uint8Array): Promise<SourceDocument | LoadError> => {
  const extension = extname(file).toLowerCase();
  if (NOT_YET.has(extension)) return { file, message: `${extension.slice(1).toUpperCase()} files are not supported yet` };
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return { file, message: `${extension === '' ? 'files without an extension' : `${extension} files`} are not supported` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { file, message: 'is not UTF-8 text' };
  }
  return parseDocument(file, text.replace(/^\uFEFF/u, ''));
};
