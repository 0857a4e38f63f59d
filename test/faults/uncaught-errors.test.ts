import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const child = fileURLToPath(new URL('./uncaught-child.ts', import.meta.url));

let running: ChildProcess | undefined;
afterEach(() => {
  running?.kill('SIGKILL');
  running = undefined;
});

describe('a process with the last-resort handlers', () => {
  it('logs an uncaught exception and an unhandled rejection and keeps serving', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    running = proc;
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      proc.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      proc.once('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/throw`)).status).toBe(200);
    // Both errors are logged once they have happened; the process is still there to answer.
    await expect.poll(() => stderr, { timeout: 5_000 }).toContain('unhandled rejection; still serving');
    await expect.poll(() => stderr, { timeout: 5_000 }).toContain('uncaught exception; still serving');
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(proc.exitCode).toBeNull();
    expect(stderr).toContain('thrown from a timer');
  });
});
