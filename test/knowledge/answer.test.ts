import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/knowledge/index-build.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { PassageSearch } from '../../src/knowledge/search.js';
import { buildSynonymTable } from '../../src/knowledge/synonyms.js';
import { realKnowledgeBase } from '../support/knowledge.js';

const kb = await realKnowledgeBase();

describe('answers from the shipped knowledge base', () => {
  it('answers with 1-3 extracted sentences and the passages cited, best first', () => {
    const answer = kb.answer('Which 7 cities were in the OECD 1973 educating cities initiative?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toMatch(/seven cities participated/i);
    expect(answer.sources[0]?.source).toBe('001_0400cab1f254837c.txt');
    expect(answer.sources.length).toBeGreaterThanOrEqual(1);
    expect(answer.sources.length).toBeLessThanOrEqual(3);
    const scores = answer.sources.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const source of answer.sources) expect(source.title.length).toBeGreaterThan(0);
  });

  it('tolerates small typos', () => {
    const answer = kb.answer('swansea learnign citty');
    expect(answer.noAnswer).toBe(false);
    expect(answer.sources[0]?.passage).toMatch(/Swansea Learning City/);
  });

  it('knows that a council is a local authority', () => {
    const answer = kb.answer('should the council itself become a learning organisation?');
    expect(answer.sources.map((s) => s.passage).join(' ')).toMatch(/local authority itself/);
  });

  it('expands GNLC to the UNESCO Global Network of Learning Cities', () => {
    const answer = kb.answer('GNLC cities and countries');
    expect(answer.noAnswer).toBe(false);
    expect(answer.sources[0]?.passage).toMatch(/around 200 cities in 40 countries/);
  });

  it('does not let everyday words the documents never use sink an answer', () => {
    const answer = kb.answer('I heard venice was a learning city state, maybe?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.sources[0]?.passage).toMatch(/for example Venice/);
  });

  it('does not take a word the dictionary knows for a misspelling of a word the documents use', () => {
    const search = kb.searchOver(kb.built);
    const threads = search.concepts('what are the three threads of the toolkit?').find((concept) => concept.surface === 'threads');
    expect(threads?.bridge).not.toBe('spelling');
    expect(threads?.alternatives.flat()).not.toContain('threat');
    // A word in no dictionary still is: "tookit" is the toolkit.
    expect(search.concepts('three strands of the tookit').find((concept) => concept.surface === 'tookit')?.bridge).toBe('spelling');
  });

  it('says plainly when the documents do not answer, and names the words they lack', () => {
    const cases: Array<[string, RegExp]> = [
      ["what's the weather in Leeds tomorrow?", /nothing about “leeds”, “weather”\./],
      // Bristol is in the documents; the weather is not, though WordNet reaches "the elements" from it.
      ["what's the weather in Bristol today?", /nothing about “weather”\./],
      ['recommend a laptop for video editing', /nothing about “editing”, “laptop”, “video”/],
    ];
    for (const [question, lacking] of cases) {
      const answer = kb.answer(question);
      expect(answer.noAnswer, question).toBe(true);
      expect(answer.confidence).toBe('none');
      expect(answer.sources).toEqual([]);
      expect(answer.answer).toMatch(/do not answer/);
      expect(answer.answer).toMatch(lacking);
      expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    }
  });

  it('asks for words when the question has none', () => {
    for (const question of ['', '   ', '???', 'the of and']) {
      const answer = kb.answer(question);
      expect(answer.noAnswer).toBe(true);
      expect(answer.answer).toMatch(/ask a question in words/i);
    }
  });

  it('never hands Lunr query syntax to the parser', () => {
    for (const question of ['foo:', 'a^', '~', '-', '+learning -city', 'title:venice', 'learn*', 'city~2', 'venice^10']) {
      expect(() => kb.answer(question), question).not.toThrow();
    }
    expect(kb.answer('venice^ state~').sources[0]?.passage).toMatch(/Venice/);
  });
});

describe('a question that says where it was read', () => {
  const page = {
    file: 'festivals.md', title: 'Learning festivals', source: 'festivals.md', kind: 'page' as const,
    body: '## Learning festivals\n\nLearning festivals bring learning into streets, libraries and parks. Learning festivals in Leeds and Sheffield are funded by the council.',
  };
  const slides = {
    file: 'deck.md', title: 'Growing a learning city', source: 'deck.md', kind: 'slides' as const,
    body: '## Celebrating learning\n\nLearning festivals celebrate learners of every age.',
  };
  const kb = new KnowledgeBase(buildIndex([page, slides]), buildSynonymTable([]));

  it('looks in the slides first when it says it was read in the deck or the presentation', () => {
    expect(kb.answer('Tell me about learning festivals').sources[0]?.source).toBe('festivals.md');
    for (const question of ['What does the deck say about learning festivals?', 'In the presentation, what is said about learning festivals?', 'there was a slide about learning festivals - what did it say?']) {
      expect(kb.answer(question).sources[0]?.source, question).toBe('deck.md');
    }
    // A page said to be read on a page is not helped, nor harmed.
    expect(kb.answer('What does the page say about learning festivals?').sources[0]?.source).toBe('festivals.md');
  });
});

describe('sections found by their heading in a large collection', () => {
  const towns = ['Ashford', 'Bexley', 'Crewe', 'Dover', 'Exeter', 'Frome', 'Goole', 'Hythe', 'Ilkley', 'Jarrow'];
  const documents = Array.from({ length: 80 }, (_, i) => {
    const town = `${towns[i % towns.length] ?? 'Town'} ${i}`;
    const topic = i === 7 ? 'a harbour festival every summer' : `adult classes in ward ${i}`;
    return {
      file: `report-${i}.md`,
      title: `${town} report`,
      source: `report-${i}.md`,
      kind: 'slides' as const,
      body: `## Our work\n\n${town} runs learning projects.\n\n## Concluding remarks\n\n${town} will keep ${topic} going.`,
    };
  });
  const search = new PassageSearch(buildIndex(documents), buildSynonymTable([]));

  it("lift those the question's words find, without bringing in every section with that heading", () => {
    const { hits } = search.search('In the wrap-up, what is said about the harbour festival?', 200);
    expect(hits[0]?.passage.text).toContain('a harbour festival every summer');
    expect(hits[0]?.passage.heading).toBe('Concluding remarks');
    expect(hits.filter((hit) => hit.passage.heading === 'Concluding remarks').length).toBeLessThan(40);
  });
});
