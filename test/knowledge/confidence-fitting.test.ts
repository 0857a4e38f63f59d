import { describe, expect, it } from 'vitest';
import { chooseLowFrom, choosePlainFrom, wilsonUpper, type Sample } from '../../src/knowledge/confidence-fitting.js';

const sample = (y: number): Sample => ({ x: [], ruled: false, y, answerable: true });

describe('the point from which the bot answers', () => {
  it('is the lowest one within two questions of the best right-minus-wrong: on a flat curve the bot answers', () => {
    // Twenty right answers at 0.9; two wrong ones at 0.45 cost two questions when answered.
    const samples = [...Array.from({ length: 20 }, () => sample(1)), sample(0), sample(0)];
    const probabilities = [...Array.from({ length: 20 }, () => 0.9), 0.45, 0.45];
    expect(chooseLowFrom(samples, probabilities)).toBe(0.25);
  });

  it('answers from above a point where answering costs more than that', () => {
    // Five wrong answers at 0.45 cost five questions: the bot answers only from above them.
    const samples = [...Array.from({ length: 20 }, () => sample(1)), ...Array.from({ length: 5 }, () => sample(0))];
    const probabilities = [...Array.from({ length: 20 }, () => 0.9), ...Array.from({ length: 5 }, () => 0.45)];
    const from = chooseLowFrom(samples, probabilities);
    expect(from).toBeGreaterThan(0.45);
    expect(from).toBeLessThan(0.9);
  });
});

describe('the bound on the share of wrong plain answers', () => {
  it('lies above the share seen, closer to it the more answers it is seen in', () => {
    expect(wilsonUpper(15, 100, 1.2816)).toBeGreaterThan(0.15);
    expect(wilsonUpper(150, 1000, 1.2816)).toBeLessThan(wilsonUpper(15, 100, 1.2816));
    expect(wilsonUpper(150, 1000, 1.2816)).toBeGreaterThan(0.15);
    expect(wilsonUpper(15, 100, 0)).toBeCloseTo(0.15, 10);
    // Nothing seen: nothing is known.
    expect(wilsonUpper(0, 0, 1.2816)).toBe(1);
    // Known values: 1 of 10 at z 1.2816.
    expect(wilsonUpper(1, 10, 1.2816)).toBeCloseTo(0.2825, 3);
  });
});

describe('the point from which answers are plain', () => {
  it('is never below the model\'s own 85%, however right the answers are taken together', () => {
    // 100 sure right answers hide three wrong ones of thirteen at 0.7: together they are 97% right.
    const samples = [...Array.from({ length: 110 }, () => sample(1)), ...Array.from({ length: 3 }, () => sample(0))];
    const probabilities = [...Array.from({ length: 100 }, () => 0.95), ...Array.from({ length: 13 }, () => 0.7)];
    expect(choosePlainFrom(samples, probabilities, 0.5)).toBe(0.85);
  });

  it('is higher where the answers taken together are wrong too often', () => {
    // Answers at 0.9 are wrong one time in two, a quarter of all from there: only those at 0.97 are plain.
    const samples = [...Array.from({ length: 60 }, () => sample(1)), ...Array.from({ length: 30 }, () => sample(1)), ...Array.from({ length: 30 }, () => sample(0))];
    const probabilities = [...Array.from({ length: 60 }, () => 0.97), ...Array.from({ length: 60 }, () => 0.9)];
    expect(choosePlainFrom(samples, probabilities, 0.5)).toBe(0.97);
  });
});
