import type { Platform } from '../core/events.js';
import type { ChartRenderer, Clock, GroupRoundPort, Logger, Notifier } from '../core/ports.js';
import type { ResultStore } from '../core/assessment-store.js';
import type { Framework } from '../assessment/framework-schema.js';
import type { CoordinatorConfig } from '../reminders/permissions.js';
import type { SetTimer, ClearTimer } from '../reminders/scheduler.js';
import { createRoundCloser, type RoundCloser } from './round-closer.js';
import type { RoundStore } from './round.js';
import { RoundService } from './round-service.js';

export interface RoundsDeps extends CoordinatorConfig {
  store: RoundStore;
  results: ResultStore;
  frameworks: readonly Framework[];
  notifiers: Partial<Record<Platform, Notifier>>;
  charts?: ChartRenderer;
  clock: Clock;
  logger: Logger;
  defaultTimeZone: string;
  newResultId: () => string;
  newId?: () => string;
  setTimer?: SetTimer;
  clearTimer?: ClearTimer;
}

/** Wires the round service (for the router) to the closer (which main starts and stops). */
export const createRounds = (deps: RoundsDeps): { port: GroupRoundPort; service: RoundService; closer: RoundCloser } => {
  let closer: RoundCloser | undefined;
  const service = new RoundService({ ...deps, onChange: () => void closer?.refresh() });
  closer = createRoundCloser({
    store: deps.store, close: (round) => service.closeRound(round), clock: deps.clock, logger: deps.logger,
    ...(deps.setTimer === undefined ? {} : { setTimer: deps.setTimer }),
    ...(deps.clearTimer === undefined ? {} : { clearTimer: deps.clearTimer }),
  });
  return { port: service, service, closer };
};
