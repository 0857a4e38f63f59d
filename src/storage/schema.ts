import {
  feedbackDmPerUserMigration,
  remindersDmPerUserMigration,
  resultsDmPerUserMigration,
  sessionsDmPerUserMigration,
} from './discord-dm-migrations.js';
import type { Migration } from './migrations.js';

/*
 * The one migration history of both stores. Each change has one id and its SQL for SQLite and for
 * PostgreSQL side by side, so the two schemas cannot drift apart. SQLite keeps dates as ISO 8601
 * text and JSON as text; PostgreSQL uses timestamptz and json (json, not jsonb, keeps the text as
 * given, so a `\u0000` typed into an answer is stored rather than refused). SQLite orders ties by
 * rowid; PostgreSQL has none, so its tables that need that order carry a `seq` a replace renews.
 */

export const sessionMigrations: Migration[] = [
  {
    id: 'sessions-001-create',
    sqlite: `
      CREATE TABLE assessment_sessions (
        workspace TEXT NOT NULL,
        conversation TEXT NOT NULL,
        user_id TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        city TEXT NOT NULL,
        state TEXT NOT NULL,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (workspace, conversation, user_id)
      );
      CREATE INDEX assessment_sessions_by_workspace
        ON assessment_sessions (workspace, updated_at);
    `,
    postgres: `
      CREATE TABLE assessment_sessions (
        workspace TEXT NOT NULL,
        conversation TEXT NOT NULL,
        user_id TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        city TEXT NOT NULL,
        state JSON NOT NULL,
        started_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (workspace, conversation, user_id)
      );
      CREATE INDEX assessment_sessions_by_workspace
        ON assessment_sessions (workspace, updated_at);
    `,
  },
  sessionsDmPerUserMigration,
  {
    id: 'sessions-003-version',
    sqlite: 'ALTER TABLE assessment_sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;',
    postgres: 'ALTER TABLE assessment_sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;',
  },
];

export const resultMigrations: Migration[] = [
  {
    id: 'results-001-create',
    sqlite: `
      CREATE TABLE assessment_results (
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        city TEXT NOT NULL,
        city_key TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        completed_at TEXT NOT NULL,
        overall_percent REAL,
        components TEXT NOT NULL,
        answers TEXT NOT NULL,
        PRIMARY KEY (workspace, id)
      );
      CREATE INDEX assessment_results_by_time
        ON assessment_results (workspace, completed_at);
      CREATE INDEX assessment_results_by_city
        ON assessment_results (workspace, city_key, completed_at);
    `,
    postgres: `
      CREATE TABLE assessment_results (
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        seq BIGSERIAL NOT NULL,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        city TEXT NOT NULL,
        city_key TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        completed_at TIMESTAMPTZ NOT NULL,
        overall_percent DOUBLE PRECISION,
        components JSON NOT NULL,
        answers JSON NOT NULL,
        PRIMARY KEY (workspace, id)
      );
      CREATE INDEX assessment_results_by_time
        ON assessment_results (workspace, completed_at, seq);
      CREATE INDEX assessment_results_by_city
        ON assessment_results (workspace, city_key, completed_at, seq);
    `,
  },
  resultsDmPerUserMigration,
];

export const feedbackMigrations: Migration[] = [
  {
    id: 'feedback-001-create',
    sqlite: `
      CREATE TABLE answer_feedback (
        workspace TEXT NOT NULL,
        user_id TEXT NOT NULL,
        key TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        at TEXT NOT NULL,
        PRIMARY KEY (workspace, user_id, key)
      );
      CREATE INDEX answer_feedback_by_time ON answer_feedback (workspace, at);
    `,
    postgres: `
      CREATE TABLE answer_feedback (
        workspace TEXT NOT NULL,
        user_id TEXT NOT NULL,
        key TEXT NOT NULL,
        seq BIGSERIAL NOT NULL,
        helpful BOOLEAN NOT NULL,
        at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (workspace, user_id, key)
      );
      CREATE INDEX answer_feedback_by_time ON answer_feedback (workspace, at, seq);
    `,
  },
  feedbackDmPerUserMigration,
];

export const reminderMigrations: Migration[] = [
  {
    id: 'reminders-001-create',
    sqlite: `
      CREATE TABLE reminders (
        id TEXT PRIMARY KEY NOT NULL,
        workspace TEXT NOT NULL,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT,
        user_id TEXT,
        city TEXT,
        schedule TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        active_since TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        last_slot TEXT,
        CHECK ((channel_id IS NULL) <> (user_id IS NULL))
      );
      CREATE INDEX reminders_by_workspace ON reminders (workspace, created_at);
      CREATE TABLE reminder_deliveries (
        reminder_id TEXT NOT NULL,
        workspace TEXT NOT NULL,
        slot TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (reminder_id, slot)
      );
    `,
    postgres: `
      CREATE TABLE reminders (
        id TEXT PRIMARY KEY NOT NULL,
        workspace TEXT NOT NULL,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT,
        user_id TEXT,
        city TEXT,
        schedule JSON NOT NULL,
        time_zone TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        active_since TIMESTAMPTZ NOT NULL,
        paused BOOLEAN NOT NULL DEFAULT FALSE,
        last_slot TIMESTAMPTZ,
        CHECK ((channel_id IS NULL) <> (user_id IS NULL))
      );
      CREATE INDEX reminders_by_workspace ON reminders (workspace, created_at);
      CREATE TABLE reminder_deliveries (
        reminder_id TEXT NOT NULL,
        workspace TEXT NOT NULL,
        slot TIMESTAMPTZ NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        error TEXT,
        updated_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (reminder_id, slot)
      );
    `,
  },
  remindersDmPerUserMigration,
];

export const dedupeMigrations: Migration[] = [
  {
    id: 'dedupe-001-create',
    sqlite: `
      CREATE TABLE dedupe_keys (
        key TEXT PRIMARY KEY NOT NULL,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX dedupe_keys_by_time ON dedupe_keys (seen_at);
    `,
    postgres: `
      CREATE TABLE dedupe_keys (
        key TEXT PRIMARY KEY NOT NULL,
        seen_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX dedupe_keys_by_time ON dedupe_keys (seen_at);
    `,
  },
];

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

/**
 * City-wide rounds: the round (its invitation message as JSON), each respondent's answers, and on
 * results the kind (`individual` or `group`) and a group result's respondent count. A group
 * result's spread per area travels in its `components` JSON.
 */
export const roundMigrations: Migration[] = [
  {
    id: 'rounds-001-create',
    sqlite: `
      CREATE TABLE group_rounds (
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        city TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deadline TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        closed_at TEXT,
        message TEXT,
        result_id TEXT,
        PRIMARY KEY (workspace, id)
      );
      CREATE UNIQUE INDEX group_rounds_id ON group_rounds (id);
      CREATE INDEX group_rounds_open ON group_rounds (status, deadline);
      CREATE TABLE group_answers (
        workspace TEXT NOT NULL,
        round_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        conversation TEXT NOT NULL,
        state TEXT,
        submitted TEXT,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (workspace, round_id, user_id)
      );
      CREATE INDEX group_answers_by_user ON group_answers (workspace, user_id, conversation);
      ALTER TABLE assessment_results ADD COLUMN kind TEXT NOT NULL DEFAULT 'individual';
      ALTER TABLE assessment_results ADD COLUMN respondents INTEGER;
    `,
    postgres: `
      CREATE TABLE group_rounds (
        workspace TEXT NOT NULL,
        id TEXT NOT NULL,
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        framework_id TEXT NOT NULL,
        city TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        deadline TIMESTAMPTZ NOT NULL,
        time_zone TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        closed_at TIMESTAMPTZ,
        message JSON,
        result_id TEXT,
        PRIMARY KEY (workspace, id)
      );
      CREATE UNIQUE INDEX group_rounds_id ON group_rounds (id);
      CREATE INDEX group_rounds_open ON group_rounds (status, deadline);
      CREATE TABLE group_answers (
        workspace TEXT NOT NULL,
        round_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        conversation TEXT NOT NULL,
        state JSON,
        submitted JSON,
        updated_at TIMESTAMPTZ NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (workspace, round_id, user_id)
      );
      CREATE INDEX group_answers_by_user ON group_answers (workspace, user_id, conversation);
      ALTER TABLE assessment_results ADD COLUMN kind TEXT NOT NULL DEFAULT 'individual';
      ALTER TABLE assessment_results ADD COLUMN respondents INTEGER;
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

/**
 * Every migration of the bot's database, in the order a new database gets them. Append only; a
 * run also applies `schema-001-checksums` first (see migrations.ts).
 */
export const migrations: readonly Migration[] = [
  ...sessionMigrations,
  ...resultMigrations,
  ...feedbackMigrations,
  ...reminderMigrations,
  ...dedupeMigrations,
  ...installationMigrations,
  ...privacyMigrations,
  ...documentMigrations,
  ...roundMigrations,
  presenceFromDataMigration,
];
