import { workspaceKey, type Origin } from '../core/events.js';
import { codeSpan } from '../core/markdown.js';
import type { Clock, ErasableStore, Logger, PrivacyPort } from '../core/ports.js';
import { textReply, type Reply } from '../core/replies.js';
import { isCoordinator, coordinatorIdOf, type CoordinatorConfig } from '../reminders/permissions.js';
import { eraseUserEverywhere, eraseWorkspaceEverywhere, totalErased } from './erase.js';
import { workspaceRecordFiles, type WorkspaceRecords } from './privacy-export.js';
import { CANCEL_VALUE, FORGET_VALUE, deleteConfirmation, deleteWorkspacePrompt, describeCounts, forgetPrompt } from './privacy-replies.js';

const NOTHING_ABOUT_YOU = 'The bot keeps nothing about you here, so there was nothing to delete.';

/** How long a Confirm button of `forget me` stays valid. */
export const FORGET_CONFIRM_MS = 15 * 60_000;

export interface PrivacyDeps extends CoordinatorConfig {
  /** Every store holding data about a workspace or its people (see `erasableStores`). */
  erasable: readonly ErasableStore[];
  /** Reads what an export hands over besides results. */
  records(workspace: string): Promise<WorkspaceRecords>;
  clock: Clock;
  logger: Logger;
}

/**
 * `forget me`, `delete workspace data` and the extra export files. Confirmations carry their state
 * in what the user sends back (the button's value, the typed workspace name), so they work
 * whichever instance of the bot receives them.
 */
export const createPrivacyService = (deps: PrivacyDeps): PrivacyPort => {
  const { clock, logger } = deps;

  // `privacy:forget:<asked at, ms>:<user id>`: only the asker may confirm, and only for a while.
  const forgetValue = (origin: Origin): string => `${FORGET_VALUE}:${clock.now().getTime()}:${origin.userId}`;

  const forget = async (origin: Origin): Promise<Reply[]> => {
    const workspace = workspaceKey(origin);
    if (origin.personal === true) {
      const counts = await eraseWorkspaceEverywhere(deps.erasable, workspace);
      // Its key holds the user's id, which must not outlive the request in the logs either.
      logger.info({ platform: origin.platform, counts }, 'a person’s own DM workspace erased on request');
      if (totalErased(counts) === 0) return [textReply(NOTHING_ABOUT_YOU)];
      return [textReply(`Done: deleted ${describeCounts(counts)}. Nothing about you is left from these direct messages.`)];
    }
    const counts = await eraseUserEverywhere(deps.erasable, workspace, origin.userId);
    // Completed results and added documents stay for the workspace, without the user's id.
    const { assessment_results: anonymised = 0, workspace_documents: documents = 0, group_rounds_opened: rounds = 0, ...deleted } = counts;
    logger.info({ workspace, counts }, 'user erased on request');
    if (totalErased(counts) === 0) return [textReply(NOTHING_ABOUT_YOU)];
    const gone = totalErased(deleted) === 0 ? 'Done.' : `Done: deleted ${describeCounts(deleted)}.`;
    const kept = [
      anonymised === 0 ? '' : ` ${anonymised} completed assessment${anonymised === 1 ? ' stays' : 's stay'} for the city, marked anonymous.`,
      documents === 0 ? '' : ` ${documents} document${documents === 1 ? '' : 's'} you added ${documents === 1 ? 'stays' : 'stay'} for the workspace, marked anonymous.`,
      rounds === 0 ? '' : ` ${rounds} city-wide round${rounds === 1 ? '' : 's'} you opened ${rounds === 1 ? 'stays' : 'stay'}, marked anonymous.`,
    ].join('');
    return [textReply(`${gone}${kept} Nothing in this workspace names you any more.`)];
  };

  const confirmForget = async (origin: Origin, rest: string): Promise<Reply[]> => {
    const match = /^(\d{1,16}):(.+)$/su.exec(rest);
    if (match === null) return [textReply('That button is no longer active. Type `forget me` to start again.', 'error')];
    if (match[2] !== origin.userId) {
      return [textReply('Only the person who typed `forget me` can confirm it. To forget you, type `forget me` yourself.', 'error')];
    }
    const age = clock.now().getTime() - Number(match[1]);
    if (age < 0 || age > FORGET_CONFIRM_MS) {
      return [textReply('That confirmation has expired, so nothing was deleted. Type `forget me` again if you still want it.', 'error')];
    }
    return forget(origin);
  };

  const refusal = (origin: Origin): Reply =>
    textReply(
      'Only a workspace admin can delete this workspace’s data: Slack workspace admins, Discord members with ' +
        '*Manage Server*, and people (or Discord roles) the bot’s operator has listed as coordinators. ' +
        `Ask one of them, or ask the operator to add your id ${codeSpan(coordinatorIdOf(origin))}. Nothing was deleted. ` +
        'To delete what the bot keeps about you, type `forget me`.',
      'error',
    );

  /** The workspace's name, id or key, compared without case or surrounding quotes. */
  const namesWorkspace = (origin: Origin, typed: string): boolean => {
    const norm = (text: string): string => text.trim().replace(/^[`'"“‘]+|[`'"”’]+$/gu, '').replace(/\s+/gu, ' ').toLowerCase();
    const wanted = norm(typed);
    if (wanted === '') return false;
    return [origin.workspaceName, origin.workspaceId, workspaceKey(origin)].some((name) => name !== undefined && norm(name) === wanted);
  };

  return {
    forgetMe: (origin) => [forgetPrompt(origin, forgetValue(origin))],

    deleteWorkspace: (origin) => (isCoordinator(origin, deps) ? [deleteWorkspacePrompt(origin)] : [refusal(origin)]),

    async confirmDeleteWorkspace(origin, typed) {
      if (!isCoordinator(origin, deps)) return [refusal(origin)];
      if (!namesWorkspace(origin, typed)) {
        return [textReply(
          `${codeSpan(`delete ${typed}`)} does not name this workspace, so nothing was deleted. ` +
            `To delete this workspace’s data, type \`delete workspace data\`; the confirmation is ${codeSpan(deleteConfirmation(origin))}.`,
          'error',
        )];
      }
      const workspace = workspaceKey(origin);
      const counts = await eraseWorkspaceEverywhere(deps.erasable, workspace);
      logger.info({ workspace, counts, total: totalErased(counts) }, 'workspace data deleted on request');
      if (totalErased(counts) === 0) return [textReply('Nothing was stored for this workspace, so there was nothing to delete.')];
      return [textReply(`Done: deleted ${describeCounts(counts)} from this workspace.`)];
    },

    async choose(origin, value) {
      if (value === CANCEL_VALUE) return [textReply('Cancelled: nothing was deleted.')];
      if (value.startsWith(`${FORGET_VALUE}:`)) return confirmForget(origin, value.slice(FORGET_VALUE.length + 1));
      return undefined;
    },

    async exportRest(origin) {
      return workspaceRecordFiles(await deps.records(workspaceKey(origin)), origin.workspaceId, clock.now());
    },
  };
};
