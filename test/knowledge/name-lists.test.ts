import { describe, expect, it } from 'vitest';
import type { Concept } from '../../src/knowledge/concepts.js';
import { namesOnlyListed } from '../../src/knowledge/name-lists.js';
import type { PassageSentence } from '../../src/knowledge/passage-shape.js';
import { stem, words } from '../../src/knowledge/text.js';

const name = (surface: string): Concept => ({ surface, phrase: words(surface).map(stem), alternatives: [], weight: 3, known: true, entity: true });
const sentence = (text: string, position = 0): PassageSentence => {
  const terms = new Set(words(text).map(stem));
  return { text, position, terms, labelled: terms, defines: [], cuesTested: 0, cuesFound: 0 };
};

describe('names the documents only list among others', () => {
  it('a name in a run of three names or more, or in a line of names alone, is only listed', () => {
    const uk = sentence('The size and nature of the places involved varies widely from Liverpool, Sheffield and Hull to Swansea, Norwich and Retford.');
    expect(namesOnlyListed([name('sheffield')], [uk]).map((c) => c.surface)).toEqual(['sheffield']);
    expect(namesOnlyListed([name('edinburgh')], [sentence('Edinburgh, Scotland; Edmonton, Canada; Vienna, Austria.')])).toHaveLength(1);
    expect(namesOnlyListed([name('edinburgh')], [sentence('- Edinburgh, Scotland')])).toHaveLength(1);
  });

  it('a name the passage says something about elsewhere, or in a sentence of its own, is not', () => {
    const listed = sentence('The network includes Leeds, Sheffield and York.');
    expect(namesOnlyListed([name('sheffield')], [listed, sentence('Sheffield set up a learning festival in 2001.', 1)])).toEqual([]);
    expect(namesOnlyListed([name('sheffield')], [sentence('Leeds, Sheffield and York joined; Sheffield then led the network.')])).toEqual([]);
    // Two names are a pair, not a list: "in Africa and Asia".
    expect(namesOnlyListed([name('asia')], [sentence('Rapid urbanisation is expected in Africa and Asia.')])).toEqual([]);
    expect(namesOnlyListed([{ ...name('2003'), surface: '2003' }], [sentence('Leeds, York, 2003 and Hull.')])).toEqual([]);
  });

  it('a concept that is not a name, or that no sentence holds, is left alone', () => {
    const uk = sentence('Liverpool, Sheffield and Hull.');
    expect(namesOnlyListed([{ ...name('sheffield'), entity: false }], [uk])).toEqual([]);
    expect(namesOnlyListed([name('bristol')], [uk])).toEqual([]);
  });
});
