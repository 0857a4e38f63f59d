import { watch } from 'chokidar';
import { errorMessage } from './core/errors.js';
import type { Logger } from './core/ports.js';

/** How often a polling watcher looks at each file. */
const POLL_INTERVAL_MS = 2_000;

export interface FolderWatchOptions {
  /** Paths whose changes do not count (chokidar's `ignored`; `stats` is given when known). */
  ignored?: (path: string, stats?: { isFile(): boolean }) => boolean;
  /** Look every two seconds instead of waiting for change events, for file systems that send none. */
  poll?: boolean;
  /** Only the folder itself, not its sub-folders. */
  shallow?: boolean;
  /** Quiet time after the last change before `changed` runs: a file copied in several writes counts once. */
  debounceMs: number;
  logger: Logger;
  /** Named in the log when watching fails. */
  name: string;
}

/** A running watch; `close` stops it and cancels a call not yet made. */
export interface FolderWatch {
  close(): Promise<void>;
}

/**
 * Watches a folder and calls `changed` once it has been quiet for the debounce time after a change
 * (a file added, changed or removed). Resolves once the watcher is ready.
 */
export const watchFolder = async (root: string, options: FolderWatchOptions, changed: () => void): Promise<FolderWatch> => {
  const polling = options.poll === true ? { usePolling: true, interval: POLL_INTERVAL_MS, binaryInterval: POLL_INTERVAL_MS } : {};
  const watcher = watch(root, {
    ignoreInitial: true,
    persistent: true,
    ...(options.ignored === undefined ? {} : { ignored: options.ignored }),
    ...(options.shallow === true ? { depth: 0 } : {}),
    ...polling,
  });
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  watcher.on('all', () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      changed();
    }, options.debounceMs);
  });
  watcher.on('error', (error) => options.logger.warn({ err: errorMessage(error) }, `${options.name} watch error`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await watcher.close();
    },
  };
};

/** Whoever waits for the next reload of a folder's contents, and telling them how it went. */
export class ReloadWaiters<T> {
  private readonly waiting = new Set<(outcome: T) => void>();

  /** Resolves with the outcome of the next reload that finishes. */
  next(): Promise<T> {
    return new Promise((resolve) => this.waiting.add(resolve));
  }

  settle(outcome: T): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const resolve of waiting) resolve(outcome);
  }
}
