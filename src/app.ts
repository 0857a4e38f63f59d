import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AssessmentService } from './assessment/assessment-service.js';
import { ChartWorkerPool } from './assessment/chart-workers.js';
import { formatFrameworkError, loadFrameworks } from './assessment/framework-loader.js';
import type { Framework } from './assessment/framework-schema.js';
import { createBot } from './core/bot.js';
import type { Platform } from './core/events.js';
import { systemClock, type ChatBot, type Clock, type Logger, type Notifier } from './core/ports.js';
import { knowledgePaths } from './knowledge/default-paths.js';
import { LiveKnowledgeBase } from './knowledge/live-knowledge.js';
import { createReminders } from './reminders/reminders.js';
import type { ReminderScheduler } from './reminders/scheduler.js';
import { createSqliteStores } from './storage/sqlite-stores.js';
import type { Stores } from './storage/stores.js';

export interface CoreOptions {
  knowledgeDir: string;
  /** The SQLite file, used when no `stores` are given. */
  databasePath: string;
  /** Stores opened elsewhere (PostgreSQL, from `DATABASE_URL`); SQLite at `databasePath` otherwise. */
  stores?: Stores;
  logger: Logger;
  clock?: Clock;
  /** Zone for reminder schedules that name none. */
  defaultTimeZone?: string;
  /** `platform:workspace:user` ids allowed to manage reminders besides workspace admins. */
  coordinatorIds?: string[];
  /** `platform:workspace:role` ids whose members may manage reminders. */
  coordinatorRoles?: string[];
  /**
   * Rebuild the index in the background when a file in the knowledge folder is added, changed or
   * removed (see LiveKnowledgeBase); `poll` looks every two seconds instead of waiting for change
   * events. Off unless asked, so tools and tests stay still.
   */
  watchKnowledge?: boolean | 'poll';
  /** Quiet time after a change before rebuilding; the default is half a second. */
  knowledgeReloadMs?: number;
  /** Called once when a write finds the database file deleted or replaced; main stops the process. */
  onDatabaseGone?: (reason: string) => void;
}

/** The platform-neutral part of the application, wired to its real knowledge base and database. */
export interface Core {
  bot: ChatBot;
  knowledge: LiveKnowledgeBase;
  frameworks: Framework[];
  stores: Stores;
  assessments: AssessmentService;
  /** Draws assessment charts in worker threads; closed with the core. */
  charts: ChartWorkerPool;
  reminders: ReminderScheduler;
  /** Adapters put their notifier here once started; reminders are delivered through it. */
  notifiers: Partial<Record<Platform, Notifier>>;
  close(): Promise<void>;
}

/**
 * Opens the knowledge base (building its index when the documents changed, and watching its folder
 * when asked), the SQLite store (unless `stores` are given) and the assessment frameworks, and
 * builds the bot on top. Rejects with a StorageError when the database cannot be opened; a bad
 * framework or document file is logged and skipped.
 */
export const createCore = async (options: CoreOptions): Promise<Core> => {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const knowledge = await LiveKnowledgeBase.open(knowledgePaths(options.knowledgeDir), {
    logger,
    ...(options.knowledgeReloadMs === undefined ? {} : { debounceMs: options.knowledgeReloadMs }),
  });
  let stores: Stores;
  try {
    stores =
      options.stores ??
      createSqliteStores(options.databasePath, logger, options.onDatabaseGone === undefined ? {} : { onFileGone: options.onDatabaseGone });
    if (options.watchKnowledge === true || options.watchKnowledge === 'poll') await knowledge.watch({ poll: options.watchKnowledge === 'poll' });
  } catch (error) {
    await knowledge.close();
    throw error;
  }
  const loaded = loadFrameworks(join(options.knowledgeDir, 'frameworks'));
  for (const error of loaded.errors) logger.warn({ file: error.file }, `framework skipped: ${formatFrameworkError(error)}`);
  logger.info({ frameworks: loaded.frameworks.map((f) => f.id) }, 'assessment frameworks loaded');
  const assessments = new AssessmentService({
    frameworks: loaded.frameworks,
    sessions: stores.sessions,
    results: stores.results,
    answers: knowledge,
    clock,
    logger,
    newId: randomUUID,
  });
  const notifiers: Partial<Record<Platform, Notifier>> = {};
  const reminders = createReminders({
    store: stores.reminders,
    results: stores.results,
    sessions: stores.sessions,
    frameworks: loaded.frameworks,
    answers: knowledge,
    notifiers,
    clock,
    logger,
    defaultTimeZone: options.defaultTimeZone ?? 'Europe/London',
    coordinatorIds: options.coordinatorIds ?? [],
    coordinatorRoles: options.coordinatorRoles ?? [],
  });
  const charts = new ChartWorkerPool();
  const bot = createBot({ answers: knowledge, assessments, feedback: stores.feedback, reminders: reminders.port, charts, logger, clock });
  return {
    bot,
    knowledge,
    frameworks: loaded.frameworks,
    stores,
    assessments,
    charts,
    reminders: reminders.scheduler,
    notifiers,
    close: async () => {
      await knowledge.close();
      await reminders.scheduler.stop();
      await charts.close();
      await stores.close();
    },
  };
};
