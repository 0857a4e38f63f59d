import { ANONYMOUS_USER_ID } from '../core/ports.js';
import { documentNameKey } from '../library/document-store.js';
import type { AddOutcome, DocumentStore, StoredDocument, WorkspaceDocument } from '../library/document-store.js';
import { toIsoText, toJsonText } from './store-values.js';

/** {@link DocumentStore} kept in memory; for tests and the console. Lost on restart. */
export class MemoryDocumentStore implements DocumentStore {
  readonly #rows: Array<{ seq: number; document: StoredDocument }> = [];
  #seq = 0;

  async add(document: StoredDocument, maxPerWorkspace: number): Promise<AddOutcome> {
    toIsoText(document.addedAt, 'addedAt');
    toJsonText(document.passages, 'the passages');
    const mine = this.#rows.filter((row) => row.document.workspace === document.workspace);
    if (mine.some((row) => documentNameKey(row.document.name) === documentNameKey(document.name))) return 'duplicate';
    if (mine.some((row) => row.document.id === document.id)) return 'duplicate';
    if (mine.length >= maxPerWorkspace) return 'full';
    this.#seq += 1;
    this.#rows.push({ seq: this.#seq, document: structuredClone(document) });
    return 'added';
  }

  async list(workspace: string): Promise<WorkspaceDocument[]> {
    return (await this.withPassages(workspace)).map(({ passages: _passages, ...summary }) => summary);
  }

  async withPassages(workspace: string): Promise<StoredDocument[]> {
    return this.#rows.filter((row) => row.document.workspace === workspace).map((row) => structuredClone(row.document));
  }

  async remove(workspace: string, id: string): Promise<boolean> {
    const at = this.#rows.findIndex((row) => row.document.workspace === workspace && row.document.id === id);
    if (at < 0) return false;
    this.#rows.splice(at, 1);
    return true;
  }

  async version(workspace: string): Promise<string> {
    const mine = this.#rows.filter((row) => row.document.workspace === workspace);
    return `${mine.length}:${Math.max(0, ...mine.map((row) => row.seq))}`;
  }

  async deleteByWorkspace(workspace: string): Promise<number> {
    const before = this.#rows.length;
    for (let i = this.#rows.length - 1; i >= 0; i--) if (this.#rows[i]?.document.workspace === workspace) this.#rows.splice(i, 1);
    return before - this.#rows.length;
  }

  async forgetAdder(workspace: string, userId: string): Promise<number> {
    let changed = 0;
    for (const row of this.#rows) {
      if (row.document.workspace !== workspace || row.document.addedBy !== userId) continue;
      row.document = { ...row.document, addedBy: ANONYMOUS_USER_ID };
      changed += 1;
    }
    return changed;
  }
}
