import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createCore, type Core } from '../app.js';
import type { Logger } from '../core/ports.js';
import { projectRoot } from '../knowledge/default-paths.js';
import { createLogger } from '../logger.js';

/** The real core over a fresh SQLite file in a temp folder, removed by `dispose`. */
export interface BenchCore {
  core: Core;
  databasePath: string;
  logger: Logger;
  dispose(): Promise<void>;
}

/**
 * Builds the core as `src/main.ts` does: the shipped knowledge base, a new SQLite database, and the
 * project's pino logger at `info` (as deployed), writing to /dev/null so log formatting is paid for
 * but nothing is printed.
 */
export const createBenchCore = (knowledgeDir = join(projectRoot, 'knowledge')): BenchCore => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-bench-core-'));
  const databasePath = join(dir, 'bot.db');
  const logger = createLogger({ level: 'info', destination: pino.destination({ dest: '/dev/null', sync: true }) });
  const core = createCore({ knowledgeDir, databasePath, logger });
  return {
    core,
    databasePath,
    logger,
    dispose: async () => {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
