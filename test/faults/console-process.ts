import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/knowledge/default-paths.js';

/** The real bot (`tsx src/main.ts`, console mode) as a child process with its standard streams piped. */
export interface ConsoleProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to standard output so far. */
  stdout(): string;
  stderr(): string;
  /** Types a line. */
  type(line: string): void;
  /** Resolves with the output once `pattern` appears after character `from` of standard output. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<string>;
  /** Resolves with standard error once `pattern` appears in it (logs are written asynchronously). */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or the signal) once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the bot as `npm start` would without platform tokens; `options.uid` runs it as another user. */
export const startConsoleBot = (env: Record<string, string>, options: { uid?: number; gid?: number } = {}): ConsoleProcess => {
  const cwd = mkdtempSync(join(tmpdir(), 'lc-fault-cwd-'));
  // Another user (options.uid) must be able to work in it.
  chmodSync(cwd, 0o777);
  const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/main.ts')], {
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...options,
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const listener of [...listeners]) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    for (const listener of [...listeners]) listener();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const listener of [...listeners]) listener();
      resolve({ code, signal });
    }),
  );
  /** Resolves once `pattern` appears in `read()` after character `from`; rejects on exit or time-out. */
  const waitOn = (read: () => string, pattern: RegExp, from: number, timeoutMs: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const seen = read().slice(from);
        if (pattern.test(seen)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(seen);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`bot exited before printing ${String(pattern)}\nstdout:\n${out}\nstderr:\n${err}`));
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`bot did not print ${String(pattern)} within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    type: (line) => void child.stdin.write(`${line}\n`),
    exited,
    waitFor: (pattern, from = 0, timeoutMs = 30_000) => waitOn(() => out, pattern, from, timeoutMs),
    waitForLog: (pattern, timeoutMs = 30_000) => waitOn(() => err, pattern, 0, timeoutMs),
  };
};
