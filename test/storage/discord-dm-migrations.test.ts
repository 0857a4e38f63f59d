import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/storage/sqlite-database.js';
import { migrations } from '../../src/storage/schema.js';
import { SqliteReminderStore } from '../../src/storage/sqlite-reminder-store.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { tempDir } from './temp-dir.js';

const ALICE = '820000000000000001';
const BOB = '820000000000000004';
const GUILD = '810000000000000001';
const AT = '2025-03-03T10:00:00.000Z';

/** The tables as the previous release created them, before any DM migration. */
const firstReleaseMigrations = migrations.filter(
  (migration) => migration.id.endsWith('-001-create'),
);

const insertResult = (db: Database, workspace: string, id: string, userId: string, city: string): void => {
  db.prepare(
    `INSERT INTO assessment_results (workspace, id, platform, channel_id, user_id, city, city_key, framework_id,
       completed_at, overall_percent, components, answers)
     VALUES (?, ?, 'discord', 'dm-channel', ?, ?, lower(?), 'niace-quick', ?, 50, '[]', '{}')`,
  ).run(workspace, id, userId, city, city, AT);
};

const insertSession = (db: Database, workspace: string, conversation: string, userId: string): void => {
  db.prepare(
    `INSERT INTO assessment_sessions (workspace, conversation, user_id, framework_id, city, state, started_at, updated_at)
     VALUES (?, ?, ?, 'niace-quick', 'Leeds', '{"phase":"choose-framework"}', ?, ?)`,
  ).run(workspace, conversation, userId, AT, AT);
};

const insertReminder = (db: Database, id: string, workspace: string, workspaceId: string, createdBy: string): void => {
  db.prepare(
    `INSERT INTO reminders (id, workspace, platform, workspace_id, channel_id, user_id, city, schedule, time_zone,
       created_by, created_at, active_since, paused, last_slot)
     VALUES (?, ?, 'discord', ?, NULL, ?, 'Leeds', '{"kind":"cron","expr":"0 9 * * 1"}', 'Europe/London', ?, ?, ?, 0, NULL)`,
  ).run(id, workspace, workspaceId, createdBy === '' ? 'someone' : createdBy, createdBy, AT, AT);
  db.prepare(
    `INSERT INTO reminder_deliveries (reminder_id, workspace, slot, status, attempts, error, updated_at)
     VALUES (?, ?, ?, 'sent', 1, NULL, ?)`,
  ).run(id, workspace, AT, AT);
};

/** A database file written by the previous release: Alice's and Bob's DM rows share `discord:dm`. */
const previousReleaseFile = (): string => {
  const path = join(tempDir(), 'bot.db');
  const db = openDatabase(path, { migrations: firstReleaseMigrations });
  insertResult(db, 'discord:dm', 'alice-1', ALICE, 'Leeds');
  insertResult(db, 'discord:dm', 'bob-1', BOB, 'Bristol');
  insertResult(db, 'discord:dm', 'nobody-1', '', 'Nowhere');
  insertResult(db, `discord:${GUILD}`, 'guild-1', ALICE, 'Cork');
  insertSession(db, 'discord:dm', 'discord:dm:880000000000000001', ALICE);
  insertSession(db, `discord:${GUILD}`, `discord:${GUILD}:810000000000000011`, ALICE);
  db.prepare(`INSERT INTO answer_feedback (workspace, user_id, key, helpful, at) VALUES ('discord:dm', ?, 'k1', 1, ?)`).run(BOB, AT);
  insertReminder(db, 'ralic', 'discord:dm', 'dm', ALICE);
  insertReminder(db, 'rnone', 'discord:dm', 'dm', '');
  insertReminder(db, 'rguil', `discord:${GUILD}`, GUILD, ALICE);
  db.close();
  return path;
};

describe('moving shared Discord DM rows to their users’ own workspaces', () => {
  it('gives every DM row with a user to that user’s workspace and leaves guild rows alone', async () => {
    const path = previousReleaseFile();
    const stores = createSqliteStores(path);
    const reminders = new SqliteReminderStore(stores.db);
    try {
      expect((await stores.results.list(`discord:dm:${ALICE}`)).map((r) => r.id)).toEqual(['alice-1']);
      expect((await stores.results.list(`discord:dm:${BOB}`)).map((r) => r.id)).toEqual(['bob-1']);
      expect((await stores.results.list(`discord:${GUILD}`)).map((r) => r.id)).toEqual(['guild-1']);
      // A row naming no user cannot be given an owner: it stays where no conversation reaches it.
      expect((await stores.results.list('discord:dm')).map((r) => r.id)).toEqual(['nobody-1']);

      const aliceSessions = await stores.sessions.listByWorkspace(`discord:dm:${ALICE}`);
      expect(aliceSessions.map((s) => s.conversation)).toEqual([`discord:dm:${ALICE}:880000000000000001`]);
      expect(await stores.sessions.get({ workspace: `discord:dm:${ALICE}`, conversation: `discord:dm:${ALICE}:880000000000000001`, userId: ALICE })).toBeDefined();
      expect(await stores.sessions.listByWorkspace(`discord:${GUILD}`)).toHaveLength(1);
      expect(await stores.sessions.listByWorkspace('discord:dm')).toEqual([]);

      expect((await stores.feedback.listByWorkspace(`discord:dm:${BOB}`)).map((f) => f.key)).toEqual(['k1']);
      expect(await stores.feedback.listByWorkspace('discord:dm')).toEqual([]);

      const aliceReminder = await reminders.get(`discord:dm:${ALICE}`, 'ralic');
      expect(aliceReminder).toMatchObject({ workspaceId: `dm:${ALICE}`, target: { kind: 'direct', userId: ALICE } });
      expect(await reminders.listDeliveries(`discord:dm:${ALICE}`, 'ralic')).toHaveLength(1);
      expect((await reminders.listByWorkspace('discord:dm')).map((r) => r.id)).toEqual(['rnone']);
      expect(await reminders.listDeliveries('discord:dm', 'rnone')).toHaveLength(1);
      expect(await reminders.get(`discord:${GUILD}`, 'rguil')).toMatchObject({ workspaceId: GUILD });
    } finally {
      stores.close();
    }
  });

  it('runs once: rows written under the new workspaces later are not touched again', async () => {
    const path = previousReleaseFile();
    createSqliteStores(path).close();
    const stores = createSqliteStores(path);
    try {
      const applied = stores.db.prepare("SELECT id FROM schema_migrations WHERE id LIKE '%discord-dm-per-user' ORDER BY id").pluck().all();
      expect(applied).toEqual([
        'feedback-002-discord-dm-per-user',
        'reminders-002-discord-dm-per-user',
        'results-002-discord-dm-per-user',
        'sessions-002-discord-dm-per-user',
      ]);
      expect(await stores.results.list(`discord:dm:${ALICE}`)).toHaveLength(1);
    } finally {
      stores.close();
    }
  });
});
