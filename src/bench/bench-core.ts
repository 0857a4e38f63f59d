import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createCore, type Core } from '../app.js';
import type { Logger } from '../core/ports.js';
import { projectRoot } from '../knowledge/default-paths.js';
import { createLogger } from '../logger.js';
import type { Database } from '../storage/sqlite-database.js';
import { createPostgresStores } from '../storage/postgres-stores.js';
import type { PostgresStores } from '../storage/postgres-stores.js';
import { createSqliteStores } from '../storage/sqlite-stores.js';

/** The real core over a fresh SQLite file in a temp folder, removed by `dispose`. */
export interface BenchCore {
  core: Core;
  databasePath: string;
  /** The core's SQLite connection, for measuring the file. */
  db: Database;
  logger: Logger;
  dispose(): Promise<void>;
}

/**
 * Builds the core as `src/main.ts` does: the shipped knowledge base, a new SQLite database, and the
 * project's pino logger at `info` (as deployed), writing to /dev/null so log formatting is paid for
 * but nothing is printed.
 */
export const createBenchCore = async (knowledgeDir = join(projectRoot, 'knowledge')): Promise<BenchCore> => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-bench-core-'));
  const databasePath = join(dir, 'bot.db');
  const logger = createLogger({ level: 'info', destination: pino.destination({ dest: '/dev/null', sync: true }) });
  const stores = createSqliteStores(databasePath, logger);
  const core = await createCore({ knowledgeDir, databasePath, logger, stores });
  return {
    core,
    databasePath,
    db: stores.db,
    logger,
    dispose: async () => {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** The real core over the PostgreSQL database at `url`, as `src/main.ts` builds it when DATABASE_URL is set. */
export interface PostgresBenchCore {
  core: Core;
  stores: PostgresStores;
  logger: Logger;
  dispose(): Promise<void>;
}

export const createPostgresBenchCore = async (url: string, knowledgeDir = join(projectRoot, 'knowledge')): Promise<PostgresBenchCore> => {
  const logger = createLogger({ level: 'info', destination: pino.destination({ dest: '/dev/null', sync: true }) });
  const stores = await createPostgresStores(url, logger);
  const core = await createCore({ knowledgeDir, databasePath: '', logger, stores });
  return { core, stores, logger, dispose: () => core.close() };
};
