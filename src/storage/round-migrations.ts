import type { Migration } from './migrations.js';

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
