import { errorMessage } from '../core/errors.js';
import type { Platform } from '../core/events.js';
import type { Clock, DeliveryTarget, Logger, Notifier } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import type { BuildDigest } from './digest.js';
import { latestSlotBetween, nextSlotAfter } from './next-run.js';
import type { DeliveryRecord, Reminder, ReminderStore } from './reminder.js';

/** Starts a timer; returns a handle for {@link ClearTimer}. */
export type SetTimer = (run: () => void, ms: number) => unknown;
export type ClearTimer = (handle: unknown) => void;

export interface RetryOptions {
  /** Delivery attempts per slot, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled before each further one. */
  baseDelayMs: number;
}

export interface ReminderSchedulerDeps {
  store: ReminderStore;
  /** The adapters' notifiers by platform; a reminder for a platform without one is logged as failed. */
  notifiers: Partial<Record<Platform, Notifier>>;
  clock: Clock;
  buildDigest: BuildDigest;
  logger: Logger;
  /** Default: 4 attempts, 30 s, 60 s, 120 s apart. */
  retry?: RetryOptions;
  setTimer?: SetTimer;
  clearTimer?: ClearTimer;
  /** Longest single wait before looking again; default one hour (setTimeout cannot wait beyond ~24.8 days). */
  maxSleepMs?: number;
  /** Workspaces the bot was removed from: their reminders are not sent (nor their slots claimed). */
  removedWorkspaces?: () => Promise<ReadonlySet<string>>;
  /** Run before each look for due reminders (the data retention job); must not throw. */
  housekeeping?: () => Promise<void>;
}

export interface TickResult {
  claimed: number;
  sent: number;
  failed: number;
}

export interface ReminderScheduler {
  /** Sends what was missed while the bot was down (once per reminder), then keeps a timer to the next run. */
  start(): void;
  /** Clears the timers, abandons pending retries (their slots stay claimed) and waits for sends in flight. */
  stop(): Promise<void>;
  /** Claims and sends everything due at `clock.now()`; resolves when those sends (retries included) are done. */
  tick(): Promise<TickResult>;
  /** Sets the timer again after reminders were added, resumed or deleted; resolves once it is set. */
  refresh(): Promise<void>;
  /** Resolves when no send is in flight. */
  idle(): Promise<void>;
}

const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 30_000 };
const HOUR_MS = 3_600_000;
/** Floor of the wait between timer ticks, so a slot that keeps being due cannot spin the loop. */
const MIN_SLEEP_MS = 1000;

/** Node's timers behind plain handles, so `clearTimer` needs no knowledge of Node's handle type. */
const nodeTimers = (): { set: SetTimer; clear: ClearTimer } => {
  const handles = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 0;
  return {
    set: (run, ms) => {
      const id = ++next;
      handles.set(id, setTimeout(() => { handles.delete(id); run(); }, ms));
      return id;
    },
    clear: (handle) => {
      if (typeof handle !== 'number') return;
      clearTimeout(handles.get(handle));
      handles.delete(handle);
    },
  };
};

const targetOf = (reminder: Reminder): DeliveryTarget =>
  reminder.target.kind === 'channel'
    ? { platform: reminder.platform, workspaceId: reminder.workspaceId, channelId: reminder.target.channelId }
    : { platform: reminder.platform, workspaceId: reminder.workspaceId, userId: reminder.target.userId };

/** Slots at or before this are done or were never wanted. */
const countFrom = (reminder: Reminder): Date =>
  reminder.lastSlot !== undefined && reminder.lastSlot > reminder.activeSince ? reminder.lastSlot : reminder.activeSince;

/**
 * Sends reminder digests on schedule. Each slot is claimed in the store (compare-and-set on the
 * reminder's last slot) before anything is sent, so a slot goes out at most once, also across a
 * restart or with two processes on one database. Delivery is at-most-once: a send that still fails
 * after the last retry, or a process that stops between claim and send, loses that one digest
 * (logged, and kept in the delivery log); the next slot is sent as usual. We prefer a missed digest
 * to a coordinator receiving the same one twice.
 */
export const createReminderScheduler = (deps: ReminderSchedulerDeps): ReminderScheduler => {
  const { store, clock, logger } = deps;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const timers = deps.setTimer !== undefined && deps.clearTimer !== undefined ? { set: deps.setTimer, clear: deps.clearTimer } : nodeTimers();
  const maxSleepMs = deps.maxSleepMs ?? HOUR_MS;
  let started = false;
  let stopped = false;
  let timer: unknown;
  const inFlight = new Set<Promise<unknown>>();
  /** Pending back-off waits: stopping resolves them at once so their sends can give up. */
  const waits = new Map<unknown, () => void>();

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const handle = timers.set(() => { waits.delete(handle); resolve(); }, ms);
      waits.set(handle, resolve);
    });

  const record = async (reminder: Reminder, slot: Date, outcome: Pick<DeliveryRecord, 'status' | 'attempts'> & { error?: string }): Promise<void> => {
    try {
      await store.recordDelivery({ reminderId: reminder.id, workspace: reminder.workspace, slot, updatedAt: clock.now(), ...outcome });
    } catch (error) {
      logger.error({ err: errorMessage(error), reminder: reminder.id }, 'reminder delivery log not written');
    }
  };

  const send = async (reminder: Reminder, slot: Date): Promise<'sent' | 'failed'> => {
    const log = { reminder: reminder.id, workspace: reminder.workspace, slot: slot.toISOString() };
    const notifier = deps.notifiers[reminder.platform];
    if (notifier === undefined) {
      logger.error({ ...log, platform: reminder.platform }, 'no notifier for the reminder’s platform; reminder not sent');
      await record(reminder, slot, { status: 'failed', attempts: 0, error: `no notifier for ${reminder.platform}` });
      return 'failed';
    }
    let replies: Reply[];
    try {
      replies = await deps.buildDigest(reminder, { slot, now: clock.now() });
    } catch (error) {
      logger.error({ ...log, err: errorMessage(error) }, 'reminder digest could not be built; reminder not sent');
      await record(reminder, slot, { status: 'failed', attempts: 0, error: errorMessage(error) });
      return 'failed';
    }
    let lastError = '';
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (stopped && attempt > 1) {
        logger.warn({ ...log, attempts: attempt - 1 }, 'scheduler stopped before the next retry; reminder not sent');
        await record(reminder, slot, { status: 'failed', attempts: attempt - 1, error: `stopped after: ${lastError}` });
        return 'failed';
      }
      try {
        await notifier.deliver(targetOf(reminder), replies);
        logger.info({ ...log, attempts: attempt }, 'reminder sent');
        await record(reminder, slot, { status: 'sent', attempts: attempt });
        return 'sent';
      } catch (error) {
        lastError = errorMessage(error);
        if (attempt < retry.attempts) {
          const delayMs = retry.baseDelayMs * 2 ** (attempt - 1);
          logger.warn({ ...log, attempt, delayMs, err: lastError }, 'reminder delivery failed; retrying');
          await wait(delayMs);
        }
      }
    }
    logger.error({ ...log, attempts: retry.attempts, err: lastError }, 'reminder delivery failed after the last attempt; this slot is not sent again');
    await record(reminder, slot, { status: 'failed', attempts: retry.attempts, error: lastError });
    return 'failed';
  };

  const listSendable = async (): Promise<Reminder[]> => {
    const removed = (await deps.removedWorkspaces?.()) ?? new Set<string>();
    return (await store.listActive()).filter((reminder) => !removed.has(reminder.workspace));
  };

  /**
   * Claims every due slot and starts their sends. Whether a slot is this instance's to send is
   * decided by the store's claim alone, so instances (or overlapping runs) racing for a slot cannot
   * both send it; runs within an instance still take turns (see `claimInTurn`) to spare the work.
   */
  const claimDue = async (): Promise<Array<Promise<'sent' | 'failed'>>> => {
    const now = clock.now();
    const sends: Array<Promise<'sent' | 'failed'>> = [];
    await deps.housekeeping?.();
    let active: Reminder[];
    try {
      active = await listSendable();
    } catch (error) {
      logger.error({ err: errorMessage(error) }, 'reminders could not be read; trying again later');
      return sends;
    }
    for (const reminder of active) {
      try {
        const slot = latestSlotBetween(reminder.schedule, reminder.timeZone, countFrom(reminder), now);
        if (slot === undefined) continue;
        if (!(await store.claimSlot(reminder, slot, now))) {
          logger.debug({ reminder: reminder.id, slot: slot.toISOString() }, 'reminder slot already claimed');
          continue;
        }
        const send$ = send(reminder, slot);
        inFlight.add(send$);
        void send$.finally(() => inFlight.delete(send$));
        sends.push(send$);
      } catch (error) {
        logger.error({ err: errorMessage(error), reminder: reminder.id }, 'reminder could not be scheduled');
      }
    }
    return sends;
  };

  let claiming: Promise<unknown> = Promise.resolve();
  const claimInTurn = (): Promise<Array<Promise<'sent' | 'failed'>>> => {
    const next = claiming.then(claimDue);
    claiming = next.catch(() => undefined);
    return next;
  };

  const nextWakeMs = async (): Promise<number> => {
    const now = clock.now();
    let earliest = Number.POSITIVE_INFINITY;
    try {
      // A removed workspace's missed slots must not wake the timer every second.
      for (const reminder of await listSendable()) {
        try {
          const next = nextSlotAfter(reminder.schedule, reminder.timeZone, countFrom(reminder));
          if (next !== undefined) earliest = Math.min(earliest, next.getTime());
        } catch (error) {
          logger.error({ err: errorMessage(error), reminder: reminder.id }, 'next run could not be computed');
        }
      }
    } catch (error) {
      logger.error({ err: errorMessage(error) }, 'reminders could not be read; trying again later');
    }
    return Math.min(maxSleepMs, Math.max(MIN_SLEEP_MS, earliest - now.getTime()));
  };

  const arm = async (): Promise<void> => {
    if (!started || stopped) return;
    const ms = await nextWakeMs();
    // Stopped while reading, or armed again meanwhile: the clear and set below stay together.
    if (!started || stopped) return;
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(() => {
      timer = undefined;
      run().catch((error: unknown) => logger.error({ err: errorMessage(error) }, 'reminder run failed'));
    }, ms);
  };

  const summarise = async (sends: Array<Promise<'sent' | 'failed'>>): Promise<TickResult> => {
    const outcomes = await Promise.all(sends);
    return {
      claimed: outcomes.length,
      sent: outcomes.filter((outcome) => outcome === 'sent').length,
      failed: outcomes.filter((outcome) => outcome === 'failed').length,
    };
  };

  /** Claiming and re-arming under way: `idle` waits for these as well as for the sends they start. */
  const phases = new Set<Promise<unknown>>();

  const run = (): Promise<TickResult> => {
    const phase = (async () => {
      const sends = await claimInTurn();
      await arm();
      return sends;
    })();
    phases.add(phase);
    void phase.finally(() => phases.delete(phase)).catch(() => undefined);
    return phase.then(summarise);
  };

  const idle = async (): Promise<void> => {
    while (phases.size > 0 || inFlight.size > 0) await Promise.allSettled([...phases, ...inFlight]);
  };

  return {
    start() {
      if (started) return;
      started = true;
      stopped = false;
      run().catch((error: unknown) => logger.error({ err: errorMessage(error) }, 'reminder run failed'));
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      for (const [handle, resolve] of waits) {
        timers.clear(handle);
        resolve();
      }
      waits.clear();
      await claiming;
      await idle();
      started = false;
    },
    tick: async () => (started ? run() : summarise(await claimInTurn())),
    refresh: arm,
    idle,
  };
};
