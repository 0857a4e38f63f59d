import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the OS temp dir, removed after the current test. */
export const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lcb-storage-'));
  made.push(dir);
  return dir;
};
