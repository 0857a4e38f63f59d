import {
  feedbackDmPerUserMigration,
  remindersDmPerUserMigration,
  resultsDmPerUserMigration,
  sessionsDmPerUserMigration,
} from './discord-dm-migrations.js';
import type { Migration } from './migrations.js';
import { roundMigrations } from './round-migrations.js';
import { documentMigrations, installationMigrations, presenceFromDataMigration, privacyMigrations } from './workspace-migrations.js';

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
