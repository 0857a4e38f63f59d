import { workspaceKey, type Origin } from '../core/events.js';
import type { Reply } from '../core/replies.js';

/** Who besides workspace admins may manage reminders. Ids are namespaced: `${workspaceKey(origin)}:${id}`. */
export interface CoordinatorConfig {
  /** Users, e.g. `slack:T1:U1`, `discord:G1:123`. */
  coordinatorIds?: readonly string[];
  /** Roles, e.g. `discord:G1:987` (Discord role ids, which the Discord adapter puts on the origin). */
  coordinatorRoles?: readonly string[];
}

/** Role ids the adapter attached to the origin (Discord member roles); none elsewhere. */
export const rolesOf = (origin: Origin): string[] => origin.roleIds ?? [];

/** The id to list in `coordinatorIds` for this user. */
export const coordinatorIdOf = (origin: Origin): string => `${workspaceKey(origin)}:${origin.userId}`;

/** Admins of the workspace (as the adapter says), listed users and holders of a listed role. */
export const isCoordinator = (origin: Origin, config: CoordinatorConfig): boolean => {
  if (origin.isAdmin === true) return true;
  if (config.coordinatorIds?.includes(coordinatorIdOf(origin)) === true) return true;
  const roles = new Set(config.coordinatorRoles ?? []);
  return rolesOf(origin).some((role) => roles.has(`${workspaceKey(origin)}:${role}`));
};

/** The refusal: who may do it, and the id to give the bot's operator. */
export const refusalReply = (origin: Origin): Reply => ({
  kind: 'error',
  text:
    'Only coordinators can set up or change reminders: Slack workspace admins, Discord members with ' +
    '*Manage Server*, and people (or Discord roles) the bot’s operator has listed as coordinators. ' +
    `Ask one of them, or ask the operator to add your id \`${coordinatorIdOf(origin)}\`. ` +
    'Anyone can see the reminders with `reminders`.',
});
