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
  /**
   * Takes on deleting the data of a workspace removed at or before `removedBefore`: true for the
   * one caller that may go ahead, false when the workspace is not (or no longer) removed that long,
   * or another run took it on after `staleBefore` (a run that stopped half-way is taken over later).
   */
  claimErasure(workspace: string, removedBefore: Date, at: Date, staleBefore: Date): Promise<boolean>;
  /** Every removed workspace, longest removed first. */
  listRemoved(): Promise<RemovedWorkspace[]>;
  /**
   * Records that the bot is in these workspaces (a platform listed them when the bot connected, or
   * the bot joined one): what lets a later connection tell which were left while it was offline.
   */
  markPresent(workspaces: readonly string[], at: Date): Promise<void>;
  /** Every workspace recorded present, in key order. */
  listPresent(): Promise<string[]>;
  /** Forgets that the bot is in a workspace (it was removed, or the workspace's data deleted). */
  forgetPresent(workspace: string): Promise<void>;
}
