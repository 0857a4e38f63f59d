import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/knowledge/index-build.js';
import { PassageSearch } from '../../src/knowledge/search.js';
import { buildSynonymTable } from '../../src/knowledge/synonyms.js';
import { WordNet } from '../../src/knowledge/wordnet.js';

const wordnet = new WordNet();

describe('WordNet, read from the local database files', () => {
  it('gives synonyms, derived forms and the hypernyms one level up', () => {
    const related = (word: string, relation: string): string[] =>
      wordnet.related(word).filter((r) => r.relation === relation).map((r) => r.word);
    expect(related('participate', 'synonym')).toContain('take part');
    expect(related('invite', 'derived')).toContain('invitation');
    expect(related('obstacles', 'synonym')).toContain('obstruction');
    expect(related('obstacles', 'hypernym')).toContain('hindrance');
  });

  it('knows nothing of non-words and never throws', () => {
    for (const word of ['', 'zzqxv', 'a'.repeat(4_000), '../../etc/passwd', 'learning city']) expect(() => wordnet.related(word)).not.toThrow();
    expect(wordnet.related('zzqxv')).toEqual([]);
  });
});

describe('the vocabulary bridge', () => {
  const documents = [
    { file: 'a.md', title: 'Partners', source: 'a.md', kind: 'page' as const, body: '## Who takes part\n\nSchools and libraries participate in the learning partnership.' },
    { file: 'b.md', title: 'Funding', source: 'b.md', kind: 'page' as const, body: '## Money\n\nThe council pays for the festival from its budget.' },
  ];
  const search = new PassageSearch(buildIndex(documents), buildSynonymTable([]), wordnet);

  it('maps a word the documents lack onto their own word, at a lower weight than the user’s own', () => {
    const bridged = search.concepts('what salary does the council offer?').find((c) => c.surface === 'salary');
    const own = search.concepts('what pay does the council offer?').find((c) => c.surface === 'pay');
    expect(bridged?.known).toBe(false);
    expect(bridged?.alternatives).toContainEqual(['pay']);
    expect(bridged?.bridge).toBe('synonym');
    expect(bridged?.weight).toBeLessThan(own?.weight ?? 0);
    expect(search.search('what salary does the council offer?').hits[0]?.passage.source).toBe('b.md');
  });

  it('does not bridge a name to what it is an instance of', () => {
    const leeds = search.concepts('Does Leeds have a festival?').find((c) => c.surface === 'leeds');
    expect(leeds?.entity).toBe(true);
    expect(leeds?.alternatives).toEqual([]);
  });
});

describe('names written in lower case', () => {
  const documents = [
    {
      file: 'a.md',
      title: 'Partners',
      source: 'a.md',
      kind: 'page' as const,
      body: '## Who takes part\n\nSchools in Kirklees work with the Council. The council pays for the festival.\n\nLearning Festivals are held in lifelong learning weeks.',
    },
  ];
  const built = buildIndex(documents);
  const search = new PassageSearch(built, buildSynonymTable([]), wordnet);
  const entity = (question: string, word: string): boolean | undefined => search.concepts(question).find((c) => c.surface === word)?.entity;

  it('WordNet tells a name from an ordinary word', () => {
    expect(wordnet.kind('leeds')).toBe('name');
    expect(wordnet.kind('council')).toBe('word');
    expect(wordnet.kind('zzqxv')).toBeUndefined();
    // Asked again (kept from the first time), in any case or spacing: the same answers.
    expect(wordnet.kind(' Leeds ')).toBe('name');
    expect(wordnet.kind('COUNCIL')).toBe('word');
    expect(wordnet.kind('zzqxv')).toBeUndefined();
  });

  it('the index remembers the words its documents write as names, not words they also write in lower case', () => {
    expect(built.names.has('kirklees')).toBe(true);
    expect(built.names.has('learning')).toBe(false);
    expect(built.names.has('festivals')).toBe(true);
  });

  it('a name is recognised without its capital; an ordinary word is not taken for one', () => {
    expect(entity('what schools are in kirklees?', 'kirklees')).toBe(true);
    expect(entity('what is the population of leeds?', 'leeds')).toBe(true);
    // In no dictionary, no document and near no word of them: a name.
    expect(entity('does the toolkit cover wokingtonshire?', 'wokingtonshire')).toBe(true);
    // "Festivals" is capitalised by the documents, but it is an English word.
    expect(entity('when are the festivals?', 'festivals')).toBe(false);
    expect(entity('who pays the council?', 'council')).toBe(false);
    // An English word with a prefix is not a name though no list has it.
    expect(entity('does redrawing boundaries matter?', 'redrawing')).toBe(false);
  });
});
