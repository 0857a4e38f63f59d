import { z } from 'zod';
import type { Logger } from '../core/ports.js';
import type { RemovedWorkspace } from '../privacy/workspace-status.js';
import { parseRowOrSkip } from './row-columns.js';
import type { RowColumns } from './row-columns.js';

/** The `workspace_status` columns both backends select. */
export const WORKSPACE_STATUS_COLUMNS = 'workspace, removed_at';

/** Reads `workspace_status` rows; unreadable ones are logged and left out. */
export type WorkspaceStatusRows = (rows: readonly unknown[]) => RemovedWorkspace[];

/** Row reader for one backend, whose driver hands columns over as `columns` describes. */
export const workspaceStatusRows = (columns: RowColumns, logger: Logger): WorkspaceStatusRows => {
  const schema = z.object({ workspace: z.string(), removed_at: columns.date });
  return (rows) =>
    rows.flatMap((raw) => {
      const row = parseRowOrSkip(schema, raw, { table: 'workspace_status', what: 'workspace status', logger });
      return row === undefined ? [] : [{ workspace: row.workspace, removedAt: row.removed_at }];
    });
};
