import { conversationKey, workspaceKey, type Origin } from '../core/events.js';
import type { SessionKey } from '../core/assessment-store.js';
import { createPostgresBenchCore } from './bench-core.js';
import { createBenchDatabase } from './bench-database.js';
import { summarize, type Timing } from './stats.js';

/** Assessments in progress held in PostgreSQL, and what one step costs while they are there. */
export interface PgSessionsResult {
  sessions: number;
  /** Rows inserted per second through the session store, `concurrency` puts in flight. */
  insertPerSecond: number;
  insertConcurrency: number;
  /** pg_total_relation_size of assessment_sessions (heap, TOAST and indexes) over the rows. */
  bytesPerSession: number;
  totalBytes: number;
  /** One typed answer through `bot.handle` (session read, engine step, versioned save, reply). */
  botStep: Timing;
  /** One `get` plus versioned `put` through the store, on sessions picked at random among all. */
  storeStep: Timing;
}

const origin = (user: number, prefix: string): Origin => ({ platform: 'discord', workspaceId: `G${user % 11}`, channelId: `C${user % 97}`, userId: `${prefix}${user}` });
const keyOf = (at: Origin): SessionKey => ({ workspace: workspaceKey(at), conversation: conversationKey(at), userId: at.userId });

/**
 * `count` assessments in progress in a PostgreSQL database of the benchmark's own (dropped at the
 * end): one real session is started through the bot, its stored state copied under `count` keys
 * through the real session store, then steps are timed on a sample while all of them are there.
 */
export const benchPgSessions = async (options: { postgresUrl: string; count: number; sample: number; concurrency?: number }): Promise<PgSessionsResult> => {
  const database = await createBenchDatabase(options.postgresUrl);
  try {
    const bench = await createPostgresBenchCore(database.url);
    try {
      const { bot } = bench.core;
      const sessions = bench.stores.sessions;
      const template = origin(0, 'T');
      await bot.handle({ type: 'message', origin: template, text: 'assess niace-quick for Template City' });
      await bot.handle({ type: 'message', origin: template, text: '2' });
      const stored = await sessions.get(keyOf(template));
      if (stored === undefined) throw new Error('the bot stored no assessment to copy');
      const concurrency = options.concurrency ?? 8;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < options.count) {
            const user = next++;
            await sessions.put(keyOf(origin(user, 'M')), { ...stored, city: `City ${user}` });
          }
        }),
      );
      const insertMs = performance.now() - started;
      await bench.stores.db.run('measuring the sessions', 'ANALYZE assessment_sessions');
      const { rows } = await bench.stores.db.run(
        'measuring the sessions',
        `SELECT pg_total_relation_size('assessment_sessions')::bigint AS bytes, (SELECT COUNT(*) FROM assessment_sessions)::bigint AS rows`,
      );
      const totalBytes = Number((rows[0] as { bytes: unknown }).bytes);
      const rowCount = Number((rows[0] as { rows: unknown }).rows);
      // Steps through the bot: users of their own start, then answer twice; each answer is timed.
      const botSamples: number[] = [];
      for (let user = 0; user < options.sample; user++) {
        const at = origin(user, 'S');
        await bot.handle({ type: 'message', origin: at, text: `assess niace-quick for Sample ${user}` });
        for (const answer of ['2', 'developing']) {
          const t0 = performance.now();
          await bot.handle({ type: 'message', origin: at, text: answer });
          botSamples.push(performance.now() - t0);
        }
      }
      // Steps on the store alone, spread over all the copies (mostly not in PostgreSQL's cache order).
      const storeSamples: number[] = [];
      for (let i = 0; i < options.sample * 2; i++) {
        const key = keyOf(origin(Math.floor(Math.random() * options.count), 'M'));
        const t0 = performance.now();
        const session = await sessions.get(key);
        if (session === undefined) throw new Error('a copied session is missing');
        await sessions.put(key, { ...session, updatedAt: new Date() }, session.version);
        storeSamples.push(performance.now() - t0);
      }
      return {
        sessions: rowCount,
        insertPerSecond: Math.round((options.count / insertMs) * 1000),
        insertConcurrency: concurrency,
        bytesPerSession: Math.round(totalBytes / Math.max(1, rowCount)),
        totalBytes,
        botStep: summarize(botSamples),
        storeStep: summarize(storeSamples),
      };
    } finally {
      await bench.dispose();
    }
  } finally {
    await database.drop();
  }
};
