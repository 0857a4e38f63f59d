import { errorMessage } from '../core/errors.js';
import type { Clock, ErasableStore, Logger, WorkspaceLifecycle } from '../core/ports.js';
import type { ErasableSessionStore } from '../core/assessment-store.js';
import { eraseWorkspaceEverywhere, totalErased } from './erase.js';
import type { WorkspaceStatusStore } from './workspace-status.js';

const DAY_MS = 86_400_000;
/** After this long, a deletion another run took on and never finished (its process stopped) is taken over. */
const ERASURE_LEASE_MS = 3_600_000;

export interface RetentionDeps {
  status: WorkspaceStatusStore;
  erasable: readonly ErasableStore[];
  sessions: Pick<ErasableSessionStore, 'eraseUntouchedSince'>;
  clock: Clock;
  logger: Logger;
  /** Days a removed workspace's data is kept in case the bot is added back (RETENTION_DAYS_AFTER_REMOVAL). */
  daysAfterRemoval: number;
  /** Days an assessment in progress may stay untouched (RETENTION_DAYS_IN_PROGRESS). */
  daysInProgress: number;
}

export interface Retention {
  /** What adapters call when the bot is removed from a workspace or comes back. */
  lifecycle: WorkspaceLifecycle;
  /** Workspaces the bot is removed from: nothing is sent there. */
  removedWorkspaces(): Promise<ReadonlySet<string>>;
  /**
   * Deletes the data of workspaces removed longer than the grace period, and assessments in
   * progress untouched for too long. Every instance runs it: deleting twice deletes nothing more,
   * and only a run that deleted rows logs them.
   */
  run(): Promise<void>;
}

/** The removal marks, and the deletion that follows them (run by the reminder scheduler). */
export const createRetention = (deps: RetentionDeps): Retention => {
  const { status, clock, logger } = deps;

  const eraseRemoved = async (now: Date): Promise<void> => {
    const cutoff = now.getTime() - deps.daysAfterRemoval * DAY_MS;
    for (const { workspace, removedAt } of await status.listRemoved()) {
      if (removedAt.getTime() > cutoff) continue;
      try {
        // One run deletes; the claim also fails when the bot was added back since the list was read.
        const staleBefore = new Date(now.getTime() - ERASURE_LEASE_MS);
        if (!(await status.claimErasure(workspace, new Date(cutoff), now, staleBefore))) continue;
        const counts = await eraseWorkspaceEverywhere(deps.erasable, workspace);
        // Cleared after the data is gone, so a run that stops half-way is finished by the next one.
        await status.clearRemoved(workspace);
        if (totalErased(counts) > 0) {
          logger.info({ workspace, counts, removedAt: removedAt.toISOString() }, 'data of a removed workspace deleted after the grace period');
        }
      } catch (error) {
        logger.error({ workspace, err: errorMessage(error) }, 'data of a removed workspace could not be deleted; trying again later');
      }
    }
  };

  const eraseStaleSessions = async (now: Date): Promise<void> => {
    const before = new Date(now.getTime() - deps.daysInProgress * DAY_MS);
    const count = await deps.sessions.eraseUntouchedSince(before);
    if (count > 0) logger.info({ counts: { assessment_sessions: count }, before: before.toISOString() }, 'untouched assessments in progress deleted');
  };

  const removed = async (workspace: string, at: Date, when?: string): Promise<void> => {
    await status.markRemoved(workspace, at);
    await status.forgetPresent(workspace);
    logger.info(
      { workspace, at: at.toISOString(), deleteAfterDays: deps.daysAfterRemoval, ...(when === undefined ? {} : { when }) },
      'bot removed from a workspace; its data is kept for the grace period',
    );
  };

  /** Clears a removal mark, if there was one: the bot is in the workspace again. */
  const back = async (workspace: string): Promise<void> => {
    if (await status.clearRemoved(workspace)) logger.info({ workspace }, 'bot added back to a workspace; its data is kept');
  };

  return {
    lifecycle: {
      removed,
      async returned(workspace) {
        await status.markPresent([workspace], clock.now());
        await back(workspace);
      },
      async connected(present, covers, at) {
        const listed = new Set(present);
        for (const workspace of await status.listPresent()) {
          if (!listed.has(workspace) && covers(workspace)) await removed(workspace, at, 'while the bot was offline');
        }
        await status.markPresent(present, at);
        for (const workspace of present) await back(workspace);
      },
    },
    removedWorkspaces: async () => new Set((await status.listRemoved()).map((row) => row.workspace)),
    async run() {
      const now = clock.now();
      try {
        await eraseRemoved(now);
        await eraseStaleSessions(now);
      } catch (error) {
        logger.error({ err: errorMessage(error) }, 'retention run failed; trying again later');
      }
    },
  };
};
