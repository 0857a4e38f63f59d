import type { Migration } from './migrations.js';

/*
 * Discord direct messages used to share one workspace, `discord:dm`, so one user's DM results,
 * sessions, votes and reminders were visible to every other user's DMs. A DM is now a workspace
 * of its own user, `discord:dm:<userId>` (the adapter's `workspaceId` is `dm:<userId>`), and these
 * migrations move the rows already stored to their user's workspace.
 *
 * Rows that name no user (an empty user id) cannot be given an owner: they stay under
 * `discord:dm`, which no conversation reaches any more, so they are hidden rather than deleted and
 * an operator can still read them from the file. `UPDATE OR IGNORE` (SQLite) and `NOT EXISTS`
 * (PostgreSQL) leave a row where it is in the unlikely case that its new key is taken, instead of
 * failing the whole start-up.
 */

const OLD = "'discord:dm'";
const NEW_WORKSPACE = (userColumn: string): string => `'discord:dm:' || ${userColumn}`;
const NEW_CONVERSATION = (table: string): string =>
  `CASE WHEN substr(${table}conversation, 1, 11) = 'discord:dm:'
     THEN ${NEW_WORKSPACE(`${table}user_id`)} || substr(${table}conversation, 11) ELSE ${table}conversation END`;

/** Results of DM assessments go to the workspace of the user who completed them. */
export const resultsDmPerUserMigration: Migration = {
  id: 'results-002-discord-dm-per-user',
  sqlite: `UPDATE OR IGNORE assessment_results SET workspace = ${NEW_WORKSPACE('user_id')}
        WHERE workspace = ${OLD} AND user_id <> '';`,
  postgres: `UPDATE assessment_results r SET workspace = ${NEW_WORKSPACE('r.user_id')}
        WHERE r.workspace = ${OLD} AND r.user_id <> '' AND NOT EXISTS (
          SELECT 1 FROM assessment_results t WHERE t.workspace = ${NEW_WORKSPACE('r.user_id')} AND t.id = r.id);`,
};

/**
 * Sessions in progress move with their user; the conversation key `discord:dm:<channel>` gains
 * the user too (`discord:dm:<user>:<channel>`), as the core now builds it, so the user resumes.
 */
export const sessionsDmPerUserMigration: Migration = {
  id: 'sessions-002-discord-dm-per-user',
  sqlite: `UPDATE OR IGNORE assessment_sessions SET
          workspace = ${NEW_WORKSPACE('user_id')},
          conversation = CASE WHEN substr(conversation, 1, 11) = 'discord:dm:'
            THEN ${NEW_WORKSPACE('user_id')} || substr(conversation, 11) ELSE conversation END
        WHERE workspace = ${OLD} AND user_id <> '';`,
  postgres: `UPDATE assessment_sessions s SET
          workspace = ${NEW_WORKSPACE('s.user_id')}, conversation = ${NEW_CONVERSATION('s.')}
        WHERE s.workspace = ${OLD} AND s.user_id <> '' AND NOT EXISTS (
          SELECT 1 FROM assessment_sessions t WHERE t.workspace = ${NEW_WORKSPACE('s.user_id')}
            AND t.conversation = ${NEW_CONVERSATION('s.')} AND t.user_id = s.user_id);`,
};

/** 👍/👎 votes given in DMs go to the voter's workspace. */
export const feedbackDmPerUserMigration: Migration = {
  id: 'feedback-002-discord-dm-per-user',
  sqlite: `UPDATE OR IGNORE answer_feedback SET workspace = ${NEW_WORKSPACE('user_id')}
        WHERE workspace = ${OLD} AND user_id <> '';`,
  postgres: `UPDATE answer_feedback f SET workspace = ${NEW_WORKSPACE('f.user_id')}
        WHERE f.workspace = ${OLD} AND f.user_id <> '' AND NOT EXISTS (
          SELECT 1 FROM answer_feedback t WHERE t.workspace = ${NEW_WORKSPACE('f.user_id')}
            AND t.user_id = f.user_id AND t.key = f.key);`,
};

/**
 * A reminder set up in a DM belongs to the user who set it up (the only person in that DM);
 * `workspace_id` is what the notifier checks a channel against, so it moves too. Its delivery
 * records follow the reminder.
 */
export const remindersDmPerUserMigration: Migration = {
  id: 'reminders-002-discord-dm-per-user',
  sqlite: `UPDATE reminders SET workspace = ${NEW_WORKSPACE('created_by')}, workspace_id = 'dm:' || created_by
        WHERE workspace = ${OLD} AND created_by <> '';
        UPDATE OR IGNORE reminder_deliveries
          SET workspace = (SELECT r.workspace FROM reminders r WHERE r.id = reminder_deliveries.reminder_id)
        WHERE workspace = ${OLD} AND EXISTS (
          SELECT 1 FROM reminders r WHERE r.id = reminder_deliveries.reminder_id AND r.workspace <> ${OLD});`,
  postgres: `UPDATE reminders SET workspace = ${NEW_WORKSPACE('created_by')}, workspace_id = 'dm:' || created_by
        WHERE workspace = ${OLD} AND created_by <> '';
        UPDATE reminder_deliveries d SET workspace = r.workspace FROM reminders r
        WHERE r.id = d.reminder_id AND d.workspace = ${OLD} AND r.workspace <> ${OLD};`,
};
