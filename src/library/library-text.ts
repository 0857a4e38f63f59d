import type { SourceDocument } from '../knowledge/documents.js';
import type { StoredPassage } from './document-store.js';

/** The last part of a name a platform or a path gave, without control characters; never empty. */
export const fileNameOf = (raw: string): string => {
  // eslint-disable-next-line no-control-regex
  const name = (raw.split(/[\\/]/u).pop() ?? '').replace(/[\u0000-\u001f\u007f]/gu, '').trim().slice(0, 200);
  return name === '' ? 'unnamed' : name;
};

/**
 * Pages of a parsed file: what the parser says (`pages` on PDF and DOCX documents), else the last
 * page a passage comes from; `null` for text, which has none.
 */
export const pageCountOf = (document: SourceDocument, passages: readonly StoredPassage[]): number | null => {
  const declared = (document as { pages?: unknown }).pages;
  if (typeof declared === 'number' && Number.isInteger(declared) && declared > 0) return declared;
  const pages = passages.map((passage) => passage.page).filter((page): page is number => typeof page === 'number');
  return pages.length > 0 ? Math.max(...pages) : null;
};
