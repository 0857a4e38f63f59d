import type { Migration } from './migrations.js';

/*
 * The migrations of what the bot keeps per workspace rather than per assessment: documents added
 * from chat, Slack installations, and a workspace's presence and removal (for deleting its data
 * after the grace period). Part of the one history in schema.ts, which gives their order.
 */

/*
 * Documents a workspace added from chat, with their passages as JSON. `seq` only grows (SQLite's
 * AUTOINCREMENT never reuses one), so no two different sets of a workspace's documents have the same
 * row count and highest `seq`: the cheap version every instance reads before answering.
 */
export const documentMigrations: Migration[] = [
  {
    id: 'documents-001-create',
    sqlite: `
      CREATE TABLE workspace_documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        title TEXT NOT NULL,
        pages INTEGER,
        passage_count INTEGER NOT NULL,
        passages TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        UNIQUE (workspace, id),
        UNIQUE (workspace, name_key)
      );
    `,
    postgres: `
      CREATE TABLE workspace_documents (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        title TEXT NOT NULL,
        pages INTEGER,
        passage_count INTEGER NOT NULL,
        passages JSON NOT NULL,
        added_by TEXT NOT NULL,
        added_at TIMESTAMPTZ NOT NULL,
        UNIQUE (workspace, id),
        UNIQUE (workspace, name_key)
      );
    `,
  },
];

/**
 * App installations from OAuth (one row per workspace or organisation for its latest installation,
 * `user_id` ''; one per installing user). `secrets` holds the tokens sealed with AES-256-GCM under
 * the key `key_id` names; never plain text.
 */
export const installationMigrations: Migration[] = [
  {
    id: 'installations-001-create',
    sqlite: `
      CREATE TABLE installations (
        workspace TEXT NOT NULL,
        user_id TEXT NOT NULL,
        data TEXT NOT NULL,
        secrets TEXT NOT NULL,
        key_id TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        PRIMARY KEY (workspace, user_id)
      );
      CREATE INDEX installations_by_key ON installations (key_id);
    `,
    postgres: `
      CREATE TABLE installations (
        workspace TEXT NOT NULL,
        user_id TEXT NOT NULL,
        data JSON NOT NULL,
        secrets TEXT NOT NULL,
        key_id TEXT NOT NULL,
        installed_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (workspace, user_id)
      );
      CREATE INDEX installations_by_key ON installations (key_id);
    `,
  },
];

/**
 * Workspaces the bot was removed from (Slack uninstall, Discord server kick), kept until they come
 * back or their data is deleted after the grace period; `erasing_since` is when an instance took
 * that deletion on, so the others leave it alone. The sessions index serves the retention
 * job, which looks across workspaces for sessions untouched since a date.
 */
export const privacyMigrations: Migration[] = [
  {
    id: 'privacy-001-workspace-status',
    sqlite: `
      CREATE TABLE workspace_status (
        workspace TEXT PRIMARY KEY NOT NULL,
        removed_at TEXT NOT NULL,
        erasing_since TEXT
      );
      CREATE INDEX assessment_sessions_by_update ON assessment_sessions (updated_at);
    `,
    postgres: `
      CREATE TABLE workspace_status (
        workspace TEXT PRIMARY KEY NOT NULL,
        removed_at TIMESTAMPTZ NOT NULL,
        erasing_since TIMESTAMPTZ
      );
      CREATE INDEX assessment_sessions_by_update ON assessment_sessions (updated_at);
    `,
  },
  {
    // Workspaces the bot is in, as platforms listed them: one left while the bot was offline is missing from the next list.
    id: 'privacy-002-workspace-presence',
    sqlite: `
      CREATE TABLE workspace_presence (
        workspace TEXT PRIMARY KEY NOT NULL,
        seen_at TEXT NOT NULL
      );
    `,
    postgres: `
      CREATE TABLE workspace_presence (
        workspace TEXT PRIMARY KEY NOT NULL,
        seen_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
];

/** The tables that keep data of a workspace, by workspace key. */
const WORKSPACE_DATA = ['assessment_results', 'assessment_sessions', 'answer_feedback', 'reminders', 'workspace_documents', 'group_rounds']
  .map((table) => `SELECT workspace FROM ${table}`)
  .join(' UNION ');

/**
 * Discord servers that hold data are recorded as seen, as connecting records them since
 * `privacy-002`: a server that removed the bot while an earlier release was offline, and so was
 * never listed, is then found missing from the next connection's list and its data deleted after
 * the grace period, like any other. DMs (`discord:dm:…`), Slack teams and servers already marked
 * removed are left out. Runs after every table it reads exists.
 */
export const presenceFromDataMigration: Migration = {
  id: 'privacy-003-presence-from-data',
  sqlite: `
    INSERT OR IGNORE INTO workspace_presence (workspace, seen_at)
    SELECT DISTINCT workspace, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (${WORKSPACE_DATA})
    WHERE workspace GLOB 'discord:[0-9]*' AND substr(workspace, 9) NOT GLOB '*[^0-9]*' AND length(workspace) <= 28
      AND workspace NOT IN (SELECT workspace FROM workspace_status);
  `,
  postgres: `
    INSERT INTO workspace_presence (workspace, seen_at)
    SELECT DISTINCT workspace, now() FROM (${WORKSPACE_DATA}) AS data
    WHERE workspace ~ '^discord:[0-9]{1,20}$' AND workspace NOT IN (SELECT workspace FROM workspace_status)
    ON CONFLICT (workspace) DO NOTHING;
  `,
};
