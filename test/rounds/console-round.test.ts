import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStores, type SqliteStores } from '../../src/storage/sqlite-stores.js';
import { TestClock } from '../assessment/fakes.js';
import { startConsoleSession, type ConsoleSession } from '../reminders/console-session.js';
import { tempDir } from '../storage/temp-dir.js';
import { roundBot } from './round-harness.js';

let stores: SqliteStores | undefined;
const sessions: ConsoleSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  stores?.close();
  stores = undefined;
});

/** Types each answer and waits for the next question (or the end). */
const answer = async (session: ConsoleSession, lines: string[]): Promise<string> => {
  let last = '';
  for (const line of lines) last = await session.type(line, /Question \d+ of 9|answers for Leeds are in|Paused/);
  return last;
};

describe('a city-wide round in the console', () => {
  it('runs from invitation to a collated summary with medians, spreads, agreement and a chart', async () => {
    const dir = tempDir();
    stores = createSqliteStores(join(dir, 'bot.db'));
    // Wednesday 2 December 2026, 10:00 in London (GMT).
    const clock = new TestClock(new Date('2026-12-02T10:00:00Z'));
    const { bot, closer, service, notifiers } = roundBot(stores, clock);
    const channel = startConsoleSession(bot, join(dir, 'charts'), 'coordinator');
    const [ana, ben, cai] = ['ana', 'ben', 'cai'].map((user) => startConsoleSession(bot, join(dir, `charts-${user}`), user)) as [ConsoleSession, ConsoleSession, ConsoleSession];
    sessions.push(channel, ana, ben, cai);
    notifiers.console = channel.adapter.notifier;

    const opened = await channel.type('assess niace for Leeds as a group until Friday 17:00', /is open until/);
    expect(opened).toContain('— Posted in the channel (message 1) —');
    expect(opened).toContain('City-wide assessment: Leeds');
    expect(opened).toContain('Framework: NIACE Learning City Toolkit – quick check (3 areas, 9 questions)');
    expect(opened).toContain('Open until Fri 4 Dec 2026, 17:00 GMT');
    expect(opened).toContain('0 people have answered so far.');
    expect(opened).toContain('[1] Take part');

    // Ana: Partnership 3,3,3 · Participation 1,1,1 · Performance 2,2,2.
    const first = await ana.type('take part', /Question 1 of 9/);
    expect(first).toContain('your own view, seen by nobody else');
    await answer(ana, ['3', '3', '3', '1', '1', '1', '2', '2']);
    expect(await answer(ana, ['2'])).toContain('Thank you: your answers for Leeds are in (1 person has answered so far)');

    // Ben stops after four answers and resumes: Partnership 2,2,2 · Participation 3,3,3 · Performance 2,2,skipped.
    await answer(ben, []);
    await ben.type('take part', /Question 1 of 9/);
    await answer(ben, ['2', '2', '2', '3']);
    expect(await ben.type('stop', /Paused/)).toContain('at question 5 of 9');
    expect(await ben.type('take part', /Question 5 of 9/)).toContain('Welcome back: 4 of 9 answered');
    await answer(ben, ['3', '3', '2', '2']);
    expect(await answer(ben, ['skip'])).toContain('2 people have answered so far');

    // Cai: Partnership 2,2,2 · Participation 1,1,1 · Performance 0,0,0.
    await cai.type('take part', /Question 1 of 9/);
    await answer(cai, ['2', '2', '2', '1', '1', '1', '0', '0', '0']);
    expect(await cai.type('take part', /already answered/)).toContain('You can change your answers until the round closes');

    await service.idle();
    expect(channel.output()).toContain('3 people have answered so far.');

    // The deadline passes; the closer closes the round and posts the summary in the channel.
    clock.set('2026-12-04T17:00:00Z');
    const from = channel.output().length;
    expect(await closer.tick()).toBe(1);
    expect(await closer.tick()).toBe(0);
    const summary = await channel.waitFor(/Framework: The Learning City Toolkit/, from);
    expect(summary).toContain('— Posted in the channel —');
    expect(summary).toContain('NIACE Learning City Toolkit – quick check: Leeds, city-wide round');
    // Overall per person: Ana 18/27 = 66.7%, Ben 19/24 = 79.2%, Cai 9/27 = 33.3%: median 66.7%.
    expect(summary).toContain('Closed 4 December 2026 · 3 respondents · overall 67% (the median of the respondents’ overall scores)');
    expect(summary).not.toContain('indicative only');
    // Partnership levels 3, 2, 2: median 2, quartiles (rank 0.5 and 1.5 of 2, 2, 3) 2 and 2.5, all within one level of 2.
    expect(summary).toContain('Partnership    ███████░░░  67%  median 2 · range 2 to 3 · middle half 2–2.5 · agreement 100%');
    // Participation 1, 3, 1: median 1, quartiles 1 and 2, Ben's 3 is two levels off: 2 of 3 agree.
    expect(summary).toContain('Participation  ███░░░░░░░  33%  median 1 · range 1 to 3 · middle half 1–2 · agreement 67%');
    // Performance 2, 2 (Ben skipped one of three), 0: median 2, quartiles 1 and 2, Cai's 0 is two levels off.
    expect(summary).toContain('Performance    ███████░░░  67%  median 2 · range 0 to 2 · middle half 1–2 · agreement 67%');
    expect(summary).toContain('Strongest: Partnership 67%, Performance 67%');
    expect(summary).toContain('Where views differ most: partners disagree most on Participation: answers from 1 to 3 (agreement 67%)');
    expect(summary).toContain('To work on:');
    expect(summary).toMatch(/Participation 33%\n\s+– /);
    const chart = /Chart saved to (\S+) \(Chart of NIACE Learning City Toolkit – quick check for Leeds, 3 respondents: Partnership median 2, range 2 to 3; Participation median 1, range 1 to 3; Performance median 2, range 0 to 2\.\)/.exec(summary);
    expect(chart).not.toBeNull();
    const png = readFileSync(chart?.[1] ?? '');
    expect([...png.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    // The channel never shows anyone's answers or names.
    for (const name of ['ana', 'ben', 'cai']) expect(channel.output()).not.toContain(name);
    expect(channel.output()).not.toContain('Noted:');

    // The invitation says the round closed; answering is refused from now on.
    await service.idle();
    expect(channel.output()).toContain('This round closed with 3 respondents');
    expect(await ana.type('take part', /no open round/)).toContain('There is no open round in this channel.');
    expect(existsSync(join(dir, 'bot.db'))).toBe(true);

    const saved = await stores.results.list('console:local', { city: 'leeds' });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ kind: 'group', respondents: 3, overallPercent: 66.7, answers: {}, userId: '' });
    expect(saved[0]?.components.map((c) => c.spread)).toEqual([
      { median: 2, q1: 2, q3: 2.5, min: 2, max: 3, agreement: 1 },
      { median: 1, q1: 1, q3: 2, min: 1, max: 3, agreement: 0.67 },
      { median: 2, q1: 1, q3: 2, min: 0, max: 2, agreement: 0.67 },
    ]);
  });
});
