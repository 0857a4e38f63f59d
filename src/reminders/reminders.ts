import type { Platform } from '../core/events.js';
import type { AnswerPort, Clock, Logger, Notifier, ReminderPort } from '../core/ports.js';
import type { ResultStore, SessionStore } from '../core/assessment-store.js';
import type { Framework } from '../assessment/framework-schema.js';
import type { RoundStore } from '../rounds/round.js';
import { createDigestBuilder } from './digest.js';
import type { CoordinatorConfig } from './permissions.js';
import type { ReminderStore } from './reminder.js';
import { createReminderService } from './reminder-service.js';
import { createReminderScheduler, type ReminderScheduler, type RetryOptions } from './scheduler.js';

export interface RemindersDeps extends CoordinatorConfig {
  store: ReminderStore;
  results: ResultStore;
  sessions: SessionStore;
  /** City-wide rounds, mentioned in digests while open. */
  rounds?: RoundStore;
  frameworks: readonly Framework[];
  answers: AnswerPort;
  notifiers: Partial<Record<Platform, Notifier>>;
  clock: Clock;
  logger: Logger;
  /** IANA zone for schedules that name none, e.g. `Europe/London`. */
  defaultTimeZone: string;
  retry?: RetryOptions;
  maxPerWorkspace?: number;
  reassessAfterDays?: number;
  /** Workspaces the bot was removed from: their reminders are not sent. */
  removedWorkspaces?: () => Promise<ReadonlySet<string>>;
  /** Run with every look for due reminders, on every instance (the data retention job). */
  housekeeping?: () => Promise<void>;
}

/**
 * Wires the reminder service (for the router) to the scheduler (which main starts and stops), so a
 * new, resumed or deleted reminder re-arms the timer at once.
 */
export const createReminders = (deps: RemindersDeps): { port: ReminderPort; scheduler: ReminderScheduler } => {
  const buildDigest = createDigestBuilder({
    results: deps.results, sessions: deps.sessions, frameworks: deps.frameworks, answers: deps.answers, logger: deps.logger,
    ...(deps.rounds === undefined ? {} : { rounds: deps.rounds }),
    ...(deps.reassessAfterDays === undefined ? {} : { reassessAfterDays: deps.reassessAfterDays }),
  });
  const scheduler = createReminderScheduler({
    store: deps.store, notifiers: deps.notifiers, clock: deps.clock, buildDigest, logger: deps.logger,
    ...(deps.retry === undefined ? {} : { retry: deps.retry }),
    ...(deps.removedWorkspaces === undefined ? {} : { removedWorkspaces: deps.removedWorkspaces }),
    ...(deps.housekeeping === undefined ? {} : { housekeeping: deps.housekeeping }),
  });
  const port = createReminderService({
    store: deps.store, results: deps.results, clock: deps.clock, logger: deps.logger, defaultTimeZone: deps.defaultTimeZone,
    onChange: () => void scheduler.refresh(),
    ...(deps.coordinatorIds === undefined ? {} : { coordinatorIds: deps.coordinatorIds }),
    ...(deps.coordinatorRoles === undefined ? {} : { coordinatorRoles: deps.coordinatorRoles }),
    ...(deps.maxPerWorkspace === undefined ? {} : { maxPerWorkspace: deps.maxPerWorkspace }),
  });
  return { port, scheduler };
};
