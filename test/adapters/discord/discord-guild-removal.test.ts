import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createCore, type Core } from '../../../src/app.js';
import type { Clock } from '../../../src/core/ports.js';
import { openDatabase } from '../../../src/storage/sqlite-database.js';
import { migrations } from '../../../src/storage/schema.js';
import { presenceFromDataMigration } from '../../../src/storage/workspace-migrations.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { seedUser } from '../../privacy/seed.js';
import { sqliteRows } from '../../privacy/table-scan.js';
import { FakeDiscord } from './fake-discord.js';
import { addBotToGuild, guildOutage, removeBotFromGuild } from './fake-discord-guilds.js';
import { APPLICATION_ID, BOT_USER, userMessage } from './fake-discord-payloads.js';
import { ADMIN, ALICE, bodyOf, GUILD_A, GUILD_B, GUILD_ON_SHARD_1, nextCall, RecordingLogger } from './test-harness.js';
import type { ShardSlot } from '../../../adapters/discord/discord-client.js';
import type { FakeGuild } from './fake-discord-payloads.js';

const DAY = 86_400_000;
const t0 = new Date('2026-01-01T12:00:00.000Z');
const knowledgeDir = copyKnowledge();

let running: { app: DiscordApp; core: Core; fake: FakeDiscord } | undefined;
afterEach(async () => {
  await running?.app.stop();
  await running?.core.close();
  await running?.fake.close();
  running = undefined;
});

/** Resolves once `check` holds; gateway events reach the adapter asynchronously. */
const until = async (check: () => Promise<boolean>, what: string): Promise<void> => {
  for (let tries = 0; tries < 500; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
};

/** A real core on a SQLite file and the Discord adapter against a fake Discord with guilds A and B. */
const start = async (at: { now: Date }, before?: (core: Core) => Promise<void>) => {
  const clock: Clock = { now: () => new Date(at.now) };
  const path = join(mkdtempSync(join(tmpdir(), 'lc-guild-removal-')), 'bot.db');
  const logger = new RecordingLogger();
  const core = await createCore({ knowledgeDir, databasePath: path, logger, clock, retentionDaysAfterRemoval: 30 });
  await before?.(core);
  const fake = await FakeDiscord.start([GUILD_A, GUILD_B]);
  for (const user of [ALICE, ADMIN]) fake.users.set(user.id, user);
  const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
  const app = createDiscordApp({ config, bot: core.bot, logger, lifecycle: core.lifecycle, clock });
  running = { app, core, fake };
  await app.start();
  core.notifiers.discord = app.notifier;
  return { core, fake, path, logger };
};

/** Runs of the bot, one after another, on one SQLite file: each with its own fake Discord and shard slots. */
const runs = (at: { now: Date }, path = join(mkdtempSync(join(tmpdir(), 'lc-guild-offline-')), 'bot.db')) => {
  const logger = new RecordingLogger();
  const clock: Clock = { now: () => new Date(at.now) };
  let stopRun = async (): Promise<void> => {};
  return {
    logger,
    async run(guilds: FakeGuild[], slots: Array<ShardSlot | undefined>): Promise<Core> {
      await stopRun();
      const core = await createCore({ knowledgeDir, databasePath: path, logger, clock, retentionDaysAfterRemoval: 30 });
      const count = slots[0]?.count ?? 1;
      const fake = await FakeDiscord.start(guilds, 'fake-bot-token', { shards: count });
      const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
      const apps: DiscordApp[] = [];
      for (const shard of slots) {
        const app = createDiscordApp({ config, bot: core.bot, logger, lifecycle: core.lifecycle, clock, ...(shard ? { shard } : {}) });
        await app.start();
        apps.push(app);
      }
      stopRun = async () => {
        for (const app of apps) await app.stop();
        await core.close();
        await fake.close();
      };
      return core;
    },
    stop: () => stopRun(),
  };
};

describe('Discord: servers left while the bot was offline', () => {
  it('marks a server removed when the next connection no longer lists it, and no other', async () => {
    const at = { now: t0 };
    const bot = runs(at);
    try {
      const first = await bot.run([GUILD_A, GUILD_B], [undefined]);
      await until(async () => (await first.stores.workspaceStatus.listPresent()).length === 2, 'A and B recorded');
      // Kicked from B while the bot was down: no GUILD_DELETE ever reaches it.
      at.now = new Date(t0.getTime() + DAY);
      const second = await bot.run([GUILD_A], [undefined]);
      await until(async () => (await second.stores.workspaceStatus.listRemoved()).length === 1, 'B removed');
      expect(await second.stores.workspaceStatus.listRemoved()).toEqual([{ workspace: `discord:${GUILD_B.id}`, removedAt: at.now }]);
      expect(await second.stores.workspaceStatus.listPresent()).toEqual([`discord:${GUILD_A.id}`]);
      const removal = bot.logger.entries.find((entry) => entry.msg === 'bot removed from a workspace; its data is kept for the grace period');
      expect(removal?.obj).toMatchObject({ workspace: `discord:${GUILD_B.id}`, when: 'while the bot was offline' });
      // Added back while offline again: the next connection takes it as back.
      const third = await bot.run([GUILD_A, GUILD_B], [undefined]);
      await until(async () => (await third.stores.workspaceStatus.listRemoved()).length === 0, 'B back');
      expect(await third.stores.workspaceStatus.listPresent()).toEqual([`discord:${GUILD_A.id}`, `discord:${GUILD_B.id}`]);
    } finally {
      await bot.stop();
    }
  });

  it('finds a server that left while a release that kept no list was offline, by the data it holds', async () => {
    // A file as that release left it: data of servers A and B, of a DM, of a Slack team, and of a
    // server already marked removed, and no list of the servers the bot is in.
    const path = join(mkdtempSync(join(tmpdir(), 'lc-guild-presence-')), 'bot.db');
    const before = openDatabase(path, { migrations: migrations.filter((migration) => migration.id !== presenceFromDataMigration.id) });
    const result = before.prepare(
      `INSERT INTO assessment_results (workspace, id, platform, channel_id, user_id, city, city_key, framework_id, completed_at, overall_percent, components, answers)
       VALUES (?, ?, 'discord', 'C1', 'U1', 'Cork', 'cork', 'niace-quick', '2025-12-01T10:00:00.000Z', 50, '[]', '{}')`,
    );
    const GONE = 'discord:830000000000000009';
    for (const [index, workspace] of [`discord:${GUILD_A.id}`, `discord:${GUILD_B.id}`, `discord:dm:${ALICE.id}`, 'slack:T1', GONE].entries()) result.run(workspace, `r${index}`);
    before.prepare(`INSERT INTO reminders (id, workspace, platform, workspace_id, channel_id, user_id, city, schedule, time_zone, created_by, created_at, active_since, paused, last_slot)
       VALUES ('rb', ?, 'discord', ?, 'C1', NULL, 'Cork', '{"kind":"cron","expr":"0 9 * * 1"}', 'Europe/London', 'U1', '2025-12-01T10:00:00.000Z', '2025-12-01T10:00:00.000Z', 0, NULL)`).run(`discord:${GUILD_B.id}`, GUILD_B.id);
    before.prepare(`INSERT INTO workspace_status (workspace, removed_at) VALUES (?, '2025-12-20T10:00:00.000Z')`).run(GONE);
    before.close();

    const at = { now: t0 };
    const bot = runs(at, path);
    try {
      // This release connects, and B is no longer among the servers: it left while the bot was offline.
      const core = await bot.run([GUILD_A], [undefined]);
      await until(async () => (await core.stores.workspaceStatus.listRemoved()).length === 2, 'B removed');
      expect(await core.stores.workspaceStatus.listRemoved()).toEqual([
        { workspace: GONE, removedAt: new Date('2025-12-20T10:00:00.000Z') },
        { workspace: `discord:${GUILD_B.id}`, removedAt: t0 },
      ]);
      expect(await core.stores.workspaceStatus.listPresent()).toEqual([`discord:${GUILD_A.id}`]);
      expect(await core.stores.results.list(`discord:dm:${ALICE.id}`)).toHaveLength(1);
      expect(await core.stores.results.list('slack:T1')).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });

  it('a shard judges only the servers on its own shard', async () => {
    const at = { now: t0 };
    const bot = runs(at);
    try {
      const first = await bot.run([GUILD_A, GUILD_ON_SHARD_1], [{ id: 0, count: 2 }, { id: 1, count: 2 }]);
      await until(async () => (await first.stores.workspaceStatus.listPresent()).length === 2, 'both shards recorded');
      // Only shard 0 comes back, and A (on shard 0) is gone; shard 1's server is not shard 0's to judge.
      const second = await bot.run([GUILD_ON_SHARD_1], [{ id: 0, count: 2 }]);
      await until(async () => (await second.stores.workspaceStatus.listRemoved()).length === 1, 'A removed');
      expect((await second.stores.workspaceStatus.listRemoved()).map((row) => row.workspace)).toEqual([`discord:${GUILD_A.id}`]);
      expect(await second.stores.workspaceStatus.listPresent()).toEqual([`discord:${GUILD_ON_SHARD_1.id}`]);
    } finally {
      await bot.stop();
    }
  });
});

describe('Discord: the bot removed from a server', () => {
  it('takes a server the bot is in when it connects as back (added again while the bot was offline)', async () => {
    const { core } = await start({ now: t0 }, async (offline) => {
      await offline.lifecycle.removed(`discord:${GUILD_A.id}`, t0);
      await offline.lifecycle.removed('discord:850000000000000001', t0);
    });
    await until(async () => (await core.stores.workspaceStatus.listRemoved()).length === 1, 'A back');
    expect((await core.stores.workspaceStatus.listRemoved()).map((row) => row.workspace)).toEqual(['discord:850000000000000001']);
  });

  it('a removal arriving while the connection’s list is still being recorded stays a removal', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lc-guild-race-')), 'bot.db');
    const logger = new RecordingLogger();
    const clock: Clock = { now: () => t0 };
    const core = await createCore({ knowledgeDir, databasePath: path, logger, clock, retentionDaysAfterRemoval: 30 });
    // Recording the list takes a while (a slow database): B's removal comes in meanwhile.
    const lifecycle = {
      ...core.lifecycle,
      connected: async (...args: Parameters<typeof core.lifecycle.connected>) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await core.lifecycle.connected(...args);
      },
    };
    const fake = await FakeDiscord.start([GUILD_A, GUILD_B]);
    const config = parseDiscordConfig({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.apiUrl });
    const app = createDiscordApp({ config, bot: core.bot, logger, lifecycle, clock });
    running = { app, core, fake };
    await app.start();
    removeBotFromGuild(fake, GUILD_B.id);
    await until(async () => (await core.stores.workspaceStatus.listPresent()).length > 0, 'the list recorded');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await core.stores.workspaceStatus.listRemoved()).map((row) => row.workspace)).toEqual([`discord:${GUILD_B.id}`]);
    expect(await core.stores.workspaceStatus.listPresent()).toEqual([`discord:${GUILD_A.id}`]);
  });

  it('lets a server admin delete the server’s data by typing its name, and refuses a member', async () => {
    const { core, fake, path } = await start({ now: t0 });
    for (const guild of [GUILD_A, GUILD_B]) {
      await seedUser(core.stores, { platform: 'discord', workspaceId: guild.id, channelId: guild.channelId }, ALICE.id, `g${guild.id}`, t0);
    }
    const before = sqliteRows(path);
    const say = async (user: typeof ALICE, id: string, text: string): Promise<string> => {
      const since = fake.requests.length;
      fake.dispatch('MESSAGE_CREATE', userMessage({ id, user, guild: GUILD_A, content: `<@${BOT_USER.id}> ${text}`, mentionsBot: true }));
      return bodyOf(await nextCall(fake, since, 'POST', new RegExp(`/channels/${GUILD_A.channelId}/messages$`, 'u'))).content ?? '';
    };
    expect(await say(ALICE, '840000000000000101', 'delete workspace data')).toContain('Only a workspace admin can delete this workspace’s data');
    expect(await say(ALICE, '840000000000000102', 'delete Cork Learning City')).toContain('Nothing was deleted.');
    expect(sqliteRows(path)).toEqual(before);
    expect(await say(ADMIN, '840000000000000103', 'delete workspace data')).toContain('To go ahead, type `delete Cork Learning City`.');
    expect(await say(ADMIN, '840000000000000104', 'delete cork learning city')).toContain('Done: deleted 1 assessment result, 1 assessment in progress, 1 feedback vote, 2 reminders, 1 document added from chat, 1 city-wide round from this workspace.');
    expect(sqliteRows(path)).toEqual(before.filter((row) => !row.includes(`discord:${GUILD_A.id}`)));
  });

  it('marks the server removed on GUILD_DELETE (not on an outage), sends it nothing, and deletes its data after the grace period unless the bot comes back', async () => {
    const at = { now: t0 };
    const { core, fake, path, logger } = await start(at);
    const seeded = new Date(t0.getTime() - 10 * DAY);
    for (const guild of [GUILD_A, GUILD_B]) {
      await seedUser(core.stores, { platform: 'discord', workspaceId: guild.id, channelId: guild.channelId }, ALICE.id, `g${guild.id}`, seeded);
    }
    const rowsOf = (guild: { id: string }) => sqliteRows(path).filter((row) => row.includes(`discord:${guild.id}`));
    // The workspace's data, without the bookkeeping of whether the bot is in it.
    const dataOf = (guild: { id: string }) => rowsOf(guild).filter((row) => !row.startsWith('workspace_status:') && !row.startsWith('workspace_presence:'));
    const removed = async () => (await core.stores.workspaceStatus.listRemoved()).map((row) => row.workspace);
    const before = { a: dataOf(GUILD_A), b: dataOf(GUILD_B) };
    expect(before.a).toHaveLength(9);
    expect(rowsOf(GUILD_A).filter((row) => row.startsWith('workspace_presence:'))).toHaveLength(1);

    // An outage first, then a kick from B: events arrive in order, so once B is marked, A's outage has been seen.
    guildOutage(fake, GUILD_A.id);
    removeBotFromGuild(fake, GUILD_B.id);
    await until(async () => (await removed()).includes(`discord:${GUILD_B.id}`), 'B marked removed');
    expect(await removed()).toEqual([`discord:${GUILD_B.id}`]);

    at.now = new Date(t0.getTime() + DAY);
    removeBotFromGuild(fake, GUILD_A.id);
    await until(async () => (await removed()).length === 2, 'A marked removed');
    expect((await core.stores.workspaceStatus.listRemoved()).find((row) => row.workspace === `discord:${GUILD_A.id}`)?.removedAt).toEqual(at.now);

    // While removed, their reminders are not sent, nor their slots taken.
    at.now = new Date(t0.getTime() + 20 * DAY);
    expect(await core.reminders.tick()).toEqual({ claimed: 0, sent: 0, failed: 0 });

    // B comes back before its 30 days are up: its mark goes, and its reminders go out again.
    addBotToGuild(fake, GUILD_B);
    await until(async () => (await removed()).length === 1, 'B back');
    at.now = new Date(t0.getTime() + 31 * DAY - 60_000);
    expect(await core.reminders.tick()).toEqual({ claimed: 2, sent: 2, failed: 0 });
    expect(dataOf(GUILD_A)).toEqual(before.a);

    // A's 30 days are up: everything of A goes, once, with one log line of counts.
    at.now = new Date(t0.getTime() + 31 * DAY);
    await core.reminders.tick();
    expect(rowsOf(GUILD_A)).toEqual([]);
    expect(await removed()).toEqual([]);
    const deleted = logger.entries.filter((entry) => entry.msg === 'data of a removed workspace deleted after the grace period');
    expect(deleted.map((entry) => entry.obj)).toEqual([
      {
        workspace: `discord:${GUILD_A.id}`,
        counts: { assessment_sessions: 1, assessment_results: 1, answer_feedback: 1, reminder_deliveries: 1, reminders: 2, workspace_documents: 1, group_rounds: 1 },
        removedAt: new Date(t0.getTime() + DAY).toISOString(),
      },
    ]);
    await core.reminders.tick();
    expect(logger.entries.filter((entry) => entry.msg === deleted[0]?.msg)).toHaveLength(1);
    // B kept everything; only its reminders' delivery records grew.
    expect(dataOf(GUILD_B).filter((row) => !row.startsWith('reminder'))).toEqual(before.b.filter((row) => !row.startsWith('reminder')));
  });
});
