import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/core/errors.js';
import { MemoryFeedbackStore, MemoryResultStore, MemorySessionStore } from '../../src/storage/memory-stores.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import type { FeedbackEntry } from '../../src/storage/feedback-entry.js';
import type { FeedbackStore, ResultStore, SessionStore } from '../../src/core/ports.js';
import { assessmentResult, sessionKey, storedSession } from './fixtures.js';
import { tempDir } from './temp-dir.js';

/** What the contract needs from a backend; feedback stores also list votes for reading back. */
interface Backend {
  sessions: SessionStore;
  results: ResultStore;
  feedback: FeedbackStore & { listByWorkspace(workspace: string): FeedbackEntry[] };
  close(): void;
}

const backends: Array<{ name: string; open: () => Backend }> = [
  {
    name: 'memory',
    open: () => ({
      sessions: new MemorySessionStore(),
      results: new MemoryResultStore(),
      feedback: new MemoryFeedbackStore(),
      close: () => {},
    }),
  },
  { name: 'sqlite', open: () => createSqliteStores(join(tempDir(), 'bot.db')) },
];

describe.each(backends)('$name stores', ({ open }) => {
  let backend: Backend;
  const start = (): Backend => {
    backend = open();
    return backend;
  };
  afterEach(() => backend.close());

  describe('sessions', () => {
    it('reads back what was put, dates and nested state included', () => {
      const { sessions } = start();
      sessions.put(sessionKey(), storedSession());
      expect(sessions.get(sessionKey())).toEqual(storedSession());
      expect(sessions.get(sessionKey({ userId: 'U2' }))).toBeUndefined();
    });

    it('replaces the session on a second put with the same key', () => {
      const { sessions } = start();
      sessions.put(sessionKey(), storedSession());
      const later = storedSession({ state: { step: 4 }, updatedAt: new Date('2025-03-04T08:00:00.000Z') });
      sessions.put(sessionKey(), later);
      expect(sessions.get(sessionKey())).toEqual(later);
      expect(sessions.listByWorkspace('slack:T1')).toHaveLength(1);
    });

    it('keeps users and conversations apart and deletes only the given key', () => {
      const { sessions } = start();
      sessions.put(sessionKey(), storedSession({ city: 'Cork' }));
      sessions.put(sessionKey({ userId: 'U2' }), storedSession({ city: 'Espoo' }));
      sessions.put(sessionKey({ conversation: 'slack:T1:C2' }), storedSession({ city: 'Osaka' }));
      sessions.delete(sessionKey({ userId: 'U2' }));
      sessions.delete(sessionKey({ userId: 'nobody' }));
      expect(sessions.get(sessionKey({ userId: 'U2' }))).toBeUndefined();
      expect(sessions.get(sessionKey())?.city).toBe('Cork');
      expect(sessions.get(sessionKey({ conversation: 'slack:T1:C2' }))?.city).toBe('Osaka');
    });

    it('lists one workspace only, most recently updated first, with keys', () => {
      const { sessions } = start();
      const at = (iso: string) => storedSession({ updatedAt: new Date(iso) });
      sessions.put(sessionKey({ userId: 'old' }), at('2025-03-01T00:00:00.000Z'));
      sessions.put(sessionKey({ userId: 'new' }), at('2025-03-05T00:00:00.000Z'));
      sessions.put(sessionKey({ workspace: 'slack:T2', userId: 'other' }), at('2025-03-09T00:00:00.000Z'));
      sessions.put(sessionKey({ workspace: 'discord:T1', userId: 'other' }), at('2025-03-09T00:00:00.000Z'));
      const listed = sessions.listByWorkspace('slack:T1');
      expect(listed.map((s) => s.userId)).toEqual(['new', 'old']);
      expect(listed[0]).toEqual({ ...sessionKey({ userId: 'new' }), ...at('2025-03-05T00:00:00.000Z') });
      expect(sessions.get(sessionKey({ workspace: 'slack:T2', userId: 'new' }))).toBeUndefined();
      expect(sessions.listByWorkspace('slack:T3')).toEqual([]);
    });

    it('is not changed by callers mutating what they passed in or got back', () => {
      const { sessions } = start();
      const session = storedSession({ state: { answers: [1] } });
      sessions.put(sessionKey(), session);
      (session.state as { answers: number[] }).answers.push(2);
      session.startedAt.setUTCFullYear(1999);
      const read = sessions.get(sessionKey());
      (read?.state as { answers: number[] }).answers.push(3);
      read?.updatedAt.setUTCFullYear(1999);
      expect(sessions.get(sessionKey())).toEqual(storedSession({ state: { answers: [1] } }));
    });

    it('rejects a state JSON cannot hold and an invalid date with a StorageError', () => {
      const { sessions } = start();
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect(() => sessions.put(sessionKey(), storedSession({ state: cyclic }))).toThrow(StorageError);
      expect(() => sessions.put(sessionKey(), storedSession({ updatedAt: new Date('nope') }))).toThrow(
        /updatedAt: Invalid Date is not a valid date/,
      );
      expect(sessions.get(sessionKey())).toBeUndefined();
    });
  });

  describe('results', () => {
    const completed = (day: number) => new Date(Date.UTC(2025, 2, day, 10));

    it('reads back what was saved, null scores included', () => {
      const { results } = start();
      const result = assessmentResult({ overallPercent: null, answers: { q1: null } });
      results.save(result);
      expect(results.list('slack:T1')).toEqual([result]);
    });

    it('lists newest first, matches city ignoring case and spacing, filters framework, limits', () => {
      const { results } = start();
      results.save(assessmentResult({ id: 'a', city: 'Cork', completedAt: completed(1) }));
      results.save(assessmentResult({ id: 'b', city: 'Espoo', completedAt: completed(2) }));
      results.save(assessmentResult({ id: 'c', city: 'CORK ', completedAt: completed(3), frameworkId: 'other' }));
      results.save(assessmentResult({ id: 'd', city: 'cork', completedAt: completed(4) }));
      const ids = (filter?: Parameters<ResultStore['list']>[1]) =>
        results.list('slack:T1', filter).map((r) => r.id);
      expect(ids()).toEqual(['d', 'c', 'b', 'a']);
      expect(ids({ city: '  cOrK' })).toEqual(['d', 'c', 'a']);
      expect(ids({ frameworkId: 'unesco-key-features' })).toEqual(['d', 'b', 'a']);
      expect(ids({ city: 'Cork', frameworkId: 'other' })).toEqual(['c']);
      expect(ids({ city: 'Cork', limit: 2 })).toEqual(['d', 'c']);
      expect(ids({ limit: 0 })).toEqual([]);
      expect(ids({ city: 'Osaka' })).toEqual([]);
      expect(results.list('slack:T1', { city: 'cork' })[0]?.city).toBe('cork');
    });

    it('matches accented city names whatever their case', () => {
      const { results } = start();
      results.save(assessmentResult({ city: 'São Paulo' }));
      expect(results.list('slack:T1', { city: 'SÃO PAULO' })).toHaveLength(1);
    });

    it('orders results completed at the same instant latest saved first', () => {
      const { results } = start();
      for (const id of ['x', 'y', 'z']) results.save(assessmentResult({ id, completedAt: completed(5) }));
      expect(results.list('slack:T1').map((r) => r.id)).toEqual(['z', 'y', 'x']);
    });

    it('never shows a result saved in slack:T1 in slack:T2 or discord:T1', () => {
      const { results } = start();
      results.save(assessmentResult({ workspace: 'slack:T1', id: 'same' }));
      results.save(assessmentResult({ workspace: 'discord:T1', platform: 'discord', id: 'same', city: 'Espoo' }));
      expect(results.list('slack:T2')).toEqual([]);
      expect(results.list('slack:T2', { city: 'Cork' })).toEqual([]);
      expect(results.list('discord:T1').map((r) => r.city)).toEqual(['Espoo']);
      expect(results.list('slack:T1').map((r) => r.city)).toEqual(['Cork']);
    });

    it('replaces a result saved again with the same id in the same workspace', () => {
      const { results } = start();
      results.save(assessmentResult({ overallPercent: 10 }));
      results.save(assessmentResult({ overallPercent: 20 }));
      expect(results.list('slack:T1').map((r) => r.overallPercent)).toEqual([20]);
    });

    it('is not changed by callers mutating what they passed in or got back', () => {
      const { results } = start();
      const result = assessmentResult();
      results.save(result);
      result.answers.q1 = 0;
      result.components[0]!.percent = 0;
      const read = results.list('slack:T1')[0]!;
      read.answers.q2 = 0;
      read.completedAt.setUTCFullYear(1999);
      expect(results.list('slack:T1')).toEqual([assessmentResult()]);
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

    it('records votes per workspace, one per user and answer, the latest winning', () => {
      const { feedback } = start();
      feedback.recordFeedback(vote());
      feedback.recordFeedback(vote({ userId: 'U2', at: new Date('2025-03-03T11:00:00.000Z') }));
      feedback.recordFeedback(vote({ helpful: false, at: new Date('2025-03-03T12:00:00.000Z') }));
      feedback.recordFeedback(vote({ workspace: 'discord:T1' }));
      expect(feedback.listByWorkspace('slack:T1')).toEqual([
        vote({ helpful: false, at: new Date('2025-03-03T12:00:00.000Z') }),
        vote({ userId: 'U2', at: new Date('2025-03-03T11:00:00.000Z') }),
      ]);
      expect(feedback.listByWorkspace('discord:T1')).toEqual([vote({ workspace: 'discord:T1' })]);
      expect(feedback.listByWorkspace('slack:T2')).toEqual([]);
    });

    it('rejects an invalid date with a StorageError', () => {
      const { feedback } = start();
      expect(() => feedback.recordFeedback(vote({ at: new Date(Number.NaN) }))).toThrow(StorageError);
      expect(feedback.listByWorkspace('slack:T1')).toEqual([]);
    });
  });
});
