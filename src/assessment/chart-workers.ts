import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartRenderer } from '../core/ports.js';

export interface ChartWorkerPoolOptions {
  /** Worker threads at most; default: one fewer than the CPUs (at least 1, at most 4). */
  size?: number;
  /** A chart not drawn within this time is given up and its worker replaced; default 10 s (includes a worker's start-up). */
  timeoutMs?: number;
  /** The worker script; tests point it elsewhere to simulate a broken renderer. */
  workerUrl?: URL;
}

interface Task {
  input: unknown;
  resolve(png: Uint8Array): void;
  reject(error: Error): void;
}

interface Running {
  id: number;
  task: Task;
  timer: NodeJS.Timeout;
}

type WorkerMessage = { id: number; png: Uint8Array } | { id: number; error: string };

const DEFAULT_WORKER_URL = new URL('./chart-worker.mjs', import.meta.url);

/**
 * Draws charts with `renderChartPng` in a few worker threads, so a 30-50 ms drawing never blocks the
 * event loop that serves every conversation. Workers start on first use and are unref'd while idle
 * (an idle pool never keeps the process alive); `close` ends them.
 */
export class ChartWorkerPool implements ChartRenderer {
  readonly #size: number;
  readonly #timeoutMs: number;
  readonly #workerUrl: URL;
  readonly #queue: Task[] = [];
  readonly #idle: Worker[] = [];
  readonly #running = new Map<Worker, Running>();
  #workers = 0;
  #nextId = 0;
  #closed = false;

  constructor(options: ChartWorkerPoolOptions = {}) {
    this.#size = Math.max(1, options.size ?? Math.min(4, availableParallelism() - 1));
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  }

  render(input: unknown): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new Error('the chart workers are shut down'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      this.#dispatch();
    });
  }

  /** Ends every worker; charts still waiting or drawing are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const stopped = new Error('the chart workers are shut down');
    for (const task of this.#queue.splice(0)) task.reject(stopped);
    const workers = [...this.#idle.splice(0), ...this.#running.keys()];
    for (const running of this.#running.values()) {
      clearTimeout(running.timer);
      running.task.reject(stopped);
    }
    this.#running.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#workers < this.#size ? this.#spawn() : undefined);
      if (worker === undefined) return;
      const task = this.#queue.shift() as Task;
      const id = ++this.#nextId;
      const timer = setTimeout(() => this.#fail(worker, new Error(`chart not drawn within ${this.#timeoutMs} ms`)), this.#timeoutMs);
      this.#running.set(worker, { id, task, timer });
      worker.ref();
      worker.postMessage({ id, input: task.input });
    }
  }

  #spawn(): Worker {
    const worker = new Worker(this.#workerUrl);
    this.#workers += 1;
    worker.on('message', (message: WorkerMessage) => {
      const running = this.#running.get(worker);
      if (running === undefined || running.id !== message.id) return;
      clearTimeout(running.timer);
      this.#running.delete(worker);
      if ('png' in message) running.task.resolve(message.png);
      else running.task.reject(new Error(message.error));
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
    const running = this.#running.get(worker);
    if (idle < 0 && running === undefined) return;
    if (idle >= 0) this.#idle.splice(idle, 1);
    if (running !== undefined) {
      clearTimeout(running.timer);
      this.#running.delete(worker);
      running.task.reject(error);
    }
    this.#workers -= 1;
    worker.removeAllListeners('message');
    void worker.terminate();
    if (!this.#closed) this.#dispatch();
  }
}
