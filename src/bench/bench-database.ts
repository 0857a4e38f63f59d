import pg from 'pg';

/** Where the project's machines run PostgreSQL 15 (trust authentication); BENCH_DATABASE_URL overrides it. */
export const DEFAULT_BENCH_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

/** A database of the benchmark's own, dropped by `drop`. */
export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

const adminRun = async (url: string, text: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

let made = 0;

/**
 * Creates `lcbot_bench_<pid>_<n>` on the server at `baseUrl` (whose database is only used to
 * connect), so a run never touches anyone's data and leaves nothing behind once `drop` ran.
 */
export const createBenchDatabase = async (baseUrl: string): Promise<BenchDatabase> => {
  const name = `lcbot_bench_${process.pid}_${++made}`;
  await adminRun(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminRun(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminRun(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
};
