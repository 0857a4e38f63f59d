import { describe, expect, it } from 'vitest';
import { answerCue, hasAnswerCue, questionType, unitsOf, withoutPreamble } from '../../src/knowledge/quote.js';
import { sentences } from '../../src/knowledge/text.js';
import { buildIndex } from '../../src/knowledge/index-build.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { buildSynonymTable } from '../../src/knowledge/synonyms.js';
import type { PassageSentence } from '../../src/knowledge/passage-shape.js';

const sentence = (text: string): PassageSentence => ({ text, position: 0, terms: new Set(), labelled: new Set(), defines: [], cuesTested: 0, cuesFound: 0 });

describe('answer cues of a passage sentence', () => {
  const texts = [
    'The festival was first held in 2003 and runs every spring.',
    'A learning city is a city that mobilises its resources.',
    'Twelve partners signed the charter.',
    'It matters because learning keeps people in work.',
    'Cork City Council leads the network with UCC.',
    'Nothing here.',
  ];
  const types = ['definition', 'who', 'when', 'count', 'why', 'other'] as const;

  it('agrees with the cue of each question type, asked once or many times', () => {
    for (const text of texts) {
      const kept = sentence(text);
      for (let round = 0; round < 2; round++) {
        for (const type of types) expect(hasAnswerCue(kept, type), `${type}: ${text}`).toBe(answerCue(type)?.test(text) ?? false);
      }
    }
  });

  it('is found or not per type, whatever was asked of the sentence before', () => {
    const dated = sentence('The festival was first held in 2003.');
    expect(hasAnswerCue(dated, 'why')).toBe(false);
    expect(hasAnswerCue(dated, 'when')).toBe(true);
    // A year dates; it counts nothing.
    expect(hasAnswerCue(dated, 'count')).toBe(false);
    expect(hasAnswerCue(dated, 'why')).toBe(false);
    expect(questionType('When did the festival start?')).toBe('when');
  });

  it('for a how-many question, is a number that is not a year', () => {
    for (const [text, counts] of [
      ['In 1996, Liverpool declared itself to be a City of Learning.', false],
      ['Learning cities grew in the 1990s and the 2000s.', false],
      ['Now, LCN has 80 member cities and regions.', true],
      ['There are more than 1000 cities in the world.', true],
      ['In 1973, seven cities participated.', true],
      ['All municipalities of more than 5,000 people.', true],
      ['In 2008, more than half of the world’s population lived in towns.', true],
    ] as const) {
      expect(hasAnswerCue(sentence(text), 'count'), text).toBe(counts);
    }
  });
});

describe('the type of a question', () => {
  it('is read after a polite preamble, as if the question word opened it', () => {
    const cases: Array<[string, string]> = [
      ['Can you tell me what a learning city is?', 'definition'],
      ['what a learning city is', 'definition'],
      ['Do you know who funds Bristol Learning City?', 'who'],
      ["I'd like to know when the OECD published its report", 'when'],
      ['could you please explain why cities should invest in learning?', 'why'],
      ['Tell me how many cities are in the UNESCO network', 'count'],
      ['I was wondering whether Belfast is a learning city', 'other'],
      ['Can you list the 33 elements?', 'other'],
      // No preamble: as before.
      ['What is a learning city?', 'definition'],
      ['Who funds it?', 'who'],
      ['Tell us about Leeds', 'other'],
    ];
    for (const [question, type] of cases) expect(questionType(question), question).toBe(type);
    expect(withoutPreamble('Do you know who funds it?')).toBe('who funds it?');
  });

  it('takes a population asked for as a count, and what is said about population growth as no count', () => {
    expect(questionType('What is the population of Wolverhampton?')).toBe('count');
    expect(questionType("what's the urban population of the world?")).toBe('count');
    expect(questionType('What does the slide say about population growth?')).not.toBe('count');
    expect(withoutPreamble('Can you tell me?')).toBe('Can you tell me?');
  });

  it('takes "how much" before a clause as a degree, not a count', () => {
    expect(questionType('Which places are named to show how much the British towns differ in scale?')).not.toBe('count');
    expect(questionType('how much it matters that they join?')).not.toBe('count');
    expect(questionType('How much funding does the network get?')).toBe('count');
    expect(questionType('how much does membership cost?')).toBe('count');
  });

  it('takes a deadline or closing date asked for as a date', () => {
    expect(questionType('how do we join the network - is there a deadline?')).toBe('when');
    expect(questionType("What's the closing date for applications?")).toBe('when');
  });
});

describe('a passage cut into sentences and lists', () => {
  it('keeps a list with the sentence that introduces it, not with the sentences before that one', () => {
    const units = unitsOf('Cities vary widely. Each is different. They share common agendas:\n\n- Access to learning.\n- Links between sectors.\n\nThe end.');
    expect(units.map((unit) => unit.text)).toEqual([
      'Cities vary widely.',
      'Each is different.',
      'They share common agendas: Access to learning; Links between sectors.',
      'The end.',
    ]);
    expect(units.map((unit) => unit.position)).toEqual([0, 1, 2, 3]);
  });

  it('marks the sentences going on an item under a label with it, until the next label opens an item', () => {
    const units = unitsOf('South Korea: A law was enacted in 1999. In 2001, the first 3 cities were selected. Up to 2008, 76 were designated. South Africa: In 2001, the Learning Cape started. It is one of four pillars.\nThe end.');
    expect(units.map((unit) => unit.label)).toEqual([undefined, 'South Korea', 'South Korea', undefined, 'South Africa', undefined]);
    // "Note:" or "Background:" says what kind of line follows, not what it is about.
    expect(unitsOf('Background: Cork began in 2004. It draws 10,000 people.').map((unit) => unit.label)).toEqual([undefined, undefined]);
  });

  it('does not end a sentence at an abbreviation ("St. John’s", "e.g. Cork"), in passages as in the documents they come from', () => {
    const text = 'Vancouver aims to be a Learning City. St. John’s and Edmonton have made efforts. Some cities, e.g. Cork, joined. Dr. Longworth wrote it.';
    const expected = ['Vancouver aims to be a Learning City.', 'St. John’s and Edmonton have made efforts.', 'Some cities, e.g. Cork, joined.', 'Dr. Longworth wrote it.'];
    expect(unitsOf(text).map((unit) => unit.text)).toEqual(expected);
    expect(sentences(text)).toEqual(expected);
  });
});

describe('an answer cut short', () => {
  it('goes on where it was cut when more is asked, without repeating what was shown', () => {
    const long = `The festival programme ${Array.from({ length: 60 }, (_, i) => `offers workshop number ${i} for adult learners`).join(', ')}.`;
    const kb = new KnowledgeBase(buildIndex([{ file: 'a.md', title: 'Festival', source: 'a.md', kind: 'page', body: `## Festival\n\n${long}` }]), buildSynonymTable([]));
    const answer = kb.answer('what does the festival programme offer?');
    expect(answer.answer.endsWith('…')).toBe(true);
    expect(answer.unquoted?.startsWith('…')).toBe(true);
    // What was shown and what `more` shows make the sentence whole, once.
    expect(`${answer.answer.slice(0, -1)} ${answer.unquoted?.slice(1) ?? ''}`.replace(/\s+/gu, ' ')).toBe(long);
  });
});

describe('a key sentence that leans on the one before', () => {
  it('comes after it, also when that one was chosen as its neighbour', () => {
    const body = '## Festival\n\nThe Riverton festival started in 2010 with twenty workshops for adult learners. However, the Riverton festival lost its funding for adult learners in 2015. The library now runs a smaller event.';
    const kb = new KnowledgeBase(buildIndex([{ file: 'a.md', title: 'Festival', source: 'a.md', kind: 'page', body }]), buildSynonymTable([]));
    const answer = kb.answer('what happened to the Riverton festival funding for adult learners?');
    expect(answer.answer).toMatch(/^The Riverton festival started in 2010 with twenty workshops for adult learners\. However, the Riverton festival lost its funding/u);
  });
});

describe('a how-often question', () => {
  it('is answered by a sentence giving a frequency in words ("every quarter"), not refused for lacking a date', () => {
    const body = '## Partners\n\nThe Dundee learning partnership brings together the council, colleges and libraries. The partnership meets every quarter to review progress.';
    const kb = new KnowledgeBase(buildIndex([{ file: 'd.md', title: 'Dundee Learning Strategy 2025', source: 'd.md', kind: 'page', body }]), buildSynonymTable([]));
    const answer = kb.answer('how often does the Dundee learning partnership meet?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toContain('meets every quarter');
    for (const text of ['It meets quarterly.', 'Reviews are held every six months.', 'The board meets fortnightly.']) expect(answerCue('when')?.test(text), text).toBe(true);
  });
});

describe('a when question answered with May', () => {
  it('takes May the month for a date, and "may" the verb for none', () => {
    const body = '## Learning festivals\n\nThe Leeds learning festival runs every May in community centres. Any group may join it.';
    const kb = new KnowledgeBase(buildIndex([{ file: 'f.md', title: 'Festival notes', source: 'f.md', kind: 'page', body }]), buildSynonymTable([]));
    const answer = kb.answer('When is the Leeds learning festival?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toContain('every May');
    for (const text of ['It opened on 3 May 2019.', 'It closes in May.', 'Applications run from May to July.', 'The fair was held May 12.']) expect(answerCue('when')?.test(text), text).toBe(true);
    for (const text of ['Cities may join at any time.', 'Each may choose its own themes.', 'This may help.']) expect(answerCue('when')?.test(text), text).toBe(false);
  });
});

describe('"until when"', () => {
  it('asks for a date, as "since when" does', () => {
    for (const question of ['Until when did the scheme run?', 'till when is the survey open?', 'Since when has Swansea been a learning city?']) expect(questionType(question), question).toBe('when');
  });
});

describe('items under labels of their own', () => {
  const page = {
    file: 'nations.md', title: 'National programmes', source: 'nations.md', kind: 'page' as const,
    body:
      '## National programmes\n\n' +
      'Korea: The Lifelong Education Law was passed in 1999. Its learning cities are funded by the national government.\n\n' +
      'Japan: Kakegawa was the first lifelong learning city, funded by the prefecture.\n\n' +
      'Australia: Every state has its own government funded learning cities association.\n',
  };
  const kb = new KnowledgeBase(buildIndex([page]), buildSynonymTable([]));

  it('are not quoted after a key sentence about a place the question names when they name none of its places', () => {
    const korea = kb.answer('who funds the learning cities in Korea?').answer;
    expect(korea).toMatch(/funded by the national government/u);
    expect(korea).not.toMatch(/Australia|Japan/u);
  });

  it('still go with the key sentence when it is theirs', () => {
    const japan = kb.answer('who funds the learning cities in Japan?').answer;
    expect(japan).toMatch(/^Japan: Kakegawa was the first lifelong learning city, funded by the prefecture\./u);
    expect(japan).not.toMatch(/Australia/u);
  });
});

describe('a reason', () => {
  it('is given by "in response to", "due to", "owing to", "as a result of" or "arose", as by "because"', () => {
    for (const text of ['This arose in response to concerns that events had replaced practice.', 'Numbers fell due to the cuts.', 'It closed as a result of the review.']) {
      expect(answerCue('why')?.test(text), text).toBe(true);
    }
    expect(answerCue('why')?.test('The survey was sent out by email.')).toBe(false);
  });
});

describe('a clause setting the scene', () => {
  it('("When confronting…, where…?") does not make a when-question; "When did…?" still is one', () => {
    expect(questionType('When confronting deprivation and damage to nature, where does the UNESCO page say we ought to begin?')).not.toBe('when');
    expect(questionType('When it comes to funding, what does the toolkit suggest?')).not.toBe('when');
    expect(questionType('When was the UK Learning Cities Network set up?')).toBe('when');
    expect(questionType('When is the learning festival running, this year?')).toBe('when');
  });
});
