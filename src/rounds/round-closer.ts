import { errorMessage } from '../core/errors.js';
import type { Clock, Logger } from '../core/ports.js';
import type { ClearTimer, SetTimer } from '../reminders/scheduler.js';
import type { GroupRound, RoundStore } from './round.js';

export interface RoundCloserDeps {
  store: RoundStore;
  /** Closes one round; the store's claim inside makes a second call (here or elsewhere) a no-op. */
  close: (round: GroupRound) => Promise<unknown>;
  clock: Clock;
  logger: Logger;
  setTimer?: SetTimer;
  clearTimer?: ClearTimer;
  /** Longest wait before looking again, so rounds opened on another instance are seen; default one minute. */
  maxSleepMs?: number;
}

export interface RoundCloser {
  /** Closes what is overdue (after downtime too), then keeps a timer to the next deadline. */
  start(): void;
  stop(): Promise<void>;
  /** Closes every open round whose deadline has passed at `clock.now()`; resolves with how many this call closed. */
  tick(): Promise<number>;
  /** Sets the timer again after a round was opened. */
  refresh(): Promise<void>;
}

const MIN_SLEEP_MS = 1000;

/**
 * Closes rounds at their deadline. Runs on every instance; each round is closed by whichever
 * instance wins the store's compare-and-set, so the summary is posted once, also after downtime.
 */
export const createRoundCloser = (deps: RoundCloserDeps): RoundCloser => {
  const maxSleepMs = deps.maxSleepMs ?? 60_000;
  const set: SetTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clear: ClearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let timer: unknown;
  let running = false;
  let turn: Promise<unknown> = Promise.resolve();

  const closeDue = async (): Promise<number> => {
    const now = deps.clock.now();
    let closed = 0;
    let open: GroupRound[];
    try {
      open = await deps.store.listOpen();
    } catch (error) {
      deps.logger.error({ err: errorMessage(error) }, 'open rounds could not be read; trying again later');
      return 0;
    }
    for (const round of open.filter((r) => r.deadline.getTime() <= now.getTime())) {
      try {
        if ((await deps.close(round)) !== 'already') closed += 1;
      } catch (error) {
        deps.logger.error({ err: errorMessage(error), round: round.id }, 'round could not be closed');
      }
    }
    return closed;
  };

  const arm = async (): Promise<void> => {
    if (!running) return;
    let wait = maxSleepMs;
    try {
      const next = (await deps.store.listOpen())[0];
      if (next !== undefined) wait = Math.min(maxSleepMs, next.deadline.getTime() - deps.clock.now().getTime());
    } catch (error) {
      deps.logger.error({ err: errorMessage(error) }, 'open rounds could not be read; trying again later');
    }
    if (!running) return;
    if (timer !== undefined) clear(timer);
    timer = set(() => {
      timer = undefined;
      void tick().then(arm);
    }, Math.max(MIN_SLEEP_MS, wait));
  };

  // Runs within an instance take turns; across instances the store's claim decides.
  const tick = (): Promise<number> => {
    const next = turn.then(closeDue);
    turn = next.catch(() => undefined);
    return next;
  };

  return {
    start() {
      if (running) return;
      running = true;
      void tick().then(arm);
    },
    async stop() {
      running = false;
      if (timer !== undefined) clear(timer);
      timer = undefined;
      await turn;
    },
    tick,
    refresh: arm,
  };
};
