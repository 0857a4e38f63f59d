import { summarize, type Timing } from './stats.js';

/** End-to-end latency of one platform at one level of concurrency. */
export interface LatencyRow {
  platform: string;
  concurrency: number;
  /** Requests that got their reply. */
  requests: number;
  /** Requests whose reply never came within the time limit. */
  failed: number;
  latency: Timing;
  /** Replies per second over the whole run. */
  perSecond: number;
}

/** Sends one request and resolves with its latency in ms (rejects when the reply never came). */
export type TimedRequest = (index: number) => Promise<number>;

/**
 * Closed loop: `concurrency` senders, each sending its next request as soon as the previous one was
 * answered, until `total` requests were sent. A warm-up of `warmup` requests (sent the same way,
 * not counted) comes first so JIT compilation does not land in the figures, and so every sender
 * has its keep-alive connection: a new connection accepted by a saturated server waits behind the
 * busy ones (seconds at 100 concurrent), which is the cost of a connection storm, not of a reply.
 */
export const runClosedLoop = async (
  platform: string,
  total: number,
  concurrency: number,
  send: TimedRequest,
  warmup = Math.max(50, concurrency),
): Promise<LatencyRow> => {
  let next = 0;
  const drive = async (count: number, samples: number[] | undefined): Promise<number> => {
    let failed = 0;
    const limit = next + count;
    const worker = async (): Promise<void> => {
      while (next < limit) {
        const index = next++;
        try {
          const ms = await send(index);
          samples?.push(ms);
        } catch {
          failed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return failed;
  };
  await drive(warmup, undefined);
  const samples: number[] = [];
  const started = performance.now();
  const failed = await drive(total, samples);
  const elapsedMs = performance.now() - started;
  return {
    platform,
    concurrency,
    requests: samples.length,
    failed,
    latency: summarize(samples),
    perSecond: Math.round((samples.length / elapsedMs) * 1000),
  };
};

/** A reply to wait for: settled later through `resolve`, rejected after `timeoutMs`, or dropped with `cancel`. */
export interface Pending<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  cancel(): void;
}

export const deferred = <T>(timeoutMs: number, what: string): Pending<T> => {
  let settle: (value: T) => void = () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<T>((ok, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: no reply within ${timeoutMs} ms`)), timeoutMs);
    settle = ok;
  });
  // Whoever awaits it sees the rejection; a cancelled one must not surface as unhandled.
  promise.catch(() => undefined);
  return {
    promise,
    resolve: (value) => {
      clearTimeout(timer);
      settle(value);
    },
    cancel: () => clearTimeout(timer),
  };
};
