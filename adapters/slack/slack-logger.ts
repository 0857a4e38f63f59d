import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/core/ports.js';

const TOKEN_PATTERN = /\b(?:xox[abpcoesr]|xapp)-[A-Za-z0-9-]+/gu;
const BEARER_PATTERN = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gu;

/** Removes Slack tokens (by shape) and the given secrets (by value) from a log line. */
export const redactSecrets = (text: string, secrets: Iterable<string>): string => {
  let clean = text.replace(TOKEN_PATTERN, '[redacted]').replace(BEARER_PATTERN, 'Bearer [redacted]');
  for (const secret of secrets) {
    if (secret.length >= 8) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
};

const describe = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value instanceof Error) {
    const code = 'code' in value && typeof value.code === 'string' ? ` ${value.code}` : '';
    return `${value.name}${code}: ${value.message}`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

/**
 * Bolt's and the Web API client's logger, writing through the project's pino logger. Every line is
 * flattened to a string and scrubbed of tokens and secrets before it leaves; `secrets` may grow
 * (installed tokens join it). Lines matching `quiet` are expected and written as debug.
 */
export const boltLogger = (logger: Logger, secrets: Iterable<string>, name = 'slack', quiet: readonly RegExp[] = []): BoltLogger => {
  let level: LogLevel = LogLevel.INFO;
  let component = name;
  const write = (requested: LogLevel, args: unknown[]): void => {
    // Bolt and the Web API client log several debug lines per request (whole request bodies among
    // them); when the project's logger drops debug anyway, they are not flattened and scrubbed for nothing.
    // `quiet` only ever lowers a line to debug, so a debug line stays one.
    if (requested === LogLevel.DEBUG && (ORDER[level] > ORDER[LogLevel.DEBUG] || logger.isLevelEnabled?.('debug') === false)) return;
    const text = args.map(describe).join(' ');
    const at = quiet.some((pattern) => pattern.test(text)) ? LogLevel.DEBUG : requested;
    if (ORDER[at] < ORDER[level]) return;
    const msg = redactSecrets(text, secrets);
    const fields = { component };
    if (at === LogLevel.DEBUG) logger.debug(fields, msg);
    else if (at === LogLevel.INFO) logger.info(fields, msg);
    else if (at === LogLevel.WARN) logger.warn(fields, msg);
    else logger.error(fields, msg);
  };
  return {
    debug: (...args: unknown[]) => write(LogLevel.DEBUG, args),
    info: (...args: unknown[]) => write(LogLevel.INFO, args),
    warn: (...args: unknown[]) => write(LogLevel.WARN, args),
    error: (...args: unknown[]) => write(LogLevel.ERROR, args),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      component = `${name}:${next}`;
    },
  };
};
