import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temporary folder a test makes (knowledge folders, SQLite files, the
 * console's working folders) goes into one folder of this run's own, removed when the run ends, so
 * runs leave nothing behind in the system's temporary folder. Test files run in forked processes,
 * which take TMPDIR from here, as do the bot processes they start.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'lc-test-run-'));
  // Open to every user, sticky, as the system's own: some tests run children as another user.
  chmodSync(folder, 0o1777);
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
