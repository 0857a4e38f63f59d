import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AssessmentService } from './assessment/assessment-service.js';
import { ChartWorkerPool } from './assessment/chart-workers.js';
import type { Framework } from './assessment/framework-schema.js';
import { LiveFrameworks } from './assessment/live-frameworks.js';
import { createBot } from './core/bot.js';
import type { Platform } from './core/events.js';
import { systemClock, type ChatBot, type Clock, type Logger, type Notifier, type WorkspaceLifecycle } from './core/ports.js';
import { knowledgePaths } from './knowledge/default-paths.js';
import { LiveKnowledgeBase } from './knowledge/live-knowledge.js';
import { DocumentLibrary } from './library/library-service.js';
import { WorkspaceKnowledge } from './library/workspace-knowledge.js';
import { createPrivacyService } from './privacy/privacy-service.js';
import { createRetention } from './privacy/retention.js';
import { createReminders } from './reminders/reminders.js';
import type { ReminderScheduler } from './reminders/scheduler.js';
import type { RoundCloser } from './rounds/round-closer.js';
import type { RoundService } from './rounds/round-service.js';
import { createRounds } from './rounds/rounds.js';
import { createSqliteStores } from './storage/sqlite-stores.js';
import { erasableStores, type Stores } from './storage/stores.js';
import type { TokenCipher } from './storage/token-cipher.js';

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
  /** Days a removed workspace's data is kept (default 30). */
  retentionDaysAfterRemoval?: number;
  /** Days an untouched assessment in progress is kept (default 180). */
  retentionDaysInProgress?: number;
  /**
   * Rebuild the index in the background when a file in the knowledge folder is added, changed or
   * removed (see LiveKnowledgeBase), and read the frameworks again when one in its `frameworks`
   * folder is (see LiveFrameworks); `poll` looks every two seconds instead of waiting for change
   * events. Off unless asked, so tools and tests stay still.
   */
  watchKnowledge?: boolean | 'poll';
  /** Quiet time after a change before rebuilding; the default is half a second. */
  knowledgeReloadMs?: number;
  /** Called once when a write finds the database file deleted or replaced; main stops the process. */
  onDatabaseGone?: (reason: string) => void;
  /** Encrypts installation tokens in the SQLite store (OAuth mode); PostgreSQL stores bring their own. */
  tokenCipher?: TokenCipher;
}

/** The platform-neutral part of the application, wired to its real knowledge base and database. */
export interface Core {
  bot: ChatBot;
  knowledge: LiveKnowledgeBase;
  /** The shared documents and each workspace's own, as questions are answered from them. */
  answers: WorkspaceKnowledge;
  /** The frameworks in use; with `watchKnowledge`, replaced in place when the frameworks folder changes. */
  frameworks: Framework[];
  /** Follows the frameworks folder; closed with the core. */
  liveFrameworks: LiveFrameworks;
  stores: Stores;
  assessments: AssessmentService;
  /** Draws assessment charts in worker threads; closed with the core. */
  charts: ChartWorkerPool;
  reminders: ReminderScheduler;
  /** City-wide rounds; the service is exposed so tests and shutdown can wait for invitation updates. */
  rounds: RoundService;
  /** Closes rounds at their deadline; main starts it with the reminders. */
  roundCloser: RoundCloser;
  /** Adapters put their notifier here once started; reminders are delivered through it. */
  notifiers: Partial<Record<Platform, Notifier>>;
  /** What adapters tell when the bot is removed from a workspace or added back. */
  lifecycle: WorkspaceLifecycle;
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
  const liveFrameworks = LiveFrameworks.open(join(options.knowledgeDir, 'frameworks'), {
    logger,
    ...(options.knowledgeReloadMs === undefined ? {} : { debounceMs: options.knowledgeReloadMs }),
  });
  let stores: Stores;
  try {
    stores =
      options.stores ??
      createSqliteStores(options.databasePath, logger, {
        ...(options.onDatabaseGone === undefined ? {} : { onFileGone: options.onDatabaseGone }),
        ...(options.tokenCipher === undefined ? {} : { tokenCipher: options.tokenCipher }),
      });
    if (options.watchKnowledge === true || options.watchKnowledge === 'poll') {
      await knowledge.watch({ poll: options.watchKnowledge === 'poll' });
      await liveFrameworks.watch({ poll: options.watchKnowledge === 'poll' });
    }
  } catch (error) {
    await liveFrameworks.close();
    await knowledge.close();
    throw error;
  }
  const answers = new WorkspaceKnowledge(knowledge, stores.documents, { logger });
  // One list for the life of the core: a reload replaces its contents (see LiveFrameworks).
  const frameworks = liveFrameworks.list;
  const assessments = new AssessmentService({
    frameworks,
    sessions: stores.sessions,
    results: stores.results,
    answers,
    clock,
    logger,
    newId: randomUUID,
  });
  const documents = new DocumentLibrary({
    store: stores.documents,
    newId: randomUUID,
    clock,
    logger,
    coordinatorIds: options.coordinatorIds ?? [],
    coordinatorRoles: options.coordinatorRoles ?? [],
  });
  const notifiers: Partial<Record<Platform, Notifier>> = {};
  const erasable = erasableStores(stores);
  const retention = createRetention({
    status: stores.workspaceStatus, erasable, sessions: stores.sessions, clock, logger,
    daysAfterRemoval: options.retentionDaysAfterRemoval ?? 30,
    daysInProgress: options.retentionDaysInProgress ?? 180,
  });
  const reminders = createReminders({
    store: stores.reminders,
    results: stores.results,
    sessions: stores.sessions,
    rounds: stores.rounds,
    frameworks,
    answers: knowledge,
    notifiers,
    clock,
    logger,
    defaultTimeZone: options.defaultTimeZone ?? 'Europe/London',
    coordinatorIds: options.coordinatorIds ?? [],
    coordinatorRoles: options.coordinatorRoles ?? [],
    removedWorkspaces: retention.removedWorkspaces,
    housekeeping: retention.run,
  });
  const privacy = createPrivacyService({
    erasable, clock, logger,
    coordinatorIds: options.coordinatorIds ?? [],
    coordinatorRoles: options.coordinatorRoles ?? [],
    records: async (workspace) => ({
      sessions: await stores.sessions.listByWorkspace(workspace),
      reminders: await stores.reminders.listByWorkspace(workspace),
      feedback: await stores.feedback.listByWorkspace(workspace),
    }),
  });
  const charts = new ChartWorkerPool();
  const rounds = createRounds({
    store: stores.rounds,
    results: stores.results,
    frameworks,
    notifiers,
    charts,
    clock,
    logger,
    defaultTimeZone: options.defaultTimeZone ?? 'Europe/London',
    newResultId: randomUUID,
    coordinatorIds: options.coordinatorIds ?? [],
    coordinatorRoles: options.coordinatorRoles ?? [],
  });
  const bot = createBot({
    answers, documents, assessments, feedback: stores.feedback, reminders: reminders.port, privacy, rounds: rounds.port, charts, logger, clock,
  });
  return {
    bot,
    knowledge,
    answers,
    frameworks,
    liveFrameworks,
    stores,
    assessments,
    charts,
    reminders: reminders.scheduler,
    rounds: rounds.service,
    roundCloser: rounds.closer,
    notifiers,
    lifecycle: retention.lifecycle,
    close: async () => {
      await liveFrameworks.close();
      await knowledge.close();
      await reminders.scheduler.stop();
      await rounds.closer.stop();
      await rounds.service.idle();
      await charts.close();
      await stores.close();
    },
  };
};
