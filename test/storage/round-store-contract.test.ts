import { describe, expect } from 'vitest';
import type { AnswerKey, GroupRound, RoundAnswer } from '../../src/rounds/round.js';
import { MemoryResultStore } from '../../src/storage/memory-stores.js';
import { MemoryRoundStore } from '../../src/storage/memory-round-store.js';
import { assessmentResult } from './fixtures.js';
import { storeBackends, storesPerTest } from './store-backends.js';

const backends = storeBackends<'rounds' | 'results'>(() => ({ rounds: new MemoryRoundStore(), results: new MemoryResultStore(), close: () => {} }));

const round = (overrides: Partial<GroupRound> = {}): GroupRound => ({
  id: 'g1',
  workspace: 'slack:T1',
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  frameworkId: 'niace-quick',
  city: 'Leeds',
  createdBy: 'U0',
  createdAt: new Date('2026-12-01T09:00:00.000Z'),
  deadline: new Date('2026-12-04T17:00:00.000Z'),
  timeZone: 'Europe/London',
  status: 'open',
  ...overrides,
});

const key = (userId: string, overrides: Partial<AnswerKey> = {}): AnswerKey => ({ workspace: 'slack:T1', roundId: 'g1', userId, ...overrides });

const answer = (overrides: Partial<RoundAnswer> = {}): RoundAnswer => ({
  conversation: 'slack:T1:C1',
  state: { index: 2, answers: { q1: 3, q2: null }, note: 'Café "naïve" ✓' },
  submitted: null,
  updatedAt: new Date('2026-12-02T10:00:00.000Z'),
  ...overrides,
});

describe.each(backends)('$name round store', (backend) => {
  const { start, it } = storesPerTest(backend);

  it('keeps rounds per workspace, with unique ids and the invitation message', async () => {
    const { rounds } = await start();
    expect(await rounds.create(round())).toBe(true);
    expect(await rounds.create(round({ workspace: 'slack:T2', workspaceId: 'T2' }))).toBe(false);
    expect(await rounds.get('slack:T1', 'g1')).toEqual(round());
    expect(await rounds.get('slack:T2', 'g1')).toBeUndefined();
    const message = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1', messageId: '1700000000.0001' };
    await rounds.setMessage('slack:T1', 'g1', message);
    await rounds.setMessage('slack:T2', 'g1', { ...message, channelId: 'C9' });
    expect((await rounds.get('slack:T1', 'g1'))?.message).toEqual(message);
  });

  it('lists open rounds by deadline and closes each exactly once', async () => {
    const { rounds } = await start();
    await rounds.create(round({ id: 'g2', deadline: new Date('2026-12-10T17:00:00.000Z') }));
    await rounds.create(round());
    await rounds.create(round({ id: 'g3', workspace: 'discord:G1', platform: 'discord', workspaceId: 'G1' }));
    expect((await rounds.listOpen()).map((r) => r.id)).toEqual(['g1', 'g3', 'g2']);
    expect((await rounds.listOpen('slack:T1')).map((r) => r.id)).toEqual(['g1', 'g2']);
    const at = new Date('2026-12-04T17:00:05.000Z');
    const claims = await Promise.all([rounds.claimClose('slack:T1', 'g1', at, 'res-a'), rounds.claimClose('slack:T1', 'g1', at, 'res-b')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await rounds.claimClose('discord:G1', 'g1', at, 'res-c')).toBe(false);
    const closed = await rounds.get('slack:T1', 'g1');
    expect(closed).toMatchObject({ status: 'closed', closedAt: at });
    expect(['res-a', 'res-b']).toContain(closed?.resultId);
    expect((await rounds.listOpen()).map((r) => r.id)).toEqual(['g3', 'g2']);
    expect((await rounds.listByWorkspace('slack:T1')).map((r) => r.id).sort()).toEqual(['g1', 'g2']);
  });

  it('saves answers with optimistic concurrency and counts complete sets only', async () => {
    const { rounds } = await start();
    await rounds.create(round());
    expect(await rounds.putAnswer(key('U1'), answer(), 1)).toBe(false);
    expect(await rounds.putAnswer(key('U1'), answer())).toBe(true);
    const read = await rounds.getAnswer(key('U1'));
    expect(read).toEqual({ ...answer(), version: 1 });
    // Two clicks read version 1; the first to save wins.
    expect(await rounds.putAnswer(key('U1'), answer({ state: { index: 3 } }), 1)).toBe(true);
    expect(await rounds.putAnswer(key('U1'), answer({ state: { index: 9 } }), 1)).toBe(false);
    expect((await rounds.getAnswer(key('U1')))?.state).toEqual({ index: 3 });
    expect(await rounds.findActive('slack:T1', 'slack:T1:C1', 'U1')).toBe('g1');
    expect(await rounds.findActive('slack:T1', 'slack:T1:C2', 'U1')).toBeUndefined();
    expect(await rounds.countSubmitted('slack:T1', 'g1')).toBe(0);
    await rounds.putAnswer(key('U1'), answer({ state: null, submitted: { q1: 3, q2: null } }), 2);
    await rounds.putAnswer(key('U2'), answer({ state: null, submitted: { q1: 1, q2: 2 } }));
    await rounds.putAnswer(key('U3'), answer());
    await rounds.putAnswer(key('U1', { workspace: 'slack:T2' }), answer({ state: null, submitted: { q1: 0 } }));
    expect(await rounds.findActive('slack:T1', 'slack:T1:C1', 'U1')).toBeUndefined();
    expect(await rounds.countSubmitted('slack:T1', 'g1')).toBe(2);
    const sets = await rounds.listSubmitted('slack:T1', 'g1');
    expect(sets).toHaveLength(2);
    expect(sets).toEqual(expect.arrayContaining([{ q1: 3, q2: null }, { q1: 1, q2: 2 }]));
  });

  it('deletes one person’s answers, or everything of a workspace, and nothing else', async () => {
    const { rounds } = await start();
    await rounds.create(round());
    await rounds.create(round({ id: 'g2', workspace: 'slack:T2', workspaceId: 'T2' }));
    await rounds.putAnswer(key('U1'), answer({ submitted: { q1: 3 } }));
    await rounds.putAnswer(key('U2'), answer({ submitted: { q1: 2 } }));
    await rounds.putAnswer(key('U1', { workspace: 'slack:T2', roundId: 'g2' }), answer({ submitted: { q1: 1 } }));
    expect(await rounds.deleteByUser('slack:T1', 'U1')).toBe(1);
    expect(await rounds.getAnswer(key('U1'))).toBeUndefined();
    expect(await rounds.getAnswer(key('U2'))).toBeDefined();
    expect(await rounds.getAnswer(key('U1', { workspace: 'slack:T2', roundId: 'g2' }))).toBeDefined();
    expect(await rounds.deleteByWorkspace('slack:T1')).toBe(1);
    expect(await rounds.get('slack:T1', 'g1')).toBeUndefined();
    expect(await rounds.getAnswer(key('U2'))).toBeUndefined();
    expect(await rounds.get('slack:T2', 'g2')).toBeDefined();
    expect(await rounds.countSubmitted('slack:T2', 'g2')).toBe(1);
  });

  it('keeps a group result’s kind, respondent count and spreads', async () => {
    const { results } = await start();
    const spread = { median: 2, q1: 1.5, q3: 2.5, min: 1, max: 3, agreement: 0.67 };
    const group = assessmentResult({
      id: 'g', kind: 'group', respondents: 5, answers: {}, userId: '',
      components: [{ id: 'inclusive', label: 'Inclusive learning', percent: 66.7, answered: 5, total: 5, spread }],
    });
    await results.save(group);
    await results.save(assessmentResult({ id: 'i', completedAt: new Date('2025-03-02T10:00:00.000Z') }));
    const [newest, older] = await results.list('slack:T1');
    expect(newest).toEqual(group);
    expect(older).toEqual(assessmentResult({ id: 'i', completedAt: new Date('2025-03-02T10:00:00.000Z') }));
    expect(older?.kind).toBeUndefined();
  });
});
