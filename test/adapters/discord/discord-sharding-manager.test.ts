import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/knowledge/default-paths.js';
import { createPostgresStores } from '../../../src/storage/postgres-stores.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { freshSchema, withPostgres } from '../../support/postgres.js';
import { FakeDiscord, shardOfGuild, type RecordedRequest } from './fake-discord.js';
import { APPLICATION_ID, BOT_USER, userMessage, type FakeGuild } from './fake-discord-payloads.js';
import { ALICE, bodyOf, GUILD_A, GUILD_ON_SHARD_1, nextCall } from './test-harness.js';

const MINUTE_MS = 60_000;

let fake: FakeDiscord;
let manager: ChildProcess | undefined;
let output = '';
let dropSchema: (() => Promise<void>) | undefined;
let databaseUrl = '';

/** Waits until `test` holds, checking every 100 ms. */
const until = async (test: () => boolean, what: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; bot output:\n${output.slice(-3000)}`);
    if (manager?.exitCode !== null && manager?.exitCode !== undefined) throw new Error(`the bot exited (${manager.exitCode}):\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** A daily reminder for the shard-1 guild whose slot (two minutes ago, UTC) was missed: the first scheduler up sends it. */
const seedReminder = async (): Promise<void> => {
  const stores = await createPostgresStores(databaseUrl);
  const now = Date.now();
  const slot = new Date(now - 2 * MINUTE_MS);
  const activeSince = new Date(now - 10 * MINUTE_MS);
  try {
    await stores.reminders.create({
      id: 'rshard1', workspace: `discord:${GUILD_ON_SHARD_1.id}`, platform: 'discord', workspaceId: GUILD_ON_SHARD_1.id,
      target: { kind: 'channel', channelId: GUILD_ON_SHARD_1.channelId }, city: 'Espoo',
      schedule: { kind: 'cron', expr: `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *` }, timeZone: 'UTC',
      createdBy: ALICE.id, createdAt: activeSince, activeSince, paused: false,
    });
  } finally {
    await stores.close();
  }
};

beforeAll(async () => {
  if (!withPostgres) return;
  fake = await FakeDiscord.start([GUILD_A, GUILD_ON_SHARD_1], 'sharded-token', { shards: 2 });
  fake.users.set(ALICE.id, ALICE);
  const schema = await freshSchema();
  dropSchema = schema.drop;
  databaseUrl = schema.url;
  await seedReminder();
  const dir = mkdtempSync(join(tmpdir(), 'lc-shards-'));
  // The real program, as `npm start` runs it: the manager forks one process per shard.
  manager = spawn(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/main.ts')], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: 'auto',
      DATABASE_URL: databaseUrl, KNOWLEDGE_DIR: copyKnowledge(), CHART_DIR: join(dir, 'charts'), DATABASE_PATH: join(dir, 'unused.db'),
    },
  });
  manager.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  manager.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
}, 30_000);

afterAll(async () => {
  if (manager?.pid !== undefined && manager.exitCode === null) {
    const exited = new Promise((resolve) => manager?.once('exit', resolve));
    manager.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
    // A manager that did not stop in time takes its shard processes down with it.
    if (stopped === false) process.kill(-manager.pid, 'SIGKILL');
  }
  await fake?.close();
  await dropSchema?.();
}, 20_000);

const mention = (id: string, guild: FakeGuild) =>
  userMessage({ id, user: ALICE, guild, content: `<@${BOT_USER.id}> What is a learning city?`, mentionsBot: true });

describe.skipIf(!withPostgres)('DISCORD_SHARDS=auto with ShardingManager, real processes, PostgreSQL', () => {
  it('runs one process per shard, each guild reaches only its shard, and a reminder is sent once through REST', async () => {
    await until(() => fake.gateway.connected === 2, 'two shard connections', 45_000);
    // GET /gateway/bot said 2: each process identified as its own shard of two.
    expect(fake.identifies.map((identify) => (identify as { shard?: unknown }).shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);

    for (const [index, guild] of [GUILD_A, GUILD_ON_SHARD_1].entries()) {
      const since = fake.requests.length;
      fake.dispatch('MESSAGE_CREATE', mention(`84000000000000020${index}`, guild));
      const post = await nextCall(fake, since, 'POST', new RegExp(`^/channels/${guild.channelId}/messages$`, 'u'), 15_000);
      expect(bodyOf(post).content).toContain('**Sources:**');
    }
    // Each question went to exactly one shard, the one Discord's rule names, and was answered there.
    for (const [index, guild] of [GUILD_A, GUILD_ON_SHARD_1].entries()) {
      const deliveries = fake.gateway.delivered.filter((d) => d.id === `84000000000000020${index}`);
      expect(deliveries.map((d) => d.shard)).toEqual([[shardOfGuild(guild.id, 2), 2]]);
    }

    // The missed slot was claimed by the first scheduler up, shard 0's, which does not have the
    // shard-1 guild in its cache: it was sent through REST, once.
    const isPost = (r: { method: string; path: string }) => r.method === 'POST' && r.path === `/channels/${GUILD_ON_SHARD_1.channelId}/messages`;
    await until(() => fake.requests.filter(isPost).length >= 2, 'the reminder', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const isAnswer = (r: RecordedRequest) => (bodyOf(r).content ?? '').includes('**Sources:**');
    for (const guild of [GUILD_A, GUILD_ON_SHARD_1]) {
      expect(fake.calls('POST', new RegExp(`^/channels/${guild.channelId}/messages$`, 'u')).filter(isAnswer)).toHaveLength(1);
    }
    const reminders = fake.requests.filter(isPost).filter((r) => !isAnswer(r));
    expect(reminders).toHaveLength(1);
    expect(JSON.stringify(reminders[0]?.body)).toMatch(/Espoo/u);
    const sent = output.split('\n').filter((line) => line.includes('"reminder sent"') && line.includes('"rshard1"'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('"shard":0');
  }, 55_000);
});
