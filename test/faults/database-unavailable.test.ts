import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/default-paths.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { copyKnowledge } from '../support/knowledge.js';
import { startConsoleBot } from './console-process.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const holder = fileURLToPath(new URL('./hold-lock.ts', import.meta.url));

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A folder anyone may write in, holding a database the bot created earlier. */
const existingDatabase = (): { dir: string; path: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-fault-db-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o777);
  const path = join(dir, 'learning-city.db');
  createSqliteStores(path).close();
  return { dir, path };
};

/** Gives every user read and write access to a tree (a temp copy), so another user can use it. */
const openToAll = (path: string): void => {
  chmodSync(path, 0o777);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) openToAll(join(path, entry));
};

/** The shipped knowledge in a folder the unprivileged user can read and write (it may build its index there). */
const knowledgeForAnyone = (): string => {
  const dir = copyKnowledge();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  openToAll(dir);
  return dir;
};

/** Starts the real bot and waits for it to give up; returns its exit code and error output. */
const startAndFail = async (env: Record<string, string>, user: { uid?: number; gid?: number } = {}) => {
  const bot = startConsoleBot(env, user);
  const exit = await bot.exited;
  return { code: exit.code, stderr: bot.stderr(), stdout: bot.stdout() };
};

describe('the bot cannot use its SQLite file', () => {
  it('exits with a message naming the file when another process holds an exclusive lock on it', async () => {
    const { dir, path } = existingDatabase();
    const lock = spawn(process.execPath, ['--import', 'tsx', holder, path], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
    cleanups.push(() => lock.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      lock.stdout.on('data', (chunk: Buffer) => (chunk.toString('utf8').includes('locked') ? resolve() : undefined));
      lock.once('exit', () => reject(new Error('the lock holder exited early')));
    });

    const result = await startAndFail({ KNOWLEDGE_DIR: copyKnowledge(), DATABASE_PATH: path, CHART_DIR: join(dir, 'charts') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('learning-city-bot could not start');
    expect(result.stderr).toContain(`The database ${path} is locked by another process`);
    expect(result.stderr).toMatch(/Stop the other bot instance/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).not.toMatch(/Ask a question/);

    lock.stdin.end();
    await new Promise<void>((resolve) => lock.once('exit', () => resolve()));
  }, 60_000);

  it('exits with a message naming the file when the file is read-only for the bot’s user', async () => {
    const { dir, path } = existingDatabase();
    // Root ignores file modes, so as root the bot runs as `nobody`, as a deployed bot without rights would.
    if (isRoot) chownSync(path, NOBODY, NOBODY);
    chmodSync(path, 0o444);
    const result = await startAndFail(
      { KNOWLEDGE_DIR: knowledgeForAnyone(), DATABASE_PATH: path, CHART_DIR: join(dir, 'charts') },
      isRoot ? { uid: NOBODY, gid: NOBODY } : {},
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('learning-city-bot could not start');
    expect(result.stderr).toContain(`The database ${path} is read-only`);
    expect(result.stderr).toContain('Give this process write permission on the file');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
