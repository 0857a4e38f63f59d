import { describe, expect, it } from 'vitest';
import { britishSpelling, words } from '../../src/knowledge/text.js';
import { realKnowledgeBase } from '../support/knowledge.js';

describe('British and American spellings meet', () => {
  it('folds -ize, -yze and the common word pairs onto one form', () => {
    expect(words('Organizations organized, globalized, analyzed at the center of a program')).toEqual(
      words('Organisations organised, globalised, analysed at the centre of a programme'),
    );
  });

  it('leaves words whose "iz" is no suffix alone', () => {
    for (const word of ['size', 'sizes', 'downsized', 'prize', 'seize', 'citizens', 'horizon', 'wizard', 'amazing']) {
      expect(britishSpelling(word), word).toBe(word);
    }
  });

  it('finds a passage written in British spelling from a question in American spelling', async () => {
    const answer = (await realKnowledgeBase()).answer('Why must cities in a globalized world become learning cities?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.sources[0]?.passage).toContain('Cities in a globalised world cannot afford not to become learning cities');
  });
});
