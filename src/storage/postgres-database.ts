import pg from 'pg';
import { StorageError, StorageUnavailableError, errorMessage } from '../core/errors.js';
import { silentLogger } from '../core/ports.js';
import type { Logger } from '../core/ports.js';
import { SCHEMA_MIGRATIONS_SQL, migrationChecksum, planMigrations } from './migrations.js';
import type { AppliedMigration, Migration } from './migrations.js';

/** A pool of PostgreSQL connections. */
export type PgPool = pg.Pool;

/** An open PostgreSQL database: its pool, its name for messages, and statements with clear failures. */
/**
 * PostgreSQL text cannot hold U+0000 (it refuses the whole statement), while a platform id or a
 * pasted name can carry one: stored as U+FFFD, the replacement character, like an unencodable byte.
 */
const withoutNul = (value: unknown): unknown => (typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\ufffd') : value);

export class PostgresDatabase {
  readonly pool: PgPool;
  /** `host:port/database`, never the password. */
  readonly where: string;

  constructor(pool: PgPool, where: string) {
    this.pool = pool;
    this.where = where;
  }

  /** The rows a statement returns and how many it changed; a failure is a StorageError naming `doing`. */
  async run(doing: string, text: string, params: unknown[] = []): Promise<{ rows: unknown[]; changed: number }> {
    try {
      const result = await this.pool.query(text, params.map(withoutNul));
      return { rows: result.rows, changed: result.rowCount ?? 0 };
    } catch (error) {
      throw postgresFailure(this.where, doing, error);
    }
  }

  /** Waits for statements in flight, then closes every connection; harmless when already closed. */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/**
 * Key of the advisory lock migrations run under. Advisory locks are per database, so instances
 * starting together against one database take turns, and the later ones find nothing left to do.
 */
const MIGRATION_LOCK_KEY = 748_213_901;

export interface OpenPostgresOptions {
  /** Applied in the order given, each once, all pending ones in one transaction under the lock. */
  migrations?: readonly Migration[];
  logger?: Logger;
  /** Connections in the pool; default 10. */
  maxConnections?: number;
  /** How long to wait for a connection before giving up; default 5000 ms. */
  connectionTimeoutMs?: number;
  /** How long one statement may take before it fails (a hung network must not hold a reply forever); default 10000 ms. */
  queryTimeoutMs?: number;
}

/** `host:port/database` of a connection string, without the user or password, for messages. */
export const describeDatabaseUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the PostgreSQL database (its URL cannot be parsed)';
  }
};

/** SQLSTATE of a PostgreSQL error, or Node's code (`ECONNREFUSED`, ...) when a thrown value has one. */
export const pgErrorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : '';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * True when the error says the database cannot be reached (refused, reset, shut down, connection
 * lost or timed out) rather than that a statement was wrong: the former passes once it is back.
 */
export const isConnectionError = (error: unknown): boolean => {
  const code = pgErrorCode(error);
  if (CONNECTION_CODES.has(code)) return true;
  // 08: connection exception; 57P01-57P03: shut down by an administrator, crash or starting up.
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(errorMessage(error));
};

/** A {@link StorageError} for a failed statement, naming the database and, for outages, what to check. */
export const postgresFailure = (where: string, doing: string, error: unknown): StorageError => {
  if (error instanceof StorageError) return error;
  const reason = errorMessage(error);
  const code = pgErrorCode(error);
  let message: string;
  // pg's pool opens a new connection on the next query, so an outage passes once the server is back.
  if (isConnectionError(error)) {
    return new StorageUnavailableError(
      `Cannot reach the PostgreSQL database ${where} (${reason}) while ${doing}. Check that the server is running and that DATABASE_URL points at it.`,
      { cause: error },
    );
  } else if (code === '3D000') {
    message = `The PostgreSQL database ${where} does not exist (${reason}). Create it (createdb) or fix DATABASE_URL.`;
  } else if (code.startsWith('28')) {
    message = `PostgreSQL refused the login to ${where} (${reason}). Check the user and password in DATABASE_URL.`;
  } else {
    message = `PostgreSQL ${where} failed while ${doing}: ${reason}`;
  }
  return new StorageError(message, { cause: error });
};

const readApplied = async (client: pg.PoolClient): Promise<AppliedMigration[]> => {
  const { rows } = await client.query<{ id: string; checksum?: string | null }>('SELECT * FROM schema_migrations');
  return rows.map((row) => ({ id: row.id, checksum: row.checksum ?? null }));
};

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, in one transaction
 * holding an advisory lock, so instances starting together do not race; records each with its
 * checksum and refuses, by name, an applied migration whose SQL was edited since. PostgreSQL
 * changes its schema inside transactions, so a failure leaves nothing half-applied.
 * Returns the ids applied now.
 */
export const applyPostgresMigrations = async (
  pool: PgPool,
  migrations: readonly Migration[],
  where: string,
  logger: Logger = silentLogger,
): Promise<string[]> => {
  const client = await pool.connect();
  const applied: string[] = [];
  let backfilled = 0;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(SCHEMA_MIGRATIONS_SQL);
    const plan = planMigrations(migrations, await readApplied(client), 'postgres', where);
    for (const migration of plan.pending) {
      try {
        // No parameters: the simple protocol, which runs several statements in one string.
        await client.query(migration.postgres);
      } catch (error) {
        if (isConnectionError(error)) throw error;
        throw new StorageError(
          `Migration ${migration.id} failed on ${where}: ${errorMessage(error)}. No migration of this batch was applied.`,
          { cause: error },
        );
      }
      await client.query('INSERT INTO schema_migrations (id, applied_at, checksum) VALUES ($1, $2, $3)', [
        migration.id,
        new Date().toISOString(),
        migrationChecksum(migration.postgres),
      ]);
      applied.push(migration.id);
    }
    for (const { id, checksum } of plan.backfill) {
      const result = await client.query('UPDATE schema_migrations SET checksum = $1 WHERE id = $2 AND checksum IS NULL', [checksum, id]);
      backfilled += result.rowCount ?? 0;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw postgresFailure(where, 'applying migrations', error);
  } finally {
    client.release();
  }
  if (applied.length > 0 || backfilled > 0) {
    logger.info({ database: where, migrations: applied, checksumsRecorded: backfilled }, 'Applied database migrations');
  }
  return applied;
};

/**
 * Connects a pool to the PostgreSQL database at `url` and applies `migrations` under the
 * migration lock. Every failure is a {@link StorageError} naming the database (never the password).
 */
export const openPostgres = async (url: string, options: OpenPostgresOptions = {}): Promise<PostgresDatabase> => {
  const logger = options.logger ?? silentLogger;
  const where = describeDatabaseUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    query_timeout: options.queryTimeoutMs ?? 10_000,
    keepAlive: true,
  });
  // An idle connection the server drops (a restart) is reported here; without a listener it would
  // be an uncaught error that ends the process. The pool replaces the connection on next use.
  pool.on('error', (error) => logger.warn({ database: where, err: errorMessage(error) }, 'database connection lost'));
  try {
    await applyPostgresMigrations(pool, options.migrations ?? [], where, logger);
    return new PostgresDatabase(pool, where);
  } catch (error) {
    await pool.end().catch(() => {});
    throw postgresFailure(where, 'opening the database', error);
  }
};
