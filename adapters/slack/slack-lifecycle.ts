import { z } from 'zod';
import { errorMessage } from '../../src/core/errors.js';
import type { Clock, Logger } from '../../src/core/ports.js';
import { installationWorkspace, type InstallationIds, type SlackInstallations, type SlackLifecycle } from './slack-installations.js';
import { describeIssues } from './slack-payloads.js';
import type { SlackListeners } from './slack-listeners.js';

const lifecycleEnvelopeSchema = z.object({
  team_id: z.string().min(1).optional(),
  enterprise_id: z.string().min(1).nullish(),
});

const tokensRevokedSchema = z.object({
  type: z.literal('tokens_revoked'),
  tokens: z.object({ oauth: z.array(z.string()).nullish(), bot: z.array(z.string()).nullish() }),
});

/** The installation an uninstall or revocation event is about; Bolt says whether it was org-wide. */
const idsOf = (body: unknown, isEnterpriseInstall: unknown): InstallationIds | undefined => {
  const parsed = lifecycleEnvelopeSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return { isEnterpriseInstall: isEnterpriseInstall === true, enterpriseId: parsed.data.enterprise_id ?? undefined, teamId: parsed.data.team_id };
};

/** What an uninstall or a revocation does: OAuth mode deletes tokens; single-token mode can only report it. */
export type LifecycleHandlers = Pick<SlackInstallations, 'uninstalled' | 'userTokensRevoked'>;

/**
 * Single-token mode: nothing is stored to delete, and the configured token no longer works. The
 * hook still hears of it, and the log says what to do.
 */
export const singleTokenLifecycle = (logger: Logger, clock: Clock, lifecycle: SlackLifecycle | undefined): LifecycleHandlers => ({
  async uninstalled(workspace) {
    logger.warn({ component: 'slack', workspace }, 'the app was removed from the workspace; SLACK_BOT_TOKEN no longer works until it is installed again');
    try {
      await lifecycle?.removed(workspace, clock.now());
    } catch (error) {
      logger.error({ component: 'slack', workspace, err: errorMessage(error) }, 'installation lifecycle hook failed');
    }
  },
  async userTokensRevoked() {},
});

/**
 * `app_uninstalled` and `tokens_revoked` (Bolt calls these listeners without authorizing, as the
 * tokens are already gone): the workspace's tokens are deleted before the event is acknowledged, so
 * a database outage answers 503 and Slack sends the event again.
 */
export const registerLifecycleHandlers = (listeners: SlackListeners, installations: LifecycleHandlers, logger: Logger): void => {
  listeners.event('app_uninstalled', async ({ body, context }) => {
    const ids = idsOf(body, context.isEnterpriseInstall);
    const workspace = ids && installationWorkspace(ids);
    if (ids === undefined || workspace === undefined) {
      logger.warn({ component: 'slack' }, 'app_uninstalled without a team or enterprise id; skipped');
      return;
    }
    await installations.uninstalled(workspace);
  });

  listeners.event('tokens_revoked', async ({ body, event, context }) => {
    const ids = idsOf(body, context.isEnterpriseInstall);
    const workspace = ids && installationWorkspace(ids);
    const parsed = tokensRevokedSchema.safeParse(event);
    if (ids === undefined || workspace === undefined || !parsed.success) {
      const issues = parsed.success ? 'no team or enterprise id' : describeIssues(parsed.error);
      logger.warn({ component: 'slack', issues }, 'tokens_revoked not understood; skipped');
      return;
    }
    const { bot, oauth } = parsed.data.tokens;
    // A revoked bot token is the end of the installation: nothing can be done without it.
    if ((bot ?? []).length > 0) {
      await installations.uninstalled(workspace);
      return;
    }
    if ((oauth ?? []).length > 0) await installations.userTokensRevoked(ids, oauth ?? []);
    logger.info({ component: 'slack', workspace, users: (oauth ?? []).length }, 'user tokens revoked; removed');
  });
};
