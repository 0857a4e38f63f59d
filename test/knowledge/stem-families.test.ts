import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/knowledge/index-build.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { buildSynonymTable } from '../../src/knowledge/synonyms.js';
import { stem } from '../../src/knowledge/text.js';

describe('stems of words the stemmer would merge with unrelated ones', () => {
  it('keeps unrelated words apart, and the forms of one word together', () => {
    const apart: Array<[string, string]> = [
      ['author', 'authority'],
      ['university', 'universe'],
      ['news', 'new'],
      ['majority', 'major'],
      ['experiment', 'experience'],
      ['communication', 'community'],
      ['general', 'generation'],
      ['business', 'busy'],
      ['definitely', 'definition'],
      // The one who does it is not the doing.
      ['coordinator', 'coordinate'],
      ['providers', 'provide'],
      ['organiser', 'organise'],
    ];
    for (const [one, other] of apart) {
      expect(stem(one), `${one} / ${other}`).not.toBe(stem(other));
    }
    const together: Array<[string, string]> = [
      ['authority', 'authorities'],
      ['author', 'authors'],
      ['university', 'universities'],
      ['community', 'communities'],
      ['experiment', 'experimenting'],
      ['help', 'helping'],
      ['plan', 'planned'],
      ['coordinator', 'coordinators'],
      // Words reach the stemmer in British spelling.
      ['organiser', 'organisers'],
      // A plural the table does not list is found by its singular.
      ['designation', 'designations'],
    ];
    for (const [one, other] of together) {
      expect(stem(one), `${one} / ${other}`).toBe(stem(other));
    }
  });

  it('is how the index stems too: a question about an author does not find a local authority', () => {
    const page = {
      file: 'cities.md', title: 'Learning cities', source: 'cities.md', kind: 'page' as const,
      body:
        '## The local authority\n\nThe local authority leads the learning city partnership; other authorities fund it.\n\n' +
        '## Learning Cities for a Learning Century\n\nThis book is by Norman Longworth, its author.',
    };
    const kb = new KnowledgeBase(buildIndex([page]), buildSynonymTable([]));
    expect(kb.answer('who is the author?').sources[0]?.passage).toMatch(/Norman Longworth/);
    expect(kb.answer('which authorities fund the partnership?').sources[0]?.passage).toMatch(/local authority leads/);
  });
});
