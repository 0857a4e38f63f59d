import { describe, expect, it } from 'vitest';
import { AssessmentService } from '../../src/assessment/assessment-service.js';
import { createDigestBuilder } from '../../src/reminders/digest.js';
import { silentLogger } from '../../src/core/ports.js';
import { MemoryResultStore, MemorySessionStore } from '../../src/storage/memory-stores.js';
import { MemoryRoundStore } from '../../src/storage/memory-round-store.js';
import { createFakeChat } from '../support/fake-chat.js';
import { assessmentResult } from '../storage/fixtures.js';
import { fakeAnswers, origin, shippedFrameworks, TestClock } from '../assessment/fakes.js';
import { recordingChannel, roundBot } from './round-harness.js';

const answerAll = async (chat: ReturnType<typeof createFakeChat>, levels: number[]): Promise<void> => {
  await chat.userSays('take part');
  for (const level of levels) await chat.userSays(String(level));
};

describe('group results in the history, the export and the digest', () => {
  it('marks a round with two respondents as indicative, keeps it apart from single assessments, and exports its spread', async () => {
    const stores = { rounds: new MemoryRoundStore(), results: new MemoryResultStore() };
    const clock = new TestClock(new Date('2026-12-02T10:00:00Z'));
    const { bot, service, notifiers } = roundBot(stores, clock);
    const channel = recordingChannel();
    notifiers.slack = channel.notifier;
    const coordinator = createFakeChat(bot, origin('U0', { isAdmin: true }));
    const stranger = createFakeChat(bot, origin('U9'));
    expect((await stranger.userSays('assess niace for Leeds as a group'))[0]?.text).toContain('Only coordinators can open or close a city-wide round');
    await coordinator.userSays('assess niace for Leeds as a group for 3 days');
    expect(channel.log[0]?.type).toBe('post');

    // An earlier single assessment of the same city.
    await stores.results.save(assessmentResult({ id: 'solo', workspace: 'slack:T1', city: 'Leeds', frameworkId: 'niace-quick', overallPercent: 40, completedAt: new Date('2026-11-01T10:00:00Z'), components: [] }));
    const digest = createDigestBuilder({ results: stores.results, sessions: new MemorySessionStore(), rounds: stores.rounds, frameworks: shippedFrameworks(), logger: silentLogger });

    const una = createFakeChat(bot, origin('U1'));
    await answerAll(una, [3, 3, 3, 2, 2, 2, 1, 1, 1]);
    const reminder = { id: 'r1', workspace: 'slack:T1', platform: 'slack' as const, workspaceId: 'T1', target: { kind: 'channel' as const, channelId: 'C1' }, city: 'Leeds', schedule: { kind: 'cron' as const, expr: '0 9 * * 1' }, timeZone: 'Europe/London', createdBy: 'U0', createdAt: clock.now(), activeSince: clock.now(), paused: false };
    const [sent] = await digest(reminder, { slot: clock.now(), now: clock.now() });
    expect(sent?.text).toMatch(/City-wide round `g\w+` open: NIACE Learning City Toolkit – quick check, Leeds, until Sat 5 Dec 2026, 10:00 GMT; 1 person has answered\./);

    const vic = createFakeChat(bot, origin('V2'));
    await answerAll(vic, [1, 1, 1, 2, 2, 2, 3, 3, 3]);
    clock.set('2026-12-03T12:00:00Z');
    const closed = await coordinator.userSays('close round');
    expect(closed[0]?.text).toMatch(/Closed round `g\w+` for Leeds; the collated summary is posted in the channel\./);
    await service.idle();
    const summary = channel.log.find((entry) => entry.type === 'deliver')?.replies[0];
    expect(summary?.text).toContain('2 respondents');
    expect(summary?.text).toContain('_With fewer than 3 respondents this result is indicative only._');
    // Two views of Partnership (3 and 1): median 2, each a level away, so both agree; no area differs by more than one level.
    expect(summary?.text).toContain('median 2 · range 1 to 3 · middle half 1.5–2.5 · agreement 100%');
    expect(summary?.image?.mimeType).toBe('image/png');
    expect(channel.log.at(-1)?.replies[0]?.text).toContain('This round closed with 2 respondents');
    // Nothing posted to the channel carries a respondent's id.
    for (const entry of channel.log) for (const reply of entry.replies) expect(reply.text).not.toMatch(/U1|V2/);

    const assessments = new AssessmentService({
      frameworks: shippedFrameworks(), sessions: new MemorySessionStore(), results: stores.results, answers: fakeAnswers(), clock, logger: silentLogger, newId: () => 'x',
    });
    const [history] = await assessments.results(origin('U5'), 'Leeds');
    expect(history?.text).toContain('_Individual assessments:_\n• 1 November: *40%*');
    expect(history?.text).toMatch(/_City-wide rounds \(median of respondents\):_\n• 3 December: \*\d+%\* · 2 respondents · Partnership 67%/);
    const [csv] = await assessments.exportCsv(origin('U5'));
    const rows = csv?.file?.content.split('\n') ?? [];
    expect(rows[0]).toContain(',kind,respondents,median_level,q1_level,q3_level,min_level,max_level,agreement_percent');
    expect(rows.filter((row) => row.includes(',group,2,'))).toHaveLength(3);
    expect(rows.find((row) => row.includes(',partnership,'))).toMatch(/,,C1,group,2,2,1\.5,2\.5,1,3,100$/);
    // The export holds no respondent ids.
    expect(csv?.file?.content).not.toMatch(/U1|V2/);
  });

  it('opens a round for a city typed without its accents under the name its results have', async () => {
    const stores = { rounds: new MemoryRoundStore(), results: new MemoryResultStore() };
    const clock = new TestClock(new Date('2026-12-02T10:00:00Z'));
    const { bot, notifiers } = roundBot(stores, clock);
    notifiers.slack = recordingChannel().notifier;
    await stores.results.save(assessmentResult({ id: 'solo', workspace: 'slack:T1', city: 'Dún Laoghaire', frameworkId: 'niace-quick', overallPercent: 40, completedAt: new Date('2026-11-01T10:00:00Z'), components: [] }));
    await createFakeChat(bot, origin('U0', { isAdmin: true })).userSays('assess niace for dun laoghaire as a group for 3 days');
    expect((await stores.rounds.listOpen('slack:T1')).map((round) => round.city)).toEqual(['Dún Laoghaire']);
  });

  it('closes a round nobody answered with a plain note, once', async () => {
    const stores = { rounds: new MemoryRoundStore(), results: new MemoryResultStore() };
    const clock = new TestClock(new Date('2026-12-02T10:00:00Z'));
    const { bot, closer, notifiers } = roundBot(stores, clock);
    const channel = recordingChannel();
    notifiers.slack = channel.notifier;
    await createFakeChat(bot, origin('U0', { isAdmin: true })).userSays('assess niace for Leeds as a group until tomorrow 12:00');
    clock.set('2026-12-03T12:00:00Z');
    expect(await closer.tick()).toBe(1);
    expect(await closer.tick()).toBe(0);
    const delivered = channel.log.filter((entry) => entry.type === 'deliver');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.replies[0]?.text).toBe('The city-wide round for *Leeds* (NIACE Learning City Toolkit – quick check) closed with no respondents, so there is no result to show.');
    expect(await stores.results.list('slack:T1')).toEqual([]);
    // The invitation, updated, promises no summary below it.
    const updated = channel.log.filter((entry) => entry.type === 'update').at(-1)?.replies[0]?.text ?? '';
    expect(updated).toContain('This round closed with no respondents, so there is no summary.');
    expect(updated).not.toContain('posted below');
  });
});
