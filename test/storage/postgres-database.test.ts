import { afterEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/core/errors.js';
import { migrationChecksum } from '../../src/storage/migrations.js';
import type { Migration } from '../../src/storage/migrations.js';
import { openPostgres, type PostgresDatabase } from '../../src/storage/postgres-database.js';
import { adminQuery, freshSchema, withPostgres } from '../support/postgres.js';

const countingMigration: Migration = {
  id: 'test-001-counter',
  sqlite: 'CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (1);',
  // Inserting a row shows how often the migration ran: a second run would fail or add a row.
  postgres: 'CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (1);',
};
const postgresOnly = (id: string, postgres: string): Migration => ({ id, sqlite: postgres, postgres });

const opened: PostgresDatabase[] = [];
const schemas: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const drop of schemas.splice(0)) await drop();
});

const schema = async (): Promise<{ url: string; name: string }> => {
  const made = await freshSchema();
  schemas.push(made.drop);
  return { url: made.url, name: made.schema };
};

const open = async (url: string, migrations: Migration[]): Promise<PostgresDatabase> => {
  const db = await openPostgres(url, { migrations });
  opened.push(db);
  return db;
};

const rows = async (db: PostgresDatabase, sql: string): Promise<unknown[]> => (await db.run('test', sql)).rows;

describe.skipIf(!withPostgres)('openPostgres', () => {
  it('applies each migration once and records the checksum of its PostgreSQL SQL', async () => {
    const { url } = await schema();
    const db = await open(url, [countingMigration]);
    await db.close();
    const again = await open(url, [countingMigration, postgresOnly('test-002-label', 'ALTER TABLE counter ADD COLUMN label TEXT')]);
    expect(await rows(again, 'SELECT count(*)::int AS n FROM counter')).toEqual([{ n: 1 }]);
    expect(await rows(again, 'SELECT id, checksum FROM schema_migrations ORDER BY id')).toEqual([
      { id: 'schema-001-checksums', checksum: migrationChecksum('ALTER TABLE schema_migrations ADD COLUMN checksum TEXT') },
      { id: 'test-001-counter', checksum: migrationChecksum(countingMigration.postgres) },
      { id: 'test-002-label', checksum: migrationChecksum('ALTER TABLE counter ADD COLUMN label TEXT') },
    ]);
  });

  it('lets instances starting together migrate once: they take turns under the advisory lock', async () => {
    const { url } = await schema();
    const slow = postgresOnly('test-002-slow', 'SELECT pg_sleep(0.2); CREATE TABLE slow (x INTEGER); INSERT INTO slow VALUES (1);');
    const all = await Promise.all([1, 2, 3, 4].map(() => open(url, [countingMigration, slow])));
    expect(await rows(all[0]!, 'SELECT count(*)::int AS n FROM counter')).toEqual([{ n: 1 }]);
    expect(await rows(all[3]!, 'SELECT count(*)::int AS n FROM slow')).toEqual([{ n: 1 }]);
    expect(await rows(all[1]!, 'SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: 3 }]);
  });

  it('refuses to start when an applied migration was edited, naming it, and changes nothing', async () => {
    const { url } = await schema();
    await (await open(url, [countingMigration])).close();
    const edited = postgresOnly(countingMigration.id, 'CREATE TABLE counter (n BIGINT); INSERT INTO counter VALUES (1);');
    const next = postgresOnly('test-002-label', 'ALTER TABLE counter ADD COLUMN label TEXT');
    const attempt = open(url, [edited, next]);
    await expect(attempt).rejects.toThrow(StorageError);
    await expect(attempt).rejects.toThrow(/Migration test-001-counter was already applied to 127\.0\.0\.1:\d+\/\w+, but its SQL has been edited since/);
    const db = await open(url, [countingMigration]);
    expect(await rows(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'counter' AND table_schema = current_schema()")).toEqual([
      { column_name: 'n' },
    ]);
  });

  it('records the checksums of rows recorded before checksums existed, without re-running them', async () => {
    const { url, name } = await schema();
    await adminQuery(`CREATE TABLE ${name}.schema_migrations (id TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL);
      CREATE TABLE ${name}.counter (n INTEGER); INSERT INTO ${name}.counter VALUES (1);
      INSERT INTO ${name}.schema_migrations VALUES ('test-001-counter', '2025-01-01T00:00:00.000Z');`);
    const db = await open(url, [countingMigration]);
    expect(await rows(db, "SELECT checksum FROM schema_migrations WHERE id = 'test-001-counter'")).toEqual([
      { checksum: migrationChecksum(countingMigration.postgres) },
    ]);
    expect(await rows(db, 'SELECT count(*)::int AS n FROM counter')).toEqual([{ n: 1 }]);
  });

  it('applies no migration of a batch when one fails, and names the failing one', async () => {
    const { url } = await schema();
    const broken = postgresOnly('test-002-broken', 'CREATE TABLE oops (');
    await expect(open(url, [countingMigration, broken])).rejects.toThrow(/Migration test-002-broken failed on 127\.0\.0\.1/);
    const db = await open(url, []);
    expect(await rows(db, "SELECT to_regclass('counter') AS t")).toEqual([{ t: null }]);
  });

  it('names the server, never the password, when it cannot be reached', async () => {
    const attempt = openPostgres('postgres://bot:s3cret@127.0.0.1:1/learning', { connectionTimeoutMs: 2000 });
    await expect(attempt).rejects.toThrow(StorageError);
    const message = await attempt.catch((error: unknown) => (error as Error).message);
    expect(message).toContain('Cannot reach the PostgreSQL database 127.0.0.1:1/learning');
    expect(message).not.toContain('s3cret');
  });
});
