import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ChartRenderer } from '../core/ports.js';

export interface ChartWorkerPoolOptions {
  /**
   * Worker threads at most; default: one fewer than the CPUs (at least 1, at most 4), so one core stays
   * with the event loop. On 2 cores a second worker drew more charts at times but pushed the loop's
   * p99 delay past 20 ms whenever the machine was busy.
   */
  size?: number;
  /**
   * A chart not drawn within this time of being asked for is given up (its worker, if drawing it,
   * replaced); default 10 s, including any wait for a free worker and a worker's start-up.
   */
  timeoutMs?: number;
  /** The worker script; tests point it elsewhere to simulate a broken renderer. */
  workerUrl?: URL;
}

const DEFAULT_WORKER_URL = new URL('./chart-worker.mjs', import.meta.url);
const SHUT_DOWN = 'the chart workers are shut down';

/**
 * Draws charts with `renderChartPng` in a few worker threads (a piscina pool), so a 10-50 ms drawing
 * never blocks the event loop that serves every conversation. Workers start on first use and are
 * unref'd while idle (an idle pool never keeps the process alive); `close` ends them.
 */
export class ChartWorkerPool implements ChartRenderer {
  readonly #pool: Piscina<unknown, Uint8Array>;
  readonly #timeoutMs: number;
  #closed = false;

  constructor(options: ChartWorkerPoolOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#pool = new Piscina({
      filename: (options.workerUrl ?? DEFAULT_WORKER_URL).href,
      // No thread until the first chart; a started one stays (unref'd while idle) rather than paying
      // its second-long start-up again for the next chart.
      minThreads: 0,
      idleTimeout: Infinity,
      maxThreads: Math.max(1, options.size ?? Math.min(4, availableParallelism() - 1)),
      concurrentTasksPerWorker: 1,
    });
    // A worker that dies between charts has no chart to fail; piscina replaces it and reports it here.
    this.#pool.on('error', () => {});
  }

  async render(input: unknown): Promise<Uint8Array> {
    if (this.#closed) throw new Error(SHUT_DOWN);
    // Counted from the request, so a chart queued behind a busy worker is given up on time too.
    const signal = AbortSignal.timeout(this.#timeoutMs);
    try {
      return await this.#pool.run(input, { signal });
    } catch (error) {
      if (this.#closed) throw new Error(SHUT_DOWN);
      if (signal.aborted) throw new Error(`chart not drawn within ${this.#timeoutMs} ms`);
      throw error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Ends every worker; charts still waiting or drawing are rejected. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.destroy();
  }
}
