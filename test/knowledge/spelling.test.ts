import { describe, expect, it } from 'vitest';
import { britishSpelling, isStopWord, words } from '../../src/knowledge/text.js';
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

describe('contractions', () => {
  it('are written out, so they are stop words rather than words of their own ("theyll", "id", "well")', () => {
    expect(words("They'll say I'd like what we'll do, and she won't; we can't, they're sure, I've seen, I'm told, it isn't")).toEqual(
      ['they', 'will', 'say', 'i', 'would', 'like', 'what', 'we', 'will', 'do', 'and', 'she', 'will', 'not', 'we', 'can', 'not', 'they', 'are', 'sure', 'i', 'have', 'seen', 'i', 'am', 'told', 'it', 'is', 'not'],
    );
    // Curly apostrophes too; possessives and names stay as they were.
    expect(words('they’ll see Liverpool’s plan with O’Neill')).toEqual(['they', 'will', 'see', 'liverpool', 'plan', 'with', 'oneill']);
  });
});

describe('words that carry no topic', () => {
  it('include possessive pronouns and contractions typed without their apostrophe', () => {
    for (const word of ['theirs', 'ours', 'yours', 'theyll', 'wouldnt', 'havent']) expect(isStopWord(word), word).toBe(true);
    expect(isStopWord('mine')).toBe(false);
  });
});
