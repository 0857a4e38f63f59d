import { PassThrough } from 'node:stream';
import { createConsoleAdapter, type ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import type { ChatBot } from '../../src/core/ports.js';

/** The real console adapter on in-memory streams: type lines, read what it printed. */
export interface ConsoleSession {
  adapter: ConsoleAdapter;
  /** Everything printed so far. */
  output(): string;
  /** Types one line; resolves once the output (after this line) matches `until`. */
  type(line: string, until: RegExp): Promise<string>;
  /** Resolves once the output printed after `from` characters matches `pattern`. */
  waitFor(pattern: RegExp, from: number): Promise<string>;
  /** Ends the input, as Ctrl-D does, and waits for the adapter to finish. */
  close(): Promise<void>;
}

/** Starts `createConsoleAdapter(...).run()` with PassThrough streams. */
export const startConsoleSession = (bot: ChatBot, imageDir: string, userId: string, options: { isAdmin?: boolean } = {}): ConsoleSession => {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  const listeners = new Set<() => void>();
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
    for (const listener of [...listeners]) listener();
  });
  const adapter = createConsoleAdapter({ bot, input, output, imageDir, userId, ...options });
  const running = adapter.run();

  const waitFor = (pattern: RegExp, from: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const fresh = printed.slice(from);
        if (!pattern.test(fresh)) return false;
        listeners.delete(listener);
        clearTimeout(timer);
        resolve(fresh);
        return true;
      };
      const listener = (): void => void check();
      // A safety net so a missing line fails the test with a message instead of hanging it.
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`console output never matched ${String(pattern)}; it printed:\n${printed.slice(from)}`));
      }, 5_000);
      listeners.add(listener);
      check();
    });

  return {
    adapter,
    output: () => printed,
    type: (line, until) => {
      const from = printed.length;
      input.write(`${line}\n`);
      return waitFor(until, from);
    },
    waitFor,
    close: async () => {
      input.end();
      await running;
    },
  };
};
