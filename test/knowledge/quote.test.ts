import { describe, expect, it } from 'vitest';
import { answerCue, hasAnswerCue, questionType, withoutPreamble } from '../../src/knowledge/quote.js';
import type { PassageSentence } from '../../src/knowledge/passage-shape.js';

const sentence = (text: string): PassageSentence => ({ text, position: 0, terms: new Set(), cuesTested: 0, cuesFound: 0 });

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
    expect(hasAnswerCue(dated, 'count')).toBe(true);
    expect(hasAnswerCue(dated, 'why')).toBe(false);
    expect(questionType('When did the festival start?')).toBe('when');
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
    expect(withoutPreamble('Can you tell me?')).toBe('Can you tell me?');
  });
});
