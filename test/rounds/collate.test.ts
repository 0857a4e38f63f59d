import { describe, expect, it } from 'vitest';
import { collate, quantile, spreadOf, widestDisagreement } from '../../src/rounds/collate.js';
import { parseDeadline } from '../../src/rounds/deadline-parse.js';
import { isGroupRequest, parseRoundArgs } from '../../src/rounds/round-args.js';
import { parseIntent } from '../../src/core/intents.js';
import { frameworkById } from '../assessment/fakes.js';

describe('collating a round', () => {
  it('reads quartiles by linear interpolation between ranks', () => {
    // Ranks 0..4 of 1, 2, 2, 3, 5: the 25% quantile is rank 1 (2), the 75% rank 3 (3), the median rank 2 (2).
    expect([0.25, 0.5, 0.75].map((p) => quantile([1, 2, 2, 3, 5], p))).toEqual([2, 2, 3]);
    // Four values: rank 0.75 lies a quarter of the way from 1 to 3, so 1.5; rank 2.25 from 4 to 8 is 5.
    expect([0.25, 0.5, 0.75].map((p) => quantile([1, 3, 4, 8], p))).toEqual([2.5, 3.5, 5]);
  });

  it('counts as agreeing everyone within one level of the median', () => {
    // Median 2: 1, 2, 3 are within one level; 0 and 4 are not -> 3 of 5.
    expect(spreadOf([0, 1, 2, 3, 4])).toEqual({ median: 2, q1: 1, q3: 3, min: 0, max: 4, agreement: 0.6 });
    expect(spreadOf([])).toBeUndefined();
  });

  it('scores each area from each person’s mean level, leaves skips out, and takes the median of overall scores', () => {
    const niace = frameworkById('niace-quick');
    const sets = [
      // Partnership mean 2 (1, 2, 3); Participation all skipped; Performance 3.
      { 'partnership-body': 1, 'partnership-strategy': 2, 'partnership-review': 3, 'participation-voice': null, 'performance-internal': 3 },
      // Partnership 0; Participation 2; Performance 1.
      { 'partnership-body': 0, 'participation-voice': 2, 'performance-internal': 1 },
    ];
    const result = collate(niace, sets);
    expect(result.respondents).toBe(2);
    const [partnership, participation, performance] = result.components;
    // Levels 2 and 0: median 1 of 3 = 33.3%; within one level of 1: both.
    expect(partnership).toMatchObject({ percent: 33.3, answered: 2, total: 2, spread: { median: 1, q1: 0.5, q3: 1.5, min: 0, max: 2, agreement: 1 } });
    // Only the second answered Participation.
    expect(participation).toMatchObject({ percent: 66.7, answered: 1, total: 2, spread: { median: 2, min: 2, max: 2, agreement: 1 } });
    expect(performance?.spread).toMatchObject({ median: 2, min: 1, max: 3 });
    // Overall: first (1+2+3+3)/(4*3) = 75%, second (0+2+1)/(3*3) = 33.3%; median 54.2%.
    expect(result.overallPercent).toBe(54.2);
    // Ranges of 2 in Partnership and Performance; both agree fully, so the first in order is named.
    expect(widestDisagreement(result.components)?.label).toBe('Partnership');
    expect(widestDisagreement([{ ...partnership!, spread: { ...partnership!.spread!, min: 0.5, max: 1.5 } }])).toBeUndefined();
  });

  it('gives no score to an area nobody answered', () => {
    const result = collate(frameworkById('niace-quick'), [{ 'partnership-body': null }]);
    expect(result.components[0]).toMatchObject({ percent: null, answered: 0, total: 1 });
    expect(result.components[0]?.spread).toBeUndefined();
    expect(result.overallPercent).toBeNull();
  });
});

describe('opening a round', () => {
  const now = new Date('2026-12-02T10:00:00Z'); // a Wednesday
  const read = (phrase: string, timeZone = 'Europe/London') => parseDeadline(phrase, { now, timeZone });

  it('reads deadlines in the workspace’s zone', () => {
    expect(read('Friday 17:00')).toEqual({ deadline: new Date('2026-12-04T17:00:00Z') });
    expect(read('friday')).toEqual({ deadline: new Date('2026-12-04T17:00:00Z') });
    expect(read('wednesday 9am')).toEqual({ deadline: new Date('2026-12-09T09:00:00Z') });
    expect(read('today 18:30')).toEqual({ deadline: new Date('2026-12-02T18:30:00Z') });
    expect(read('tomorrow noon', 'Europe/Berlin')).toEqual({ deadline: new Date('2026-12-03T11:00:00Z') });
    expect(read('2026-12-10 12:00')).toEqual({ deadline: new Date('2026-12-10T12:00:00Z') });
    expect(read('for 3 days')).toEqual({ deadline: new Date('2026-12-05T10:00:00Z') });
    expect(read('in 2 hours')).toEqual({ deadline: new Date('2026-12-02T12:00:00Z') });
  });

  it('explains a deadline it cannot take', () => {
    expect(read('today 9:00')).toEqual({ error: expect.stringContaining('already passed') });
    expect(read('someday')).toEqual({ error: expect.stringContaining('could not read “someday” as a deadline') });
    expect(read('friday 25:00')).toEqual({ error: expect.stringContaining('could not read the time') });
    expect(read('for 100 days')).toEqual({ error: 'A round can stay open for 90 days at most.' });
  });

  it('splits framework, city and deadline, and routes only group requests to rounds', () => {
    expect(parseRoundArgs('niace for Leeds as a group until Friday 17:00')).toEqual({ frameworkQuery: 'niace', city: 'Leeds', deadline: 'Friday 17:00' });
    expect(parseRoundArgs('group niace for Stratford-upon-Avon for 3 days')).toEqual({ frameworkQuery: 'niace', city: 'Stratford-upon-Avon', deadline: 'for 3 days' });
    expect(isGroupRequest('niace for Leeds')).toBe(false);
    expect(parseIntent('assess niace for Leeds as a group until Friday 17:00')).toEqual({ type: 'group-round', args: 'niace for Leeds as a group until Friday 17:00' });
    expect(parseIntent('assess niace for Leeds')).toEqual({ type: 'assess', args: 'niace for Leeds' });
    expect(parseIntent('close round g7k2m')).toEqual({ type: 'close-round', args: 'g7k2m' });
    expect(parseIntent('take part')).toEqual({ type: 'join-round', args: '' });
    expect(parseIntent('close the gap in adult learning')).toMatchObject({ type: 'ask' });
  });
});
