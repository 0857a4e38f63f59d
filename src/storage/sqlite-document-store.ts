import { ANONYMOUS_USER_ID, silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import { documentNameKey } from '../library/document-store.js';
import type { AddOutcome, DocumentStore, StoredDocument, WorkspaceDocument } from '../library/document-store.js';
import { DOCUMENT_COLUMNS, documentRows, documentValues } from './document-rows.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { sqliteColumns } from './sqlite-columns.js';

/** {@link DocumentStore} in SQLite. Every query names the workspace. */
export class SqliteDocumentStore implements DocumentStore {
  readonly #rows;
  readonly #insert;
  readonly #named;
  readonly #list;
  readonly #full;
  readonly #remove;
  readonly #version;
  readonly #deleteAll;
  readonly #forgetAdder;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#rows = documentRows(sqliteColumns, logger);
    applyMigrations(db, migrations, logger);
    // One statement, so the count and the insert cannot be split by another writer.
    this.#insert = db.prepare<[string, string, string, string, number | null, number, string, string, string, string, string, number]>(
      `INSERT INTO workspace_documents (${DOCUMENT_COLUMNS}, name_key, passages)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
       WHERE (SELECT count(*) FROM workspace_documents WHERE workspace = ?) < ?
       ON CONFLICT DO NOTHING`,
    );
    this.#named = db.prepare<[string, string]>('SELECT 1 FROM workspace_documents WHERE workspace = ? AND name_key = ?');
    this.#list = db.prepare<[string]>(`SELECT ${DOCUMENT_COLUMNS} FROM workspace_documents WHERE workspace = ? ORDER BY seq`);
    this.#full = db.prepare<[string]>(`SELECT ${DOCUMENT_COLUMNS}, passages FROM workspace_documents WHERE workspace = ? ORDER BY seq`);
    this.#remove = db.prepare<[string, string]>('DELETE FROM workspace_documents WHERE workspace = ? AND id = ?');
    this.#version = db.prepare<[string], { n: number; top: number | null }>(
      'SELECT count(*) AS n, max(seq) AS top FROM workspace_documents WHERE workspace = ?',
    );
    this.#deleteAll = db.prepare<[string]>('DELETE FROM workspace_documents WHERE workspace = ?');
    this.#forgetAdder = db.prepare<[string, string, string]>('UPDATE workspace_documents SET added_by = ? WHERE workspace = ? AND added_by = ?');
  }

  async add(document: StoredDocument, maxPerWorkspace: number): Promise<AddOutcome> {
    if (this.#named.get(document.workspace, documentNameKey(document.name)) !== undefined) return 'duplicate';
    const { changes } = this.#insert.run(...documentValues(document), document.workspace, maxPerWorkspace);
    if (changes > 0) return 'added';
    return this.#named.get(document.workspace, documentNameKey(document.name)) === undefined ? 'full' : 'duplicate';
  }

  async list(workspace: string): Promise<WorkspaceDocument[]> {
    return this.#rows.summaries(this.#list.all(workspace));
  }

  async withPassages(workspace: string): Promise<StoredDocument[]> {
    return this.#rows.documents(this.#full.all(workspace));
  }

  async remove(workspace: string, id: string): Promise<boolean> {
    return this.#remove.run(workspace, id).changes > 0;
  }

  async version(workspace: string): Promise<string> {
    const row = this.#version.get(workspace);
    return `${row?.n ?? 0}:${row?.top ?? 0}`;
  }

  async deleteByWorkspace(workspace: string): Promise<number> {
    return this.#deleteAll.run(workspace).changes;
  }

  async forgetAdder(workspace: string, userId: string): Promise<number> {
    return this.#forgetAdder.run(ANONYMOUS_USER_ID, workspace, userId).changes;
  }
}
