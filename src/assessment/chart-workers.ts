import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartRenderer } from '../core/ports.js';

export interface ChartWorkerPoolOptions {
  /**
   * Worker threads at most; default: one per CPU, at most 4. On 2 cores the event loop needs about
   * 0.4 of a core for the benchmark's mix, so a second worker is what keeps completions from queueing
   * (about 850 events/s with one worker, 1,050-1,140 with two, loop p99 delay 9-10 ms, on an idle
   * machine); when other processes load the machine the loop's p99 delay rises towards 20-30 ms.
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

interface Task {
  id: number;
  input: unknown;
  resolve(png: Uint8Array): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

type WorkerMessage = { id: number; png: Uint8Array } | { id: number; error: string };

const DEFAULT_WORKER_URL = new URL('./chart-worker.mjs', import.meta.url);

/**
 * Draws charts with `renderChartPng` in a few worker threads, so a 10-50 ms drawing never blocks the
 * event loop that serves every conversation. Workers start on first use and are unref'd while idle
 * (an idle pool never keeps the process alive); `close` ends them.
 */
export class ChartWorkerPool implements ChartRenderer {
  readonly #size: number;
  readonly #timeoutMs: number;
  readonly #workerUrl: URL;
  readonly #queue: Task[] = [];
  readonly #idle: Worker[] = [];
  readonly #running = new Map<Worker, Task>();
  #workers = 0;
  #nextId = 0;
  #closed = false;

  constructor(options: ChartWorkerPoolOptions = {}) {
    this.#size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  }

  render(input: unknown): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new Error('the chart workers are shut down'));
    return new Promise((resolve, reject) => {
      const task: Task = { id: ++this.#nextId, input, resolve, reject };
      task.timer = setTimeout(() => this.#expire(task), this.#timeoutMs);
      this.#queue.push(task);
      this.#dispatch();
    });
  }

  /** Ends every worker; charts still waiting or drawing are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const stopped = new Error('the chart workers are shut down');
    const workers = [...this.#idle.splice(0), ...this.#running.keys()];
    for (const task of [...this.#queue.splice(0), ...this.#running.values()]) {
      clearTimeout(task.timer);
      task.reject(stopped);
    }
    this.#running.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#workers < this.#size ? this.#spawn() : undefined);
      if (worker === undefined) return;
      const task = this.#queue.shift() as Task;
      this.#running.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, input: task.input });
    }
  }

  /** Gives up a chart past its time, waiting or drawing; a worker stuck on it is replaced. */
  #expire(task: Task): void {
    const error = new Error(`chart not drawn within ${this.#timeoutMs} ms`);
    const queued = this.#queue.indexOf(task);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      task.reject(error);
      return;
    }
    for (const [worker, running] of this.#running) if (running === task) this.#fail(worker, error);
  }

  #spawn(): Worker {
    const worker = new Worker(this.#workerUrl);
    this.#workers += 1;
    worker.on('message', (message: WorkerMessage) => {
      const task = this.#running.get(worker);
      if (task === undefined || task.id !== message.id) return;
      clearTimeout(task.timer);
      this.#running.delete(worker);
      if ('png' in message) task.resolve(message.png);
      else task.reject(new Error(message.error));
      worker.unref();
      this.#idle.push(worker);
      this.#dispatch();
    });
    worker.on('error', (error) => this.#fail(worker, error));
    worker.on('exit', (code) => this.#fail(worker, new Error(`chart worker stopped (exit code ${code})`)));
    return worker;
  }

  /** Drops a worker that failed, hung or exited, rejecting its chart, and lets a fresh one take over. */
  #fail(worker: Worker, error: Error): void {
    const idle = this.#idle.indexOf(worker);
    const task = this.#running.get(worker);
    if (idle < 0 && task === undefined) return;
    if (idle >= 0) this.#idle.splice(idle, 1);
    if (task !== undefined) {
      clearTimeout(task.timer);
      this.#running.delete(worker);
      task.reject(error);
    }
    this.#workers -= 1;
    worker.removeAllListeners('message');
    void worker.terminate();
    if (!this.#closed) this.#dispatch();
  }
}
