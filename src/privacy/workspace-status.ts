/** A workspace the bot was removed from, and since when. */
export interface RemovedWorkspace {
  /** `workspaceKey(origin)`, e.g. `discord:G1`. */
  workspace: string;
  removedAt: Date;
}

/**
 * Which workspaces the bot was removed from. A workspace without a row is an active one (or one
 * never seen), so nothing has to be written when the bot is installed the first time.
 */
export interface WorkspaceStatusStore {
  /** Marks the workspace removed; a workspace already marked keeps its first removal time. */
  markRemoved(workspace: string, at: Date): Promise<void>;
  /** Clears the mark (the bot came back, or the data is gone); true when there was one. */
  clearRemoved(workspace: string): Promise<boolean>;
  /** Every removed workspace, longest removed first. */
  listRemoved(): Promise<RemovedWorkspace[]>;
}
