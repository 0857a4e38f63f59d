import type { Migration } from './sqlite-database.js';

/*
 * Discord direct messages used to share one workspace, `discord:dm`, so one user's DM results,
 * sessions, votes and reminders were visible to every other user's DMs. A DM is now a workspace
 * of its own user, `discord:dm:<userId>` (the adapter's `workspaceId` is `dm:<userId>`), and these
 * migrations move the rows already stored to their user's workspace.
 *
 * Rows that name no user (an empty user id) cannot be given an owner: they stay under
 * `discord:dm`, which no conversation reaches any more, so they are hidden rather than deleted and
 * an operator can still read them from the file. `UPDATE OR IGNORE` leaves a row where it is in the
 * unlikely case that its new key is taken, instead of failing the whole start-up.
 */

const OLD = "'discord:dm'";
const NEW_WORKSPACE = (userColumn: string): string => `'discord:dm:' || ${userColumn}`;

/** Results of DM assessments go to the workspace of the user who completed them. */
export const resultsDmPerUserMigration: Migration = {
  id: 'results-002-discord-dm-per-user',
  sql: `UPDATE OR IGNORE assessment_results SET workspace = ${NEW_WORKSPACE('user_id')}
        WHERE workspace = ${OLD} AND user_id <> '';`,
};

/**
 * Sessions in progress move with their user; the conversation key `discord:dm:<channel>` gains
 * the user too (`discord:dm:<user>:<channel>`), as the core now builds it, so the user resumes.
 */
export const sessionsDmPerUserMigration: Migration = {
  id: 'sessions-002-discord-dm-per-user',
  sql: `UPDATE OR IGNORE assessment_sessions SET
          workspace = ${NEW_WORKSPACE('user_id')},
          conversation = CASE WHEN substr(conversation, 1, 11) = 'discord:dm:'
            THEN ${NEW_WORKSPACE('user_id')} || substr(conversation, 11) ELSE conversation END
        WHERE workspace = ${OLD} AND user_id <> '';`,
};

/** 👍/👎 votes given in DMs go to the voter's workspace. */
export const feedbackDmPerUserMigration: Migration = {
  id: 'feedback-002-discord-dm-per-user',
  sql: `UPDATE OR IGNORE answer_feedback SET workspace = ${NEW_WORKSPACE('user_id')}
        WHERE workspace = ${OLD} AND user_id <> '';`,
};

/**
 * A reminder set up in a DM belongs to the user who set it up (the only person in that DM);
 * `workspace_id` is what the notifier checks a channel against, so it moves too. Its delivery
 * records follow the reminder.
 */
export const remindersDmPerUserMigration: Migration = {
  id: 'reminders-002-discord-dm-per-user',
  sql: `UPDATE reminders SET workspace = ${NEW_WORKSPACE('created_by')}, workspace_id = 'dm:' || created_by
        WHERE workspace = ${OLD} AND created_by <> '';
        UPDATE OR IGNORE reminder_deliveries
          SET workspace = (SELECT r.workspace FROM reminders r WHERE r.id = reminder_deliveries.reminder_id)
        WHERE workspace = ${OLD} AND EXISTS (
          SELECT 1 FROM reminders r WHERE r.id = reminder_deliveries.reminder_id AND r.workspace <> ${OLD});`,
};
