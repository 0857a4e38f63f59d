import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of this run's own PostgreSQL database; empty when PostgreSQL is not available. */
    postgresUrl: string;
  }
}

/** Where the project's machines run PostgreSQL 15 (trust authentication). */
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/**
 * Vitest global setup: creates a database of this run's own in the PostgreSQL at
 * TEST_DATABASE_URL (default {@link DEFAULT_URL}), provides its URL to the test files, and drops it
 * when the run ends. Without PostgreSQL its suites are skipped with one line saying why; with
 * REQUIRE_POSTGRES=1 (CI) that is a failure instead.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const baseUrl = process.env.TEST_DATABASE_URL?.trim() || DEFAULT_URL;
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    const why = `cannot connect to ${new URL(baseUrl).host} (${error instanceof Error ? error.message : String(error)})`;
    if (process.env.REQUIRE_POSTGRES === '1') {
      throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${why}. Start it, or set TEST_DATABASE_URL.`);
    }
    process.stdout.write(`PostgreSQL suites skipped: ${why}; set TEST_DATABASE_URL or start PostgreSQL to run them.\n`);
    project.provide('postgresUrl', '');
    return undefined;
  }
  const database = `lcb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  project.provide('postgresUrl', withDatabase(baseUrl, database));
  return async () => {
    const dropper = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
}
