import { describe, expect, it } from 'vitest';
import { isEverydayWord } from '../../src/knowledge/common-english.js';

describe('everyday English words', () => {
  it('knows frequent words and not topic words', () => {
    for (const word of ['happens', 'already', 'good', 'between', 'another']) expect(isEverydayWord(word), word).toBe(true);
    for (const word of ['weather', 'software', 'caterer', 'euros', 'kakegawa']) expect(isEverydayWord(word), word).toBe(false);
  });
});
