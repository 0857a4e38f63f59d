import { describe, expect, it } from 'vitest';
import { expandShorthand } from '../../src/knowledge/shorthand.js';

describe('chat shorthand', () => {
  it('reads "US" or "U.S." in capitals as the country, as the documents write it, and "us" as us', () => {
    expect(expandShorthand('how many members does the US learning cities network have')).toBe('how many members does the USA learning cities network have');
    expect(expandShorthand('Which U.S. city joined in 1973?')).toBe('Which USA city joined in 1973?');
    expect(expandShorthand('can the toolkit help us?')).toBe('can the toolkit help us?');
    // A message all in capitals says nothing by them.
    expect(expandShorthand('CAN YOU HELP US')).toBe('CAN YOU HELP US');
  });

  it('is written out before a question is read', () => {
    expect(expandShorthand('who came up w the educating cities idea first?')).toBe('who came up with the educating cities idea first?');
    expect(expandShorthand('I work in adult ed in Birmingham')).toBe('I work in adult education in Birmingham');
    expect(expandShorthand('my manager wants a stat on it, new chief exec too')).toBe('my manager wants a statistic on it, new chief executive too');
    expect(expandShorthand('what r u for lol')).toBe('what are you for');
    expect(expandShorthand('Stats on cities abt the govt')).toBe('statistics on cities about the government');
    expect(expandShorthand('buildings n stuff, any good tho')).toBe('buildings and stuff, any good though');
    expect(expandShorthand('local govts in sth korea, educaton beyond skool')).toBe('local governments in south korea, educaton beyond school');
    expect(expandShorthand('i know sth about it')).toBe('i know something about it');
    // A phone capitalises the first word: "Ur" and "Ha" are still chat, unless a capital follows ("Ha Long Bay").
    expect(expandShorthand('Ur toolkit - does it cover benchmarking?')).toBe('your toolkit - does it cover benchmarking?');
    expect(expandShorthand('Ha, does the page admit it?')).toBe(', does the page admit it?');
    expect(expandShorthand('ha, does the page admit it?')).toBe(', does the page admit it?');
    // "quick q" says a question follows; "Q&A" and "Q3" stay.
    expect(expandShorthand('quick q - what is a learning city?')).toBe('what is a learning city?');
    expect(expandShorthand('one more Q: who funds it?')).toBe('who funds it?');
    expect(expandShorthand('a simple q-sort method')).toBe('a simple q-sort method');
    expect(expandShorthand('a quick Q&A on the toolkit')).toBe('a quick Q&A on the toolkit');
  });

  it('is not a name the documents lack: "n" is "and", "ha" and "quick q" say nothing', async () => {
    const { realKnowledgeBase } = await import('../support/knowledge.js');
    const kb = await realKnowledgeBase();
    for (const question of [
      'does the toolkit have stuff on benchmarking n measuring progress?',
      'ha, does that world of learning cities page actually admit its definitions are a bit motherhood-and-apple-pie?',
      'hw many local govts in sth korea were designated lifelong lerning citys up to 2008',
      // "LLL" is lifelong learning (knowledge/synonyms.yaml), not a name the documents lack.
      'is bilding lerning cities actualy proven as a pragmatic way 2 promote LLL?',
      'quick q: what are the overarching aims of building a learning city?',
    ]) {
      expect(kb.answer(question).noAnswer, question).toBe(false);
    }
  });

  it('leaves capitals, abbreviations with dots and words that only contain shorthand alone', () => {
    for (const text of ['U.K. cities', 'the u.k. network', 'Victoria BC', 'W3C standards', 'a U-turn', 'Ed Smith said', 'EXEC summary', 'without a stat-based view', 'N Ireland', 'n.b. the toolkit', 'n=200 respondents', 'n/a', 'Ha Long Bay']) {
      expect(expandShorthand(text), text).toBe(text);
    }
  });

  it('writes out a year written with two figures, not a count or a share', () => {
    expect(expandShorthand('what big lifelong learning stuff happened internationally in 96?')).toBe('what big lifelong learning stuff happened internationally in 1996?');
    expect(expandShorthand("what happened in '96")).toBe('what happened in 1996');
    expect(expandShorthand('since 08, how many joined?')).toBe('since 2008, how many joined?');
    expect(expandShorthand("ideas from the '90s")).toBe('ideas from the 1990s');
    for (const kept of ['in 96 cities', 'it was 96%', 'sessions 8.4 and 9.1', 'in 2.1 to 2.6']) expect(expandShorthand(kept)).toBe(kept);
  });
});
