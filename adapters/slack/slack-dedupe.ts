import { StorageUnavailableError, errorMessage } from '../../src/core/errors.js';
import type { Clock, DedupeStore, Logger } from '../../src/core/ports.js';

/**
 * Remembers the most recent keys (event ids, message timestamps) in insertion order, forgetting the
 * oldest beyond `capacity`. Slack may deliver the same event twice (a retry racing the first
 * delivery, or an `app_mention` and a `message.im` for one DM), and each must be answered once.
 */
export class RecentKeys {
  private readonly keys = new Map<string, true>();

  constructor(private readonly capacity = 2_000) {}

  /** True when any key was seen before; otherwise remembers them all and returns false. */
  seen(...keys: Array<string | undefined>): boolean {
    const present = keys.filter((key): key is string => key !== undefined && key !== '');
    if (present.some((key) => this.keys.has(key))) return true;
    for (const key of present) {
      this.keys.set(key, true);
      if (this.keys.size > this.capacity) {
        const oldest = this.keys.keys().next();
        if (!oldest.done) this.keys.delete(oldest.value);
      }
    }
    return false;
  }

  /** Forgets keys taken by a delivery that was then not handled, so a redelivery is. */
  forget(...keys: readonly string[]): void {
    for (const key of keys) this.keys.delete(key);
  }

  get size(): number {
    return this.keys.size;
  }
}

/**
 * Deliveries already taken, by this instance or, through the shared store, by any instance: with
 * several instances behind a load balancer (or several Socket Mode connections) Slack's retry of an
 * event often lands on another instance than the first attempt. This instance's own keys are
 * checked first, without a round trip. When the shared store fails on a statement the delivery is
 * handled: answering a rare retry twice is better than answering nobody. When the database cannot
 * be reached at all, nothing could be saved anyway: the keys are given back and the
 * {@link StorageUnavailableError} thrown, so the caller can leave the delivery to a redelivery.
 */
export class DeliveryDedupe {
  readonly #local = new RecentKeys();
  readonly #shared: DedupeStore | undefined;
  readonly #clock: Clock;
  readonly #logger: Logger;

  constructor(shared: DedupeStore | undefined, clock: Clock, logger: Logger) {
    this.#shared = shared;
    this.#clock = clock;
    this.#logger = logger;
  }

  /**
   * True when any key was taken before; otherwise takes them all and returns false. Also false when
   * the database cannot be reached: the handler then tells the user nothing could be saved.
   */
  async seen(...keys: Array<string | undefined>): Promise<boolean> {
    try {
      return await this.take(...keys);
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      this.#logger.warn({ component: 'slack', err: error.message }, 'database unreachable; handling the delivery');
      return false;
    }
  }

  /** Like {@link seen}, but throws a {@link StorageUnavailableError} when the database cannot be reached. */
  async take(...keys: Array<string | undefined>): Promise<boolean> {
    const present = keys.filter((key): key is string => key !== undefined && key !== '');
    if (this.#local.seen(...present)) return true;
    if (this.#shared === undefined || present.length === 0) return false;
    try {
      return !(await this.#shared.claim(present, this.#clock.now()));
    } catch (error) {
      if (error instanceof StorageUnavailableError) {
        this.#local.forget(...present);
        throw error;
      }
      this.#logger.warn({ component: 'slack', err: errorMessage(error) }, 'shared deduplication unavailable; handling the delivery');
      return false;
    }
  }
}
