import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/default-paths.js';
import { openDatabase } from '../../src/storage/sqlite-database.js';
import { SqliteReminderStore } from '../../src/storage/sqlite-reminder-store.js';

const child = fileURLToPath(new URL('./reminder-child.ts', import.meta.url));
const REMINDERS = 12;
const FREEZE_AT = 5;
const DAY_ONE = '2025-03-03T09:30:00.000Z';
const DAY_TWO = '2025-03-04T09:30:00.000Z';
const SLOT_ONE = '2025-03-03T09:00:00.000Z';
const SLOT_TWO = '2025-03-04T09:00:00.000Z';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ids = Array.from({ length: REMINDERS }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);

/** A database with twelve daily 09:00 (London) reminders, created before the first slot. */
const seed = async (): Promise<{ dir: string; db: string; deliveries: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-fault-reminder-'));
  dirs.push(dir);
  const path = join(dir, 'bot.db');
  const db = openDatabase(path);
  const store = new SqliteReminderStore(db);
  for (const [i, id] of ids.entries()) {
    const createdAt = new Date(Date.UTC(2025, 2, 1, 0, i));
    await store.create({
      id, workspace: 'slack:T1', platform: 'slack', workspaceId: 'T1', target: { kind: 'channel', channelId: `C${i}` },
      schedule: { kind: 'cron', expr: '0 9 * * *' }, timeZone: 'Europe/London', createdBy: 'U1', createdAt, activeSince: createdAt, paused: false,
    });
  }
  db.close();
  return { dir, db: path, deliveries: join(dir, 'deliveries.txt') };
};

interface Run {
  stdout: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs the scheduler process; when it says `frozen` (mid-slot), kills it with SIGKILL. */
const runScheduler = (files: { db: string; deliveries: string }, now: string, freeze?: { at: number; when: 'before' | 'after' }): Promise<Run> =>
  new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', child, '--db', files.db, '--deliveries', files.deliveries, '--now', now];
    if (freeze) args.push('--freeze', String(freeze.at), '--when', freeze.when);
    const process$ = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    process$.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('frozen')) process$.kill('SIGKILL');
    });
    process$.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    process$.once('error', reject);
    process$.once('exit', (code, signal) => (code !== 0 && signal === null ? reject(new Error(stderr)) : resolve({ stdout, code, signal })));
  });

const deliveredLines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '') : []);

const statuses = async (path: string, slot: string): Promise<Record<string, string>> => {
  const db = openDatabase(path);
  try {
    const store = new SqliteReminderStore(db);
    const entries: Array<[string, string]> = [];
    for (const id of ids) entries.push([id, (await store.listDeliveries('slack:T1', id)).find((d) => d.slot.toISOString() === slot)?.status ?? 'none']);
    return Object.fromEntries(entries);
  } finally {
    db.close();
  }
};

describe('kill -9 in the middle of a reminder slot', () => {
  it('sends nothing twice after a restart: slots claimed before the kill stay claimed, the rest go out once', async () => {
    const files = await seed();
    const killed = await runScheduler(files, DAY_ONE, { at: FREEZE_AT, when: 'after' });
    expect(killed.signal).toBe('SIGKILL');
    const delivered = deliveredLines(files.deliveries);
    expect(delivered).toHaveLength(FREEZE_AT);
    // Nothing goes out unclaimed: each delivered slot was claimed first (or was already marked sent).
    const afterKill = await statuses(files.db, SLOT_ONE);
    for (const line of delivered) expect(['claimed', 'sent']).toContain(afterKill[line.split(' ')[0] ?? '']);
    const unclaimed = ids.filter((id) => afterKill[id] === 'none');
    expect(unclaimed.length).toBeGreaterThan(0);

    const restarted = await runScheduler(files, DAY_ONE);
    expect(restarted.stdout).toContain(`done ${unclaimed.length}`);
    const nextDay = await runScheduler(files, DAY_TWO);
    expect(nextDay.stdout).toContain(`done ${REMINDERS}`);
    const again = await runScheduler(files, DAY_TWO);
    expect(again.stdout).toContain('done 0');

    const lines = deliveredLines(files.deliveries);
    expect(new Set(lines).size).toBe(lines.length);
    // Claimed but not delivered before the kill: at most once, so lost; everything else went out once.
    const lost = ids.filter((id) => afterKill[id] !== 'none' && !delivered.includes(`${id} ${SLOT_ONE}`));
    const expected = [...ids.filter((id) => !lost.includes(id)).map((id) => `${id} ${SLOT_ONE}`), ...ids.map((id) => `${id} ${SLOT_TWO}`)];
    expect([...lines].sort()).toEqual(expected.sort());
    const dayOne = await statuses(files.db, SLOT_ONE);
    for (const id of unclaimed) expect(dayOne[id]).toBe('sent');
    expect(Object.values(await statuses(files.db, SLOT_TWO))).toEqual(ids.map(() => 'sent'));
  }, 120_000);

  it('a slot claimed but killed before its send is not sent later (at most once), and the next slot is', async () => {
    const files = await seed();
    const killed = await runScheduler(files, DAY_ONE, { at: FREEZE_AT, when: 'before' });
    expect(killed.signal).toBe('SIGKILL');
    const delivered = deliveredLines(files.deliveries);
    expect(delivered).toHaveLength(FREEZE_AT - 1);
    const afterKill = await statuses(files.db, SLOT_ONE);
    const lost = ids.filter((id) => afterKill[id] !== 'none' && !delivered.includes(`${id} ${SLOT_ONE}`));
    // The fifth send was claimed and stopped dead before it went out.
    expect(lost.length).toBeGreaterThan(0);

    await runScheduler(files, DAY_ONE);
    await runScheduler(files, DAY_TWO);
    const lines = deliveredLines(files.deliveries);
    expect(new Set(lines).size).toBe(lines.length);
    for (const id of lost) {
      expect(lines).not.toContain(`${id} ${SLOT_ONE}`);
      expect((await statuses(files.db, SLOT_ONE))[id]).toBe('claimed');
      expect(lines).toContain(`${id} ${SLOT_TWO}`);
    }
    expect(lines).toHaveLength(2 * REMINDERS - lost.length);
  }, 120_000);
});
