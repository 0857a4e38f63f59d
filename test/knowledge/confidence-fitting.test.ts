import { describe, expect, it } from 'vitest';
import { chooseLowFrom, type Sample } from '../../src/knowledge/confidence-fitting.js';

const sample = (y: number): Sample => ({ x: [], ruled: false, y, answerable: true });

describe('the point from which the bot answers', () => {
  it('is the lowest one within a question of the best right-minus-wrong: on a flat curve the bot answers', () => {
    // Twenty right answers at 0.9; one wrong one at 0.45 costs a single question when answered.
    const samples = [...Array.from({ length: 20 }, () => sample(1)), sample(0)];
    const probabilities = [...Array.from({ length: 20 }, () => 0.9), 0.45];
    expect(chooseLowFrom(samples, probabilities)).toBe(0.25);
  });

  it('answers from above a point where answering costs more than that', () => {
    // Three wrong answers at 0.45 cost three questions: the bot answers only from above them.
    const samples = [...Array.from({ length: 20 }, () => sample(1)), sample(0), sample(0), sample(0)];
    const probabilities = [...Array.from({ length: 20 }, () => 0.9), 0.45, 0.45, 0.45];
    const from = chooseLowFrom(samples, probabilities);
    expect(from).toBeGreaterThan(0.45);
    expect(from).toBeLessThan(0.9);
  });
});
