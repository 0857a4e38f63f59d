import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/knowledge/default-paths.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { FakeDiscord } from './fake-discord.js';
import { APPLICATION_ID } from './fake-discord-payloads.js';
import { GUILD_A } from './test-harness.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start([GUILD_A], 'startup-token', { shards: 2 });
});
afterAll(async () => {
  await fake.close();
});

/** Runs `npm start`'s program to its end; `null` code when it had to be killed. */
const run = (env: Record<string, string>): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve) => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-shard-start-'));
    const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/main.ts')], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KNOWLEDGE_DIR: copyKnowledge(), CHART_DIR: join(dir, 'charts'), ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    // A manager that kept respawning a failing shard would never end: it is killed, with its shards.
    const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });

describe('starting DISCORD_SHARDS', () => {
  it('refuses more than one shard on the SQLite file with a plain message, before connecting', async () => {
    const since = fake.requests.length;
    const result = await run({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: '2' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('DISCORD_SHARDS=2 runs one process per shard, and they must share one database: set DATABASE_URL');
    expect(fake.requests.slice(since)).toEqual([]);
  }, 45_000);

  it('stops, saying why, when a shard cannot start, instead of respawning it forever', async () => {
    const result = await run({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: 'auto',
      DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:1/learning',
    });
    expect(result.code).toBe(1);
    // The shard's own reason, then the manager's.
    expect(result.output).toContain('Cannot reach the PostgreSQL database 127.0.0.1:1/learning');
    expect(result.output).toMatch(/could not start:\nDiscord shards did not start: Shard 0's process exited before its Client became ready/u);
    expect(result.output.match(/Cannot reach the PostgreSQL database/gu)).toHaveLength(1);
    expect(result.output).not.toContain('s3cret');
  }, 45_000);
});
