import { z } from 'zod';
import { ANONYMOUS_USER_ID, silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import { documentNameKey } from '../library/document-store.js';
import type { AddOutcome, DocumentStore, StoredDocument, WorkspaceDocument } from '../library/document-store.js';
import { DOCUMENT_COLUMNS, documentRows, documentValues } from './document-rows.js';
import { pgColumns } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';

const versionSchema = z.object({ n: z.number().int(), top: z.string().nullable() });

/** {@link DocumentStore} in PostgreSQL. Every query names the workspace. */
export class PostgresDocumentStore implements DocumentStore {
  readonly #db: PostgresDatabase;
  readonly #rows;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = documentRows(pgColumns, logger);
  }

  async #hasName(workspace: string, name: string): Promise<boolean> {
    const { rows } = await this.#db.run(
      'reading a workspace document',
      'SELECT 1 FROM workspace_documents WHERE workspace = $1 AND name_key = $2',
      [workspace, documentNameKey(name)],
    );
    return rows.length > 0;
  }

  async add(document: StoredDocument, maxPerWorkspace: number): Promise<AddOutcome> {
    if (await this.#hasName(document.workspace, document.name)) return 'duplicate';
    const { changed } = await this.#db.run(
      'saving a workspace document',
      `INSERT INTO workspace_documents (${DOCUMENT_COLUMNS}, name_key, passages)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10
       WHERE (SELECT count(*) FROM workspace_documents WHERE workspace = $1) < $11
       ON CONFLICT DO NOTHING`,
      [...documentValues(document), maxPerWorkspace],
    );
    if (changed > 0) return 'added';
    return (await this.#hasName(document.workspace, document.name)) ? 'duplicate' : 'full';
  }

  async list(workspace: string): Promise<WorkspaceDocument[]> {
    const { rows } = await this.#db.run(
      'reading workspace documents',
      `SELECT ${DOCUMENT_COLUMNS} FROM workspace_documents WHERE workspace = $1 ORDER BY seq`,
      [workspace],
    );
    return this.#rows.summaries(rows);
  }

  async withPassages(workspace: string): Promise<StoredDocument[]> {
    const { rows } = await this.#db.run(
      'reading workspace documents',
      `SELECT ${DOCUMENT_COLUMNS}, passages FROM workspace_documents WHERE workspace = $1 ORDER BY seq`,
      [workspace],
    );
    return this.#rows.documents(rows);
  }

  async remove(workspace: string, id: string): Promise<boolean> {
    const { changed } = await this.#db.run(
      'removing a workspace document',
      'DELETE FROM workspace_documents WHERE workspace = $1 AND id = $2',
      [workspace, id],
    );
    return changed > 0;
  }

  async version(workspace: string): Promise<string> {
    const { rows } = await this.#db.run(
      'reading the workspace documents’ version',
      'SELECT count(*)::int AS n, max(seq)::text AS top FROM workspace_documents WHERE workspace = $1',
      [workspace],
    );
    const row = versionSchema.parse(rows[0]);
    return `${row.n}:${row.top ?? 0}`;
  }

  async deleteByWorkspace(workspace: string): Promise<number> {
    const { changed } = await this.#db.run(
      'removing a workspace’s documents',
      'DELETE FROM workspace_documents WHERE workspace = $1',
      [workspace],
    );
    return changed;
  }

  async forgetAdder(workspace: string, userId: string): Promise<number> {
    const { changed } = await this.#db.run(
      'removing a user’s id from the documents they added',
      'UPDATE workspace_documents SET added_by = $1 WHERE workspace = $2 AND added_by = $3',
      [ANONYMOUS_USER_ID, workspace, userId],
    );
    return changed;
  }
}
