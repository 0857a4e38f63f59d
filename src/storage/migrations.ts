import { createHash } from 'node:crypto';
import { StorageError } from '../core/errors.js';

/** The SQL dialects the stores speak. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * One schema change, written once for each backend. `id` is recorded in `schema_migrations` with a
 * checksum of the dialect's SQL once applied, and never run again; a recorded migration whose SQL
 * has changed since is refused at start-up. So never edit a released migration: add a new one.
 * Prefix ids with the owning table (`sessions-001-create`).
 */
export interface Migration {
  id: string;
  sqlite: string;
  postgres: string;
}

/** A row of `schema_migrations`; `checksum` is null for rows recorded before checksums existed. */
export interface AppliedMigration {
  id: string;
  checksum: string | null;
}

/** Id of a row written and rolled back at open to prove a SQLite file is writable; never committed. */
export const WRITE_CHECK_ID = '~write-check';

/**
 * The table every migration run starts from. Both dialects accept this text. Its original shape
 * (no checksum) is kept so databases created before checksums open unchanged; the column comes from
 * {@link checksumMigration}.
 */
export const SCHEMA_MIGRATIONS_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id TEXT PRIMARY KEY NOT NULL,
  applied_at TEXT NOT NULL
)`;

/**
 * Adds the checksum column. Every run applies it first, whatever list it is given, so every
 * database records checksums; rows recorded before it get theirs on the first start after it.
 */
export const checksumMigration: Migration = {
  id: 'schema-001-checksums',
  sqlite: 'ALTER TABLE schema_migrations ADD COLUMN checksum TEXT',
  postgres: 'ALTER TABLE schema_migrations ADD COLUMN checksum TEXT',
};

/**
 * SHA-256 of a migration's SQL with runs of white space made one space and the ends trimmed, so
 * re-indenting a migration does not count as changing it; any other edit does.
 */
export const migrationChecksum = (sql: string): string =>
  createHash('sha256').update(sql.replace(/\s+/g, ' ').trim()).digest('hex');

/** What a run has to do: migrations to apply in order, and recorded rows still lacking a checksum. */
export interface MigrationPlan {
  pending: Migration[];
  backfill: Array<{ id: string; checksum: string }>;
}

/** The list a run applies: {@link checksumMigration} first, then `migrations`; ids checked. */
export const withChecksumMigration = (migrations: readonly Migration[]): Migration[] => {
  const list = [checksumMigration, ...migrations.filter((m) => m.id !== checksumMigration.id)];
  const seen = new Set<string>();
  for (const { id } of migrations) {
    if (id.trim() === '' || id === WRITE_CHECK_ID) {
      throw new StorageError(`Migration id ${JSON.stringify(id)} is not allowed.`);
    }
    if (seen.has(id)) throw new StorageError(`Migration id ${id} is declared twice.`);
    seen.add(id);
  }
  return list;
};

/**
 * Compares the migrations to what `schema_migrations` records. Throws a {@link StorageError} naming
 * every applied migration whose SQL was edited since (nothing is applied then); otherwise returns
 * what to apply and which recorded rows get their checksum now. `where` names the database.
 */
export const planMigrations = (
  migrations: readonly Migration[],
  applied: readonly AppliedMigration[],
  dialect: Dialect,
  where: string,
): MigrationPlan => {
  const recorded = new Map(applied.map((row) => [row.id, row.checksum]));
  const pending: Migration[] = [];
  const backfill: MigrationPlan['backfill'] = [];
  const edited: string[] = [];
  for (const migration of withChecksumMigration(migrations)) {
    const checksum = migrationChecksum(migration[dialect]);
    if (!recorded.has(migration.id)) pending.push(migration);
    else if (recorded.get(migration.id) === null) backfill.push({ id: migration.id, checksum });
    else if (recorded.get(migration.id) !== checksum) edited.push(migration.id);
  }
  if (edited.length > 0) {
    const names = edited.join(', ');
    throw new StorageError(
      `${edited.length === 1 ? 'Migration' : 'Migrations'} ${names} ${edited.length === 1 ? 'was' : 'were'} already ` +
        `applied to ${where}, but ${edited.length === 1 ? 'its' : 'their'} SQL has been edited since. An applied ` +
        `migration must never change: restore its SQL as released and put the change in a new migration. ` +
        `Nothing was changed in the database.`,
    );
  }
  return { pending, backfill };
};
