import { z } from 'zod';
import type { Logger } from '../core/ports.js';
// Stored passages have the shape the knowledge index keeps, page included.
import { passageSchema } from '../knowledge/chunk.js';
import type { StoredDocument, WorkspaceDocument } from '../library/document-store.js';
import { documentNameKey } from '../library/document-store.js';
import { parseRowOrSkip } from './row-columns.js';
import type { RowColumns } from './row-columns.js';
import { toIsoText, toJsonText } from './store-values.js';

/** The listed columns both backends select, in the order their INSERTs bind them (then the rest). */
export const DOCUMENT_COLUMNS = 'workspace, id, name, title, pages, passage_count, added_by, added_at';

/** A document's values in {@link DOCUMENT_COLUMNS} order, then `name_key` and `passages`. */
export const documentValues = (
  document: StoredDocument,
): [string, string, string, string, number | null, number, string, string, string, string] => [
  document.workspace,
  document.id,
  document.name,
  document.title,
  document.pages,
  document.passageCount,
  document.addedBy,
  toIsoText(document.addedAt, 'addedAt'),
  documentNameKey(document.name),
  toJsonText(document.passages, 'the passages'),
];

const summarySchema = (columns: RowColumns) =>
  z.object({
    workspace: z.string(),
    id: z.string(),
    name: z.string(),
    title: z.string(),
    pages: z.number().int().nonnegative().nullable(),
    passage_count: z.number().int().nonnegative(),
    added_by: z.string(),
    added_at: columns.date,
  });

const keySchema = z.object({ workspace: z.unknown(), id: z.unknown() });

const summaryOf = (row: z.infer<ReturnType<typeof summarySchema>>): WorkspaceDocument => ({
  id: row.id,
  workspace: row.workspace,
  name: row.name,
  title: row.title,
  pages: row.pages,
  passageCount: row.passage_count,
  addedBy: row.added_by,
  addedAt: row.added_at,
});

/** Row readers of `workspace_documents` for one backend; unreadable rows are logged and left out. */
export const documentRows = (columns: RowColumns, logger: Logger) => {
  const summary = summarySchema(columns);
  const full = summary.extend({ passages: columns.json(z.array(passageSchema)) });
  const where = { table: 'workspace_documents', what: 'workspace document', logger, key: keySchema };
  return {
    summaries: (rows: readonly unknown[]): WorkspaceDocument[] =>
      rows.flatMap((raw) => {
        const row = parseRowOrSkip(summary, raw, where);
        return row === undefined ? [] : [summaryOf(row)];
      }),
    documents: (rows: readonly unknown[]): StoredDocument[] =>
      rows.flatMap((raw) => {
        const row = parseRowOrSkip(full, raw, where);
        if (row === undefined) return [];
        // A passage without a page keeps no `page` key, as it was stored.
        const passages = row.passages.map(({ page, ...passage }) => (page === undefined ? passage : { ...passage, page }));
        return [{ ...summaryOf(row), passages }];
      }),
  };
};
