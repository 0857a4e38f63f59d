import Database from 'better-sqlite3';
import pg from 'pg';

/** Every row of every table, as `table: JSON of the row`, read from a SQLite file on a connection of its own. */
export const sqliteRows = (path: string): string[] => {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return tables.flatMap((table) => db.prepare(`SELECT * FROM "${table}"`).all().map((row) => `${table}: ${JSON.stringify(row)}`));
  } finally {
    db.close();
  }
};

/** Every row of every table in a PostgreSQL schema, as `table: row as text`. */
export const postgresRows = async (url: string, schema: string): Promise<string[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name",
      [schema],
    );
    const all: string[] = [];
    for (const { table_name: table } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${table}" t`);
      all.push(...rows.map(({ row }) => `${table}: ${row}`));
    }
    return all;
  } finally {
    await client.end();
  }
};
