import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/storage/postgres-database.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { migrations } from '../../src/storage/schema.js';
import { openDatabase } from '../../src/storage/sqlite-database.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { presenceFromDataMigration } from '../../src/storage/workspace-migrations.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { tempDir } from './temp-dir.js';

/** The migrations of the release before the list of servers was filled from their data. */
const earlier = migrations.filter((migration) => migration.id !== presenceFromDataMigration.id);

const GUILD = 'discord:810000000000000001';
const ROUNDS_ONLY = 'discord:810000000000000002';
const REMOVED = 'discord:810000000000000003';
/** Workspaces that are not Discord servers, or not by this key: never listed as servers. */
const OTHERS = ['discord:dm:820000000000000001', 'discord:dm', 'slack:T1', 'discord:12x'];

const results = [GUILD, REMOVED, ...OTHERS].map((workspace, i) => [workspace, `r${i}`]);
const RESULT = `INSERT INTO assessment_results (workspace, id, platform, channel_id, user_id, city, city_key, framework_id, completed_at, overall_percent, components, answers)
  VALUES ($1, $2, 'discord', 'C1', 'U1', 'Cork', 'cork', 'niace-quick', '2025-12-01T10:00:00.000Z', 50, '[]', '{}')`;
const ROUND = `INSERT INTO group_rounds (workspace, id, platform, workspace_id, channel_id, framework_id, city, created_by, created_at, deadline, time_zone, status)
  VALUES ($1, 'g1', 'discord', '810000000000000002', 'C1', 'niace-quick', 'Cork', 'U1', '2025-12-01T10:00:00.000Z', '2025-12-08T10:00:00.000Z', 'UTC', 'open')`;
const REMOVAL = `INSERT INTO workspace_status (workspace, removed_at) VALUES ($1, '2025-12-20T10:00:00.000Z')`;

const sqlite = (sql: string): string => sql.replace(/\$\d/gu, '?');

const dropAfter: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const drop of dropAfter.splice(0)) await drop();
});

describe('servers listed from the data an earlier release kept', () => {
  it('lists every Discord server holding data, in a SQLite file', async () => {
    const path = join(tempDir(), 'bot.db');
    const db = openDatabase(path, { migrations: earlier });
    for (const row of results) db.prepare(sqlite(RESULT)).run(...row);
    db.prepare(sqlite(ROUND)).run(ROUNDS_ONLY);
    db.prepare(sqlite(REMOVAL)).run(REMOVED);
    db.close();
    const stores = createSqliteStores(path);
    try {
      expect(await stores.workspaceStatus.listPresent()).toEqual([GUILD, ROUNDS_ONLY]);
    } finally {
      stores.close();
    }
  });

  it.skipIf(!withPostgres)('lists every Discord server holding data, in PostgreSQL', async () => {
    const schema = await freshSchema();
    dropAfter.push(schema.drop);
    const db = await openPostgres(schema.url, { migrations: earlier });
    for (const row of results) await db.run('seeding', RESULT, row);
    await db.run('seeding', ROUND, [ROUNDS_ONLY]);
    await db.run('seeding', REMOVAL, [REMOVED]);
    await db.close();
    const stores = await createPostgresStores(schema.url);
    try {
      expect(await stores.workspaceStatus.listPresent()).toEqual([GUILD, ROUNDS_ONLY]);
    } finally {
      await stores.close();
    }
  });
});
