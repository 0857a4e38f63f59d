import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** Paths that may carry secrets; pino replaces their values before anything is written. */
export const REDACTED_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'authorization',
  'headers.authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'config.*',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go; standard error by default so standard output stays free for answers. */
  destination?: DestinationStream;
  /** The Discord shard this process runs, named on every line so the shards' logs can be told apart. */
  shard?: number;
}

/** The project's logger: JSON lines to standard error, secrets redacted. */
export const createLogger = (options: LoggerOptions = {}): PinoLogger =>
  pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { app: 'learning-city-bot', ...(options.shard === undefined ? {} : { shard: options.shard }) },
    },
    options.destination ?? pino.destination(2),
  );
