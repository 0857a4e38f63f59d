import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../../adapters/slack/slack-logger.js';
import { createLogger } from '../../../src/logger.js';

/** The project's pino logger at `level`, keeping what it writes. */
const pinoLines = (level: string): { logger: ReturnType<typeof createLogger>; lines: string[] } => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
};

/** A value that counts how often it is flattened for a log line. */
const counted = (): { value: { toJSON(): string }; calls: () => number } => {
  let calls = 0;
  return {
    value: {
      toJSON: () => {
        calls += 1;
        return 'body with xoxb-1-2-secret';
      },
    },
    calls: () => calls,
  };
};

describe('boltLogger', () => {
  it('does not flatten debug lines the project logger drops', () => {
    const { logger, lines } = pinoLines('info');
    const log = boltLogger(logger, []);
    log.setLevel(LogLevel.DEBUG);
    const body = counted();
    log.debug('http request body:', body.value);
    expect(body.calls()).toBe(0);
    expect(lines).toEqual([]);
  });

  it('writes debug lines, scrubbed, when the project logger keeps them', () => {
    const { logger, lines } = pinoLines('debug');
    const log = boltLogger(logger, []);
    log.setLevel(LogLevel.DEBUG);
    const body = counted();
    log.debug('http request body:', body.value);
    expect(body.calls()).toBe(1);
    expect(lines.join('')).toContain('http request body: \\"body with [redacted]\\"');
    expect(lines.join('')).not.toContain('xoxb-1-2-secret');
  });

  it('still writes warnings at info', () => {
    const { logger, lines } = pinoLines('info');
    const log = boltLogger(logger, []);
    log.setLevel(LogLevel.DEBUG);
    log.warn('rate limited, retrying');
    expect(lines.join('')).toContain('rate limited, retrying');
  });
});
