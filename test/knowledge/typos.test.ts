import { describe, expect, it } from 'vitest';
import { MESSAGE_WORK_BUDGET, TypoCorrector } from '../../src/knowledge/typos.js';

const vocabulary = new Map<string, number>([
  ['learning', 12],
  ['partnership', 4],
  ['toolkit', 3],
  ['contains', 2],
  ['stakeholders', 5],
]);

describe('TypoCorrector', () => {
  it('corrects one and two edits from the documents’ words', () => {
    const corrector = new TypoCorrector(vocabulary);
    expect(corrector.correct('tookit')).toBe('toolkit');
    expect(corrector.correct('partnershp')).toBe('partnership');
    expect(corrector.correct('stakholdres')).toBe('stakeholders');
  });

  it('spends no work on a word longer than any known word can be mistyped into', () => {
    const corrector = new TypoCorrector(vocabulary);
    expect(corrector.correct('a'.repeat(4_000))).toBeUndefined();
    expect(corrector.correct('learningpartnershiptoolkit')).toBeUndefined();
    expect(corrector.work).toBe(0);
  });

  it('bounds the work one message spends, however many unknown words it has', () => {
    const corrector = new TypoCorrector(vocabulary);
    corrector.startMessage();
    // 300 distinct unknown 12-letter words: about 650 candidate strings each without a bound.
    for (let i = 0; i < 300; i++) corrector.correct(`partnersh${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`);
    expect(corrector.work).toBeLessThanOrEqual(MESSAGE_WORK_BUDGET);
    // The next message has its budget again, and a word skipped for lack of budget is not cached.
    const before = corrector.work;
    corrector.startMessage();
    expect(corrector.correct('partnershp')).toBe('partnership');
    expect(corrector.work).toBeGreaterThan(before);
  });
});
