import { describe, expect } from 'vitest';
import { StorageError } from '../../src/core/errors.js';
import { MemoryFeedbackStore, MemoryResultStore, MemorySessionStore, MemoryWorkspaceStatusStore } from '../../src/storage/memory-stores.js';
import type { ResultStore } from '../../src/core/assessment-store.js';
import type { FeedbackEntry } from '../../src/storage/feedback-entry.js';
import { ANONYMOUS_USER_ID } from '../../src/core/ports.js';
import { assessmentResult, sessionKey, storedSession } from './fixtures.js';
import { storeBackends, storesPerTest } from './store-backends.js';

const backends = storeBackends<'sessions' | 'results' | 'feedback' | 'workspaceStatus'>(() => ({
  sessions: new MemorySessionStore(),
  results: new MemoryResultStore(),
  feedback: new MemoryFeedbackStore(),
  workspaceStatus: new MemoryWorkspaceStatusStore(),
  close: () => {},
}));

describe.each(backends)('$name stores', (backend) => {
  const { start, it } = storesPerTest(backend);

  describe('sessions', () => {
    it('reads back what was put, dates and nested state included', async () => {
      const { sessions } = await start();
      await sessions.put(sessionKey(), storedSession());
      expect(await sessions.get(sessionKey())).toEqual(storedSession());
      expect(await sessions.get(sessionKey({ userId: 'U2' }))).toBeUndefined();
    });

    it('replaces the session on a second put with the same key', async () => {
      const { sessions } = await start();
      await sessions.put(sessionKey(), storedSession());
      const later = storedSession({ state: { step: 4 }, updatedAt: new Date('2025-03-04T08:00:00.000Z') });
      await sessions.put(sessionKey(), later);
      expect(await sessions.get(sessionKey())).toEqual({ ...later, version: 2 });
      expect(await sessions.listByWorkspace('slack:T1')).toHaveLength(1);
    });

    it('applies a put or delete naming a version only while the session still has it', async () => {
      const { sessions } = await start();
      expect(await sessions.put(sessionKey(), storedSession({ city: 'Cork' }), 1)).toBe(false);
      expect(await sessions.get(sessionKey())).toBeUndefined();
      expect(await sessions.put(sessionKey(), storedSession({ city: 'Cork' }))).toBe(true);
      const read = await sessions.get(sessionKey());
      expect(read?.version).toBe(1);
      // Two instances read version 1; the first to save wins, the second is refused and changes nothing.
      expect(await sessions.put(sessionKey(), storedSession({ city: 'Espoo' }), 1)).toBe(true);
      expect(await sessions.put(sessionKey(), storedSession({ city: 'Osaka' }), 1)).toBe(false);
      expect(await sessions.get(sessionKey())).toEqual(storedSession({ city: 'Espoo', version: 2 }));
      expect(await sessions.put(sessionKey(), storedSession({ city: 'Osaka' }), 2)).toBe(true);
      expect((await sessions.listByWorkspace('slack:T1')).map((s) => [s.city, s.version])).toEqual([['Osaka', 3]]);
      expect(await sessions.delete(sessionKey(), 2)).toBe(false);
      expect(await sessions.get(sessionKey())).toBeDefined();
      expect(await sessions.delete(sessionKey(), 3)).toBe(true);
      expect(await sessions.delete(sessionKey())).toBe(false);
      expect(await sessions.put(sessionKey(), storedSession(), 3)).toBe(false);
    });

    it('keeps users and conversations apart and deletes only the given key', async () => {
      const { sessions } = await start();
      await sessions.put(sessionKey(), storedSession({ city: 'Cork' }));
      await sessions.put(sessionKey({ userId: 'U2' }), storedSession({ city: 'Espoo' }));
      await sessions.put(sessionKey({ conversation: 'slack:T1:C2' }), storedSession({ city: 'Osaka' }));
      await sessions.delete(sessionKey({ userId: 'U2' }));
      await sessions.delete(sessionKey({ userId: 'nobody' }));
      expect(await sessions.get(sessionKey({ userId: 'U2' }))).toBeUndefined();
      expect((await sessions.get(sessionKey()))?.city).toBe('Cork');
      expect((await sessions.get(sessionKey({ conversation: 'slack:T1:C2' })))?.city).toBe('Osaka');
    });

    it('lists one workspace only, most recently updated first, with keys', async () => {
      const { sessions } = await start();
      const at = (iso: string) => storedSession({ updatedAt: new Date(iso) });
      await sessions.put(sessionKey({ userId: 'old' }), at('2025-03-01T00:00:00.000Z'));
      await sessions.put(sessionKey({ userId: 'new' }), at('2025-03-05T00:00:00.000Z'));
      await sessions.put(sessionKey({ workspace: 'slack:T2', userId: 'other' }), at('2025-03-09T00:00:00.000Z'));
      await sessions.put(sessionKey({ workspace: 'discord:T1', userId: 'other' }), at('2025-03-09T00:00:00.000Z'));
      const listed = await sessions.listByWorkspace('slack:T1');
      expect(listed.map((s) => s.userId)).toEqual(['new', 'old']);
      expect(listed[0]).toEqual({ ...sessionKey({ userId: 'new' }), ...at('2025-03-05T00:00:00.000Z') });
      expect(await sessions.get(sessionKey({ workspace: 'slack:T2', userId: 'new' }))).toBeUndefined();
      expect(await sessions.listByWorkspace('slack:T3')).toEqual([]);
    });

    it('is not changed by callers mutating what they passed in or got back', async () => {
      const { sessions } = await start();
      const session = storedSession({ state: { answers: [1] } });
      await sessions.put(sessionKey(), session);
      (session.state as { answers: number[] }).answers.push(2);
      session.startedAt.setUTCFullYear(1999);
      const read = await sessions.get(sessionKey());
      (read?.state as { answers: number[] }).answers.push(3);
      read?.updatedAt.setUTCFullYear(1999);
      expect(await sessions.get(sessionKey())).toEqual(storedSession({ state: { answers: [1] } }));
    });

    it('rejects a state JSON cannot hold and an invalid date with a StorageError', async () => {
      const { sessions } = await start();
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await expect(async () => sessions.put(sessionKey(), storedSession({ state: cyclic }))).rejects.toThrow(StorageError);
      await expect(async () => sessions.put(sessionKey(), storedSession({ updatedAt: new Date('nope') }))).rejects.toThrow(
        /updatedAt: Invalid Date is not a valid date/,
      );
      expect(await sessions.get(sessionKey())).toBeUndefined();
    });

    it('erases one user in one workspace, a whole workspace, and sessions untouched since a date', async () => {
      const { sessions } = await start();
      const at = (iso: string) => storedSession({ updatedAt: new Date(iso) });
      await sessions.put(sessionKey(), at('2025-03-01T00:00:00.000Z'));
      await sessions.put(sessionKey({ conversation: 'slack:T1:C2' }), at('2025-03-09T00:00:00.000Z'));
      await sessions.put(sessionKey({ userId: 'U2' }), at('2025-03-02T00:00:00.000Z'));
      await sessions.put(sessionKey({ workspace: 'slack:T2' }), at('2025-03-01T00:00:00.000Z'));
      await sessions.put(sessionKey({ workspace: 'slack:T3', userId: 'U3' }), at('2025-03-09T00:00:00.000Z'));
      expect(await sessions.eraseUser('slack:T1', 'U1')).toEqual({ assessment_sessions: 2 });
      expect((await sessions.listByWorkspace('slack:T1')).map((s) => s.userId)).toEqual(['U2']);
      expect(await sessions.get(sessionKey({ workspace: 'slack:T2' }))).toBeDefined();
      expect(await sessions.eraseUser('slack:T1', 'U1')).toEqual({ assessment_sessions: 0 });
      expect(await sessions.eraseWorkspace('slack:T1')).toEqual({ assessment_sessions: 1 });
      expect(await sessions.listByWorkspace('slack:T1')).toEqual([]);
      // Strictly before: a session updated at the cut-off instant stays.
      expect(await sessions.eraseUntouchedSince(new Date('2025-03-09T00:00:00.000Z'))).toBe(1);
      expect(await sessions.get(sessionKey({ workspace: 'slack:T2' }))).toBeUndefined();
      expect((await sessions.listByWorkspace('slack:T3')).map((s) => s.userId)).toEqual(['U3']);
      expect(await sessions.eraseUntouchedSince(new Date('2025-03-09T00:00:00.000Z'))).toBe(0);
    });
  });

  describe('text as given', () => {
    // Platforms pass ids and names through untouched; PostgreSQL TEXT cannot hold U+0000.
    const odd = 'Cork\u0000 \u{1F600} \ud800 end';
    it('stores a NUL, emoji or lone surrogate in names and ids and reads back the same text', async () => {
      const { sessions, results, feedback } = await start();
      const key = sessionKey({ userId: odd, conversation: odd });
      await sessions.put(key, storedSession({ city: odd }));
      expect((await sessions.get(key))?.city).toBe((await sessions.listByWorkspace('slack:T1'))[0]?.city);
      await results.save(assessmentResult({ city: odd, userId: odd, channelId: odd }));
      const [saved] = await results.list('slack:T1', { city: odd });
      expect(saved?.userId).toBe((await sessions.listByWorkspace('slack:T1'))[0]?.userId);
      await feedback.recordFeedback({ workspace: 'slack:T1', userId: odd, key: odd, helpful: true, at: new Date() });
      expect(await feedback.listByWorkspace('slack:T1')).toHaveLength(1);
    });
  });

  describe('results', () => {
    const completed = (day: number) => new Date(Date.UTC(2025, 2, day, 10));

    it('reads back what was saved, null scores included', async () => {
      const { results } = await start();
      const result = assessmentResult({ overallPercent: null, answers: { q1: null } });
      await results.save(result);
      expect(await results.list('slack:T1')).toEqual([result]);
    });

    it('lists newest first, matches city ignoring case and spacing, filters framework, limits', async () => {
      const { results } = await start();
      await results.save(assessmentResult({ id: 'a', city: 'Cork', completedAt: completed(1) }));
      await results.save(assessmentResult({ id: 'b', city: 'Espoo', completedAt: completed(2) }));
      await results.save(assessmentResult({ id: 'c', city: 'CORK ', completedAt: completed(3), frameworkId: 'other' }));
      await results.save(assessmentResult({ id: 'd', city: 'cork', completedAt: completed(4) }));
      const ids = async (filter?: Parameters<ResultStore['list']>[1]) =>
        (await results.list('slack:T1', filter)).map((r) => r.id);
      expect(await ids()).toEqual(['d', 'c', 'b', 'a']);
      expect(await ids({ city: '  cOrK' })).toEqual(['d', 'c', 'a']);
      expect(await ids({ frameworkId: 'unesco-key-features' })).toEqual(['d', 'b', 'a']);
      expect(await ids({ city: 'Cork', frameworkId: 'other' })).toEqual(['c']);
      expect(await ids({ city: 'Cork', limit: 2 })).toEqual(['d', 'c']);
      expect(await ids({ limit: 0 })).toEqual([]);
      expect(await ids({ city: 'Osaka' })).toEqual([]);
      expect((await results.list('slack:T1', { city: 'cork' }))[0]?.city).toBe('cork');
    });

    it('matches accented city names whatever their case', async () => {
      const { results } = await start();
      await results.save(assessmentResult({ city: 'São Paulo' }));
      expect(await results.list('slack:T1', { city: 'SÃO PAULO' })).toHaveLength(1);
    });

    it('orders results completed at the same instant latest saved first', async () => {
      const { results } = await start();
      for (const id of ['x', 'y', 'z']) await results.save(assessmentResult({ id, completedAt: completed(5) }));
      expect((await results.list('slack:T1')).map((r) => r.id)).toEqual(['z', 'y', 'x']);
    });

    it('never shows a result saved in slack:T1 in slack:T2 or discord:T1', async () => {
      const { results } = await start();
      await results.save(assessmentResult({ workspace: 'slack:T1', id: 'same' }));
      await results.save(assessmentResult({ workspace: 'discord:T1', platform: 'discord', id: 'same', city: 'Espoo' }));
      expect(await results.list('slack:T2')).toEqual([]);
      expect(await results.list('slack:T2', { city: 'Cork' })).toEqual([]);
      expect((await results.list('discord:T1')).map((r) => r.city)).toEqual(['Espoo']);
      expect((await results.list('slack:T1')).map((r) => r.city)).toEqual(['Cork']);
    });

    it('replaces a result saved again with the same id in the same workspace', async () => {
      const { results } = await start();
      await results.save(assessmentResult({ overallPercent: 10 }));
      await results.save(assessmentResult({ overallPercent: 20 }));
      expect((await results.list('slack:T1')).map((r) => r.overallPercent)).toEqual([20]);
    });

    it('is not changed by callers mutating what they passed in or got back', async () => {
      const { results } = await start();
      const result = assessmentResult();
      await results.save(result);
      result.answers.q1 = 0;
      result.components[0]!.percent = 0;
      const read = (await results.list('slack:T1'))[0]!;
      read.answers.q2 = 0;
      read.completedAt.setUTCFullYear(1999);
      expect(await results.list('slack:T1')).toEqual([assessmentResult()]);
    });

    it('keeps a forgotten user’s results for the city under the anonymous marker, and erases a workspace', async () => {
      const { results } = await start();
      await results.save(assessmentResult({ id: 'a' }));
      await results.save(assessmentResult({ id: 'b', userId: 'U2' }));
      await results.save(assessmentResult({ id: 'c', workspace: 'slack:T2' }));
      expect(await results.eraseUser('slack:T1', 'U1')).toEqual({ assessment_results: 1 });
      expect((await results.list('slack:T1')).map((r) => [r.id, r.userId])).toEqual([['b', 'U2'], ['a', ANONYMOUS_USER_ID]]);
      expect((await results.list('slack:T1', { city: 'Cork' }))).toHaveLength(2);
      expect((await results.list('slack:T2'))[0]?.userId).toBe('U1');
      expect(await results.eraseWorkspace('slack:T1')).toEqual({ assessment_results: 2 });
      expect(await results.list('slack:T1')).toEqual([]);
      expect(await results.list('slack:T2')).toHaveLength(1);
    });
  });

  describe('feedback', () => {
    const vote = (overrides: Partial<FeedbackEntry> = {}): FeedbackEntry => ({
      workspace: 'slack:T1',
      userId: 'U1',
      key: 'answer-1',
      helpful: true,
      at: new Date('2025-03-03T10:00:00.000Z'),
      ...overrides,
    });

    it('records votes per workspace, one per user and answer, the latest winning', async () => {
      const { feedback } = await start();
      await feedback.recordFeedback(vote());
      await feedback.recordFeedback(vote({ userId: 'U2', at: new Date('2025-03-03T11:00:00.000Z') }));
      await feedback.recordFeedback(vote({ helpful: false, at: new Date('2025-03-03T12:00:00.000Z') }));
      await feedback.recordFeedback(vote({ workspace: 'discord:T1' }));
      expect(await feedback.listByWorkspace('slack:T1')).toEqual([
        vote({ helpful: false, at: new Date('2025-03-03T12:00:00.000Z') }),
        vote({ userId: 'U2', at: new Date('2025-03-03T11:00:00.000Z') }),
      ]);
      expect(await feedback.listByWorkspace('discord:T1')).toEqual([vote({ workspace: 'discord:T1' })]);
      expect(await feedback.listByWorkspace('slack:T2')).toEqual([]);
    });

    it('rejects an invalid date with a StorageError', async () => {
      const { feedback } = await start();
      await expect(async () => feedback.recordFeedback(vote({ at: new Date(Number.NaN) }))).rejects.toThrow(StorageError);
      expect(await feedback.listByWorkspace('slack:T1')).toEqual([]);
    });

    it('erases one user’s votes in one workspace, and a whole workspace', async () => {
      const { feedback } = await start();
      await feedback.recordFeedback(vote());
      await feedback.recordFeedback(vote({ key: 'answer-2' }));
      await feedback.recordFeedback(vote({ userId: 'U2' }));
      await feedback.recordFeedback(vote({ workspace: 'slack:T2' }));
      expect(await feedback.eraseUser('slack:T1', 'U1')).toEqual({ answer_feedback: 2 });
      expect(await feedback.listByWorkspace('slack:T1')).toEqual([vote({ userId: 'U2' })]);
      expect(await feedback.eraseWorkspace('slack:T1')).toEqual({ answer_feedback: 1 });
      expect(await feedback.listByWorkspace('slack:T1')).toEqual([]);
      expect(await feedback.listByWorkspace('slack:T2')).toEqual([vote({ workspace: 'slack:T2' })]);
    });
  });

  describe('workspace status', () => {
    const day = (n: number) => new Date(Date.UTC(2025, 2, n));

    it('marks a workspace removed once, keeping the first time, lists oldest first, and clears the mark', async () => {
      const { workspaceStatus } = await start();
      expect(await workspaceStatus.listRemoved()).toEqual([]);
      await workspaceStatus.markRemoved('discord:G2', day(5));
      await workspaceStatus.markRemoved('discord:G1', day(3));
      await workspaceStatus.markRemoved('discord:G2', day(9));
      expect(await workspaceStatus.listRemoved()).toEqual([
        { workspace: 'discord:G1', removedAt: day(3) },
        { workspace: 'discord:G2', removedAt: day(5) },
      ]);
      expect(await workspaceStatus.clearRemoved('discord:G1')).toBe(true);
      expect(await workspaceStatus.clearRemoved('discord:G1')).toBe(false);
      expect(await workspaceStatus.listRemoved()).toEqual([{ workspace: 'discord:G2', removedAt: day(5) }]);
      await expect(async () => workspaceStatus.markRemoved('discord:G3', new Date(Number.NaN))).rejects.toThrow(StorageError);
    });

    it('lets one caller take on a workspace’s deletion, once it has been removed long enough, until the claim goes stale', async () => {
      const { workspaceStatus } = await start();
      await workspaceStatus.markRemoved('discord:G1', day(3));
      // Not removed long enough, or not removed at all.
      expect(await workspaceStatus.claimErasure('discord:G1', day(2), day(10), day(9))).toBe(false);
      expect(await workspaceStatus.claimErasure('discord:G9', day(5), day(10), day(9))).toBe(false);
      expect(await workspaceStatus.claimErasure('discord:G1', day(3), day(10), day(9))).toBe(true);
      expect(await workspaceStatus.claimErasure('discord:G1', day(3), day(10), day(9))).toBe(false);
      // The claimer stopped half-way: after the lease, another run takes it over.
      expect(await workspaceStatus.claimErasure('discord:G1', day(3), day(12), day(11))).toBe(true);
      expect(await workspaceStatus.listRemoved()).toEqual([{ workspace: 'discord:G1', removedAt: day(3) }]);
      await workspaceStatus.clearRemoved('discord:G1');
      expect(await workspaceStatus.claimErasure('discord:G1', day(3), day(20), day(19))).toBe(false);
    });

    it('records the workspaces the bot is in, each once however often listed, and forgets one', async () => {
      const { workspaceStatus } = await start();
      expect(await workspaceStatus.listPresent()).toEqual([]);
      await workspaceStatus.markPresent(['discord:G2', 'discord:G1', 'discord:G2'], day(3));
      await workspaceStatus.markPresent([], day(4));
      await workspaceStatus.markPresent(['slack:T1', 'discord:G1'], day(5));
      expect(await workspaceStatus.listPresent()).toEqual(['discord:G1', 'discord:G2', 'slack:T1']);
      await workspaceStatus.forgetPresent('discord:G2');
      await workspaceStatus.forgetPresent('discord:G9');
      expect(await workspaceStatus.listPresent()).toEqual(['discord:G1', 'slack:T1']);
      // Being present says nothing of being removed, and the other way round.
      expect(await workspaceStatus.listRemoved()).toEqual([]);
      await expect(async () => workspaceStatus.markPresent(['discord:G3'], new Date(Number.NaN))).rejects.toThrow(StorageError);
    });
  });
});
