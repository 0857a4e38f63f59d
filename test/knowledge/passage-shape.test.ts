import { describe, expect, it } from 'vitest';
import { buildShape, definedAcronyms } from '../../src/knowledge/passage-shape.js';
import type { Passage } from '../../src/knowledge/chunk.js';
import { stem } from '../../src/knowledge/text.js';

const passage = (text: string): Passage => ({ id: 'p', source: 's.txt', title: 'Slides', heading: 'Learning cities in action', text });

describe('acronyms a passage defines', () => {
  it('are read from the words before the brackets whose first letters spell them', () => {
    const defined = definedAcronyms(
      'In 1996, Liverpool declared itself to be a City of Learning and the UK Learning Cities Network (LCN) was established. ' +
        'The project Towards a European Learning Society (TELS) followed, with the International Association of Educating Cities (IAEC).',
    );
    expect(defined.get('lcn')).toEqual(['learn', 'citi', 'network']);
    expect(defined.get(stem('tels'))).toEqual(['toward', 'european', 'learn', 'societi']);
    expect(defined.get('iaec')).toEqual(['intern', 'associ', 'educ', 'citi']);
  });

  it('are not read where the words before the brackets do not spell them', () => {
    expect(definedAcronyms('Cities across the country (UK) and a programme for adults (OECD).').size).toBe(0);
  });

  it('lend their long form to a later sentence using them', () => {
    const shape = buildShape(passage('The UK Learning Cities Network (LCN) was established in 1996. Now, LCN has 80 member cities and regions.'));
    const later = shape.sentences[1];
    expect(later?.text).toBe('Now, LCN has 80 member cities and regions.');
    for (const term of ['lcn', 'network', 'learn', 'citi', 'member']) expect(later?.terms.has(term), term).toBe(true);
    // The long form lends nothing to a sentence that does not use the acronym.
    const other = buildShape(passage('The UK Learning Cities Network (LCN) was established in 1996. Germany supported 70 regions.')).sentences[1];
    expect(other?.terms.has('network')).toBe(false);
  });
});
