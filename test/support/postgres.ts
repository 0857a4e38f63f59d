import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** This run's PostgreSQL database (see postgres-setup.ts), or undefined when PostgreSQL is not available. */
export const postgresUrl: string | undefined = inject('postgresUrl') || undefined;

/** A suite that needs PostgreSQL is skipped (and counted as skipped) without it. */
export const withPostgres = postgresUrl !== undefined;

/**
 * A fresh schema in this run's database, and a URL whose connections use it, so each test starts
 * from an empty database without paying for a new one. `drop` removes the schema and its tables.
 */
export const freshSchema = async (): Promise<{ url: string; schema: string; drop: () => Promise<void> }> => {
  if (postgresUrl === undefined) throw new Error('PostgreSQL is not available in this run');
  const schema = `s_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema, drop: () => adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).then(() => {}) };
};

/** Runs one statement in this run's database on a connection of its own. */
export const adminQuery = async (text: string, params: unknown[] = []): Promise<pg.QueryResult> => {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
};
