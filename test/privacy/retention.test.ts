import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, it as itRun } from 'vitest';
import { createCore, type Core } from '../../src/app.js';
import type { Clock } from '../../src/core/ports.js';
import { createPostgresStores } from '../../src/storage/postgres-stores.js';
import { RecordingLogger } from '../adapters/discord/test-harness.js';
import { copyKnowledge } from '../support/knowledge.js';
import { freshSchema, withPostgres } from '../support/postgres.js';
import { sessionKey, storedSession } from '../storage/fixtures.js';
import { seedUser } from './seed.js';

const DAY = 86_400_000;
const now = new Date('2026-06-30T12:00:00.000Z');
const clock: Clock = { now: () => now };
const knowledgeDir = copyKnowledge();

/** Two instances of the bot on one database, as several processes run it. */
interface Pair {
  cores: [Core, Core];
  loggers: [RecordingLogger, RecordingLogger];
  close(): Promise<void>;
}

const options = { knowledgeDir, clock, retentionDaysAfterRemoval: 30, retentionDaysInProgress: 180 };

const backends: Array<{ name: string; skip: boolean; open: () => Promise<Pair> }> = [
  {
    name: 'one SQLite file',
    skip: false,
    open: async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'lc-retention-')), 'bot.db');
      const loggers: [RecordingLogger, RecordingLogger] = [new RecordingLogger(), new RecordingLogger()];
      const cores: [Core, Core] = [
        await createCore({ ...options, databasePath: path, logger: loggers[0] }),
        await createCore({ ...options, databasePath: path, logger: loggers[1] }),
      ];
      return { cores, loggers, close: async () => void (await Promise.all(cores.map((core) => core.close()))) };
    },
  },
  {
    name: 'one PostgreSQL database',
    skip: !withPostgres,
    open: async () => {
      const schema = await freshSchema();
      const loggers: [RecordingLogger, RecordingLogger] = [new RecordingLogger(), new RecordingLogger()];
      const cores: [Core, Core] = [
        await createCore({ ...options, databasePath: '', stores: await createPostgresStores(schema.url), logger: loggers[0] }),
        await createCore({ ...options, databasePath: '', stores: await createPostgresStores(schema.url), logger: loggers[1] }),
      ];
      return { cores, loggers, close: async () => { await Promise.all(cores.map((core) => core.close())); await schema.drop(); } };
    },
  },
];

const logged = (loggers: readonly RecordingLogger[], msg: string) =>
  loggers.flatMap((logger) => logger.entries.filter((entry) => entry.msg === msg).map((entry) => entry.obj));

describe.each(backends)('retention on $name', ({ open, skip }) => {
  const it = skip ? itRun.skip : itRun;
  let pair: Pair | undefined;
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });

  it('deletes assessments in progress untouched for RETENTION_DAYS_IN_PROGRESS, once, whichever instance runs first', async () => {
    pair = await open();
    const [a, b] = pair.cores;
    const at = (days: number) => storedSession({ updatedAt: new Date(now.getTime() - days * DAY) });
    await a.stores.sessions.put(sessionKey({ userId: 'stale' }), at(181));
    await a.stores.sessions.put(sessionKey({ userId: 'edge' }), at(180));
    await a.stores.sessions.put(sessionKey({ userId: 'fresh', workspace: 'discord:G1' }), at(179));
    await Promise.all([a.reminders.tick(), b.reminders.tick()]);
    expect((await a.stores.sessions.listByWorkspace('slack:T1')).map((s) => s.userId)).toEqual(['edge']);
    expect(await a.stores.sessions.listByWorkspace('discord:G1')).toHaveLength(1);
    expect(logged(pair.loggers, 'untouched assessments in progress deleted')).toEqual([
      { counts: { assessment_sessions: 1 }, before: new Date(now.getTime() - 180 * DAY).toISOString() },
    ]);
    await Promise.all([a.reminders.tick(), b.reminders.tick()]);
    expect(logged(pair.loggers, 'untouched assessments in progress deleted')).toHaveLength(1);
  });

  it('deletes a removed workspace’s data after the grace period on whichever instances run, logging it once and nothing else', async () => {
    pair = await open();
    const [a, b] = pair.cores;
    const fresh = new Date(now.getTime() - DAY);
    await seedUser(a.stores, { platform: 'slack', workspaceId: 'TGONE', channelId: 'C1' }, 'U1', 'gone', fresh);
    await seedUser(a.stores, { platform: 'slack', workspaceId: 'TSTAY', channelId: 'C1' }, 'U1', 'stay', fresh);
    await a.lifecycle.removed('slack:TGONE', new Date(now.getTime() - 30 * DAY));
    await b.lifecycle.removed('slack:TSTAY', new Date(now.getTime() - 30 * DAY + 60_000));
    await Promise.all([a.reminders.tick(), b.reminders.tick(), a.reminders.tick()]);
    expect(await a.stores.results.list('slack:TGONE')).toEqual([]);
    expect(await a.stores.reminders.listByWorkspace('slack:TGONE')).toEqual([]);
    expect(await a.stores.results.list('slack:TSTAY')).toHaveLength(1);
    expect((await a.stores.workspaceStatus.listRemoved()).map((row) => row.workspace)).toEqual(['slack:TSTAY']);
    expect(logged(pair.loggers, 'data of a removed workspace deleted after the grace period')).toEqual([
      {
        workspace: 'slack:TGONE',
        counts: { assessment_sessions: 1, assessment_results: 1, answer_feedback: 1, reminder_deliveries: 1, reminders: 2, workspace_documents: 1, group_rounds: 1 },
        removedAt: new Date(now.getTime() - 30 * DAY).toISOString(),
      },
    ]);
    expect(pair.loggers.flatMap((logger) => logger.entries.filter((entry) => entry.level === 'error'))).toEqual([]);
  });
});
