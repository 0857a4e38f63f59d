import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { silentLogger, type Logger } from '../core/ports.js';
import { ReloadWaiters, watchFolder, type FolderWatch } from '../folder-watch.js';
import { formatFrameworkError, loadFrameworks, type FrameworkLoadError } from './framework-loader.js';
import type { Framework } from './framework-schema.js';

/** What a reload read: the frameworks in use after it, the files it could not read, and the ones kept from before. */
export interface FrameworksReload {
  ids: string[];
  errors: FrameworkLoadError[];
  /** Frameworks whose file is now invalid, still offered as they were read before. */
  kept: string[];
}

export interface LiveFrameworksOptions {
  logger?: Logger;
  /** Quiet time after the last change before reading the folder again. */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 500;
const FRAMEWORK_FILE = /\.ya?ml$/iu;

/**
 * The assessment frameworks of the knowledge folder, following its `frameworks` folder while the
 * bot runs. `list` is one array for the life of the process: a reload replaces its contents, so
 * every service holding it offers the new frameworks at once. A file saved with an error is
 * logged with the line at fault and its framework stays as it was read before; a removed file's
 * framework is no longer offered (an assessment of it in progress says so at its next step).
 */
export class LiveFrameworks {
  readonly list: Framework[] = [];
  /** The framework read from each file, as last read without error. */
  private fromFile = new Map<string, Framework>();
  private watcher: FolderWatch | undefined;
  private closed = false;
  private starting = false;
  private readonly waiters = new ReloadWaiters<FrameworksReload>();
  private readonly logger: Logger;
  private readonly debounceMs: number;

  private constructor(
    private readonly directory: string,
    options: LiveFrameworksOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  }

  /** Reads the folder once; files with errors are logged and skipped. */
  static open(directory: string, options: LiveFrameworksOptions = {}): LiveFrameworks {
    const live = new LiveFrameworks(directory, options);
    const first = live.reload();
    live.logger.info({ frameworks: first.ids }, 'assessment frameworks loaded');
    return live;
  }

  /** Reads the folder again and puts what it holds in use, keeping the earlier version of a file now in error. */
  reload(): FrameworksReload {
    // A framework keeps the file it was read from: a copy about to be edited does not take its id.
    const loaded = loadFrameworks(this.directory, new Map([...this.fromFile].map(([file, framework]) => [framework.id, file])));
    // The folder itself unreadable (moved aside during a deploy): nothing is dropped, nothing replaced.
    const unreadable = loaded.errors.find((error) => error.file === this.directory);
    if (unreadable !== undefined && this.fromFile.size > 0) {
      this.logger.error({ folder: this.directory }, `frameworks folder not read, the frameworks read before stay in use: ${formatFrameworkError(unreadable)}`);
      const kept = { ids: this.list.map((framework) => framework.id), errors: loaded.errors, kept: this.list.map((framework) => framework.id) };
      this.waiters.settle(kept);
      return kept;
    }
    const next = new Map<string, Framework>();
    loaded.frameworks.forEach((framework, i) => next.set(loaded.files[i] ?? framework.id, framework));
    const kept: string[] = [];
    for (const file of new Set(loaded.errors.map((error) => error.file))) {
      const before = this.fromFile.get(file);
      if (before === undefined || next.has(file) || [...next.values()].some((framework) => framework.id === before.id)) continue;
      next.set(file, before);
      kept.push(before.id);
    }
    const ordered = [...next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.fromFile = new Map(ordered);
    this.list.splice(0, this.list.length, ...ordered.map(([, framework]) => framework));
    for (const error of loaded.errors) {
      const keeps = kept.find((id) => this.fromFile.get(error.file)?.id === id);
      this.logger.warn(
        { file: basename(error.file) },
        keeps === undefined ? `framework skipped: ${formatFrameworkError(error)}` : `framework not reloaded, “${keeps}” stays as read before: ${formatFrameworkError(error)}`,
      );
    }
    const reload = { ids: this.list.map((framework) => framework.id), errors: loaded.errors, kept };
    this.waiters.settle(reload);
    return reload;
  }

  /** Resolves with the next reload (for tests and tools). */
  nextReload(): Promise<FrameworksReload> {
    return this.waiters.next();
  }

  /**
   * Reads the folder again once it has been quiet for the debounce time after a framework file was
   * added, changed or removed; `poll` looks every two seconds instead, for file systems that send no
   * change events. Resolves once the watcher is ready.
   */
  async watch(options: { poll?: boolean } = {}): Promise<void> {
    if (this.watcher || this.closed || this.starting) return;
    this.starting = true;
    // A folder that does not exist yet cannot be watched for the files saved into it later.
    try {
      mkdirSync(this.directory, { recursive: true });
    } catch (error) {
      this.logger.warn({ err: errorMessage(error), folder: this.directory }, 'frameworks folder cannot be created; it is not watched');
      this.starting = false;
      return;
    }
    const ignored = (path: string, stats?: { isFile(): boolean }): boolean =>
      basename(path).startsWith('.') || (stats?.isFile() === true && !FRAMEWORK_FILE.test(path));
    const watchOptions = { ignored, shallow: true, poll: options.poll === true, debounceMs: this.debounceMs, logger: this.logger, name: 'frameworks folder' };
    const watcher = await watchFolder(this.directory, watchOptions, () => {
      try {
        const reload = this.reload();
        // A folder that could not be read was logged as such: nothing was reloaded.
        if (!reload.errors.some((error) => error.file === this.directory)) this.logger.info({ frameworks: reload.ids }, 'assessment frameworks reloaded');
      } catch (error) {
        this.logger.error({ err: errorMessage(error) }, 'frameworks not reloaded: the ones read before stay in use');
      }
    });
    this.starting = false;
    // Closed while the watcher got ready: it must not outlive the frameworks.
    if (this.closed) await watcher.close();
    else this.watcher = watcher;
  }

  async close(): Promise<void> {
    this.closed = true;
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.close();
  }
}
