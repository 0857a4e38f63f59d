import { describe, expect, it } from 'vitest';
import { entityWords, wordsOfNames } from '../../src/knowledge/names.js';
import { ConceptBuilder, type Vocabulary } from '../../src/knowledge/concepts.js';
import { buildSynonymTable } from '../../src/knowledge/synonyms.js';
import { isStopWord, stem } from '../../src/knowledge/text.js';
import { TypoCorrector } from '../../src/knowledge/typos.js';

const words = ['learning', 'partnership', 'toolkit', 'stakeholders', 'city', 'funding'];

/** A vocabulary of `words` that counts how often it is asked. */
const countingVocabulary = (): Vocabulary & { asked: number } => {
  const stems = new Map(words.map((word) => [stem(word), 3]));
  const vocabulary = {
    asked: 0,
    frequency(term: string): number {
      vocabulary.asked += 1;
      return stems.get(term) ?? 0;
    },
    idf: (term: string) => (stems.has(term) ? 1.5 : 0),
    unknownWeight: 2,
  };
  return vocabulary;
};

const letter = (i: number): string => String.fromCharCode(97 + (i % 26));

/** The builder over `vocabulary`, correcting typos against `words` and `more`. */
const builderOver = (vocabulary: Vocabulary, more: string[] = []): ConceptBuilder =>
  new ConceptBuilder(vocabulary, buildSynonymTable([]), new TypoCorrector(new Map([...words, ...more].map((word) => [word, 3]))), undefined);

describe('ConceptBuilder', () => {
  it('takes a question asked again from what it made of it the first time', () => {
    const vocabulary = countingVocabulary();
    const builder = builderOver(vocabulary);
    const first = builder.build('Who funds the learning city partnershp?', 8);
    const asked = vocabulary.asked;
    expect(asked).toBeGreaterThan(0);
    const again = builder.build('Who funds the learning city partnershp?', 8);
    expect(vocabulary.asked).toBe(asked);
    expect(again).toEqual(first);
    expect(again.find((concept) => concept.surface === 'partnershp')?.bridge).toBe('spelling');
    // Each caller gets its own list: changing one does not change what the next caller gets.
    again.pop();
    expect(builder.build('Who funds the learning city partnershp?', 8)).toEqual(first);
  });

  it('makes the concepts again of a message that ran out of correction budget', () => {
    // Many known words of one first letter and length make each unknown word of that shape costly to correct.
    const costly = Array.from({ length: 3_000 }, (_, i) => `qa${letter(i)}${letter(Math.floor(i / 26))}${letter(Math.floor(i / 676))}aaaaaaaaa`);
    const builder = builderOver(countingVocabulary(), costly);
    const noise = Array.from({ length: 16 }, (_, i) => `qzxvbn${letter(i)}wplkjh`).join(' ');
    const message = `${noise} stakholdres`;
    expect(message.length).toBeLessThan(300);
    const corrected = (concepts: ReturnType<ConceptBuilder['build']>): boolean =>
      concepts.some((concept) => concept.surface === 'stakholdres' && concept.bridge === 'spelling');
    expect(corrected(builder.build(message, 60))).toBe(false);
    // The noise words tried last time are known now, so the budget reaches the last word.
    expect(corrected(builder.build(message, 60))).toBe(true);
  });
});

describe('"stand for"', () => {
  it('asks what something means: "stand" weighs as a framing word there, and fully elsewhere', () => {
    const builder = builderOver(countingVocabulary());
    const weightOf = (question: string): number | undefined => builder.build(question, 24).find((c) => c.surface === 'stand')?.weight;
    const framing = weightOf('what does the toolkit stand for?') ?? 0;
    const plain = weightOf('where does the toolkit stand now?') ?? 0;
    expect(framing).toBeGreaterThan(0);
    expect(framing).toBeCloseTo(plain * 0.3, 5);
  });
});

describe('a compound split at its hyphen', () => {
  it('keeps its head word, not the particle ("start-ups", "grown-ups")', () => {
    const builder = builderOver(countingVocabulary(), ['start', 'grown', 'up']);
    expect(builder.build('Is Swansea encouraging start-ups and grown-ups?', 24).map((c) => c.surface)).not.toContain('ups');
    expect(isStopWord('ups')).toBe(true);
    expect(isStopWord('up')).toBe(false);
  });
});

describe('names a question writes', () => {
  it('are capitalised words inside a sentence, acronyms and years, but not a two-letter code after a name, nor a name joined to the next word', () => {
    const found = entityWords('A colleague mentioned Victoria BC had a target date - did the UNESCO network say when, in 2003?');
    expect([...found]).toEqual(expect.arrayContaining(['victoria', 'unesco', '2003']));
    expect(found.has('bc')).toBe(false);
    // On its own, a two-letter acronym is one.
    expect(entityWords('what does the UK network do?').has('uk')).toBe(true);
    // Joined by a hyphen to the word after it, a name says how ("European-funded"), not what about.
    expect(entityWords('someone said Beijing took part in a European-funded project').has('european')).toBe(false);
    expect(entityWords('someone said Beijing took part in a European project').has('european')).toBe(true);
  });

  it('include a filler word capitalised within a name of several words ("European Year"), not the same word alone', () => {
    expect([...wordsOfNames('When was the European Year of Lifelong Learning?', isStopWord)]).toEqual(['year', 'learning']);
    expect(wordsOfNames('Which year was it? Year of birth', isStopWord).size).toBe(0);
    // After a filler ("What Year"), or in a message written in title case, capitals name nothing.
    expect(wordsOfNames('so What Year did it start?', isStopWord).size).toBe(0);
    expect(wordsOfNames('Can You Tell Me What Year The UK Learning Cities Network Was Established?', isStopWord).size).toBe(0);
    const builder = builderOver(countingVocabulary(), ['year', 'european']);
    expect(builder.build('European Year of Lifelong Learning', 10).map((c) => c.surface)).toContain('year');
    expect(builder.build('what year did the european union proclaim it?', 10).map((c) => c.surface)).not.toContain('year');
  });
});
