/** Base of the project's errors; `code` is stable and safe to log and to test against. */
export class BotError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotError';
    this.code = code;
  }
}

/** Configuration that cannot work; raised at start-up with every problem listed. */
export class ConfigError extends BotError {
  constructor(message: string) {
    super('config_invalid', message);
    this.name = 'ConfigError';
  }
}

/** A storage backend could not be opened or written. */
export class StorageError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('storage_failed', message, options);
    this.name = 'StorageError';
  }
}

/**
 * The database cannot be reached just now (refused, reset, timed out): nothing was written, and the
 * same work succeeds once it is back. Users are told to try again shortly; Slack events are left
 * for Slack to redeliver.
 */
export class StorageUnavailableError extends StorageError {
  override readonly code = 'storage_unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/**
 * The database file was deleted or replaced while the bot had it open. SQLite would go on writing
 * into a file no path names any more, so whatever was written would be lost at the next start: the
 * write is refused, the user told, and the process stops so a supervisor restarts it.
 */
export class DatabaseGoneError extends BotError {
  constructor(message: string) {
    super('database_gone', message);
    this.name = 'DatabaseGoneError';
  }
}

/** A file grew past the size the core allows while it was being fetched; the rest was not read. */
export class FileTooLargeError extends BotError {
  constructor(readonly maxBytes: number) {
    super('file_too_large', `The file is larger than ${maxBytes} bytes.`);
    this.name = 'FileTooLargeError';
  }
}

/** The platform did not hand a file over; `message` says why in words fit for the user. */
export class FileUnavailableError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('file_unavailable', message, options);
    this.name = 'FileUnavailableError';
  }
}

/** Message of any thrown value, for logs and error replies. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
