import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import type { RemovedWorkspace, WorkspaceStatusStore } from '../privacy/workspace-status.js';
import { migrations } from './schema.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import { sqliteColumns } from './sqlite-columns.js';
import { toIsoText } from './store-values.js';
import { WORKSPACE_STATUS_COLUMNS, workspaceStatusRows } from './workspace-status-rows.js';
import type { WorkspaceStatusRows } from './workspace-status-rows.js';

/** {@link WorkspaceStatusStore} in SQLite. */
export class SqliteWorkspaceStatusStore implements WorkspaceStatusStore {
  readonly #rows: WorkspaceStatusRows;
  readonly #mark;
  readonly #clear;
  readonly #list;
  readonly #claim;
  readonly #present;
  readonly #listPresent;
  readonly #forgetPresent;
  readonly #db: Database;

  constructor(db: Database, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = workspaceStatusRows(sqliteColumns, logger);
    // Any store may be the first to open the file: each brings the whole history.
    applyMigrations(db, migrations, logger);
    this.#mark = db.prepare<[string, string]>(
      `INSERT INTO workspace_status (${WORKSPACE_STATUS_COLUMNS}) VALUES (?, ?) ON CONFLICT (workspace) DO NOTHING`,
    );
    this.#clear = db.prepare<[string]>('DELETE FROM workspace_status WHERE workspace = ?');
    // ISO 8601 UTC text of a fixed width compares in time order.
    this.#claim = db.prepare<[string, string, string, string]>(
      `UPDATE workspace_status SET erasing_since = ?
       WHERE workspace = ? AND removed_at <= ? AND (erasing_since IS NULL OR erasing_since < ?)`,
    );
    this.#list = db.prepare<[]>(`SELECT ${WORKSPACE_STATUS_COLUMNS} FROM workspace_status ORDER BY removed_at, workspace`);
    this.#present = db.prepare<[string, string]>(
      'INSERT INTO workspace_presence (workspace, seen_at) VALUES (?, ?) ON CONFLICT (workspace) DO UPDATE SET seen_at = excluded.seen_at',
    );
    this.#listPresent = db.prepare<[], { workspace: string }>('SELECT workspace FROM workspace_presence ORDER BY workspace');
    this.#forgetPresent = db.prepare<[string]>('DELETE FROM workspace_presence WHERE workspace = ?');
  }

  async markRemoved(workspace: string, at: Date): Promise<void> {
    this.#mark.run(workspace, toIsoText(at, 'at'));
  }

  async clearRemoved(workspace: string): Promise<boolean> {
    return this.#clear.run(workspace).changes === 1;
  }

  async claimErasure(workspace: string, removedBefore: Date, at: Date, staleBefore: Date): Promise<boolean> {
    const values = [toIsoText(at, 'at'), workspace, toIsoText(removedBefore, 'removedBefore'), toIsoText(staleBefore, 'staleBefore')] as const;
    return this.#claim.run(...values).changes === 1;
  }

  async listRemoved(): Promise<RemovedWorkspace[]> {
    return this.#rows(this.#list.all());
  }

  async markPresent(workspaces: readonly string[], at: Date): Promise<void> {
    const seenAt = toIsoText(at, 'at');
    this.#db.transaction(() => {
      for (const workspace of workspaces) this.#present.run(workspace, seenAt);
    })();
  }

  async listPresent(): Promise<string[]> {
    return this.#listPresent.all().map((row) => row.workspace);
  }

  async forgetPresent(workspace: string): Promise<void> {
    this.#forgetPresent.run(workspace);
  }
}
