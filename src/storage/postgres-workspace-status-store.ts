import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import type { RemovedWorkspace, WorkspaceStatusStore } from '../privacy/workspace-status.js';
import { pgColumns } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import { toIsoText } from './store-values.js';
import { WORKSPACE_STATUS_COLUMNS, workspaceStatusRows } from './workspace-status-rows.js';
import type { WorkspaceStatusRows } from './workspace-status-rows.js';

/** {@link WorkspaceStatusStore} in PostgreSQL. */
export class PostgresWorkspaceStatusStore implements WorkspaceStatusStore {
  readonly #db: PostgresDatabase;
  readonly #rows: WorkspaceStatusRows;

  constructor(db: PostgresDatabase, logger: Logger = silentLogger) {
    this.#db = db;
    this.#rows = workspaceStatusRows(pgColumns, logger);
  }

  async markRemoved(workspace: string, at: Date): Promise<void> {
    await this.#db.run(
      'marking a workspace removed',
      `INSERT INTO workspace_status (${WORKSPACE_STATUS_COLUMNS}) VALUES ($1, $2) ON CONFLICT (workspace) DO NOTHING`,
      [workspace, toIsoText(at, 'at')],
    );
  }

  async clearRemoved(workspace: string): Promise<boolean> {
    const { changed } = await this.#db.run('clearing a workspace’s removal', 'DELETE FROM workspace_status WHERE workspace = $1', [workspace]);
    return changed === 1;
  }

  async claimErasure(workspace: string, removedBefore: Date, at: Date, staleBefore: Date): Promise<boolean> {
    // The row lock makes a second claim wait, then find the row taken.
    const { changed } = await this.#db.run(
      'taking on a workspace’s deletion',
      `UPDATE workspace_status SET erasing_since = $1
       WHERE workspace = $2 AND removed_at <= $3 AND (erasing_since IS NULL OR erasing_since < $4)`,
      [toIsoText(at, 'at'), workspace, toIsoText(removedBefore, 'removedBefore'), toIsoText(staleBefore, 'staleBefore')],
    );
    return changed === 1;
  }

  async listRemoved(): Promise<RemovedWorkspace[]> {
    const { rows } = await this.#db.run(
      'reading removed workspaces',
      `SELECT ${WORKSPACE_STATUS_COLUMNS} FROM workspace_status ORDER BY removed_at, workspace COLLATE "C"`,
    );
    return this.#rows(rows);
  }

  async markPresent(workspaces: readonly string[], at: Date): Promise<void> {
    if (workspaces.length === 0) return;
    await this.#db.run(
      'recording the workspaces the bot is in',
      `INSERT INTO workspace_presence (workspace, seen_at) SELECT DISTINCT unnest($1::text[]), $2::timestamptz
       ON CONFLICT (workspace) DO UPDATE SET seen_at = EXCLUDED.seen_at`,
      [[...workspaces], toIsoText(at, 'at')],
    );
  }

  async listPresent(): Promise<string[]> {
    const { rows } = await this.#db.run('reading the workspaces the bot is in', 'SELECT workspace FROM workspace_presence ORDER BY workspace COLLATE "C"');
    return rows.flatMap((row) => (typeof (row as { workspace?: unknown }).workspace === 'string' ? [(row as { workspace: string }).workspace] : []));
  }

  async forgetPresent(workspace: string): Promise<void> {
    await this.#db.run('forgetting a workspace the bot was in', 'DELETE FROM workspace_presence WHERE workspace = $1', [workspace]);
  }
}
