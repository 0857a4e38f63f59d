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

  it('tells which words are forms of one word: their families of base and derived forms meet', () => {
    const meet = (one: string, other: string): boolean => [...wordnet.family(one)].some((word) => wordnet.family(other).has(word));
    expect(wordnet.family('authorities')).toContain('authority');
    expect(meet('authors', 'author')).toBe(true);
    expect(meet('coordinate', 'coordination')).toBe(true);
    expect(meet('author', 'authority')).toBe(false);
    expect(meet('university', 'universe')).toBe(false);
    expect(wordnet.family('kirklees').size).toBe(0);
    expect(wordnet.family('not a word!').size).toBe(0);
    expect(wordnet.partsOfSpeech('coordinator')).toEqual(['noun']);
    expect(wordnet.partsOfSpeech('coordinate')).toContain('verb');
    expect(wordnet.partsOfSpeech('coordinators')).toEqual([]);
  });

  it('leads an adjective of a country or a thing to the noun it pertains to (WordNet pertainyms)', () => {
    // "Chinese" is linked to China only as "pertaining to", not as a derived form.
    expect(wordnet.related('chinese')).toContainEqual({ word: 'china', relation: 'derived' });
    expect(wordnet.related('educational').map((r) => r.word)).toContain('education');
  });

  it('reads irregular verb forms, which the package’s files leave to exception lists it does not ship', () => {
    expect(wordnet.related('took')).toContainEqual({ word: 'take', relation: 'synonym' });
    expect(wordnet.related('drew').length).toBeGreaterThan(0);
    expect(wordnet.related('carried').map((r) => r.word)).toContain('transport');
  });

  it('finds a phrasal verb written out, inflected on its first word, and nothing for words that only stand together', () => {
    expect(wordnet.collocation(['took', 'part'])).toBe('take part');
    expect(wordnet.collocation(['drew', 'up'])).toBe('draw up');
    expect(wordnet.collocation(['carried', 'out'])).toBe('carry out');
    expect(wordnet.collocation(['finding', 'out'])).toBe('find out');
    expect(wordnet.collocation(['big', 'city'])).toBeUndefined();
    expect(wordnet.collocation(['learning', 'city'])).toBeUndefined();
    expect(wordnet.collocation(['took'])).toBeUndefined();
    for (const junk of [['', ''], ['../..', 'x'], ['a'.repeat(4_000), 'up']]) expect(() => wordnet.collocation(junk)).not.toThrow();
  });

  it('knows nothing of non-words and never throws', () => {
    for (const word of ['', 'zzqxv', 'a'.repeat(4_000), '../../etc/passwd', 'learning city']) expect(() => wordnet.related(word)).not.toThrow();
    expect(wordnet.related('zzqxv')).toEqual([]);
  });
});

/** A search over pages of one heading and one paragraph each, with the real WordNet. */
const searchOver = (...pages: Array<[file: string, title: string, body: string]>): PassageSearch =>
  new PassageSearch(
    buildIndex(pages.map(([file, title, body]) => ({ file, title, source: file, kind: 'page' as const, body }))),
    buildSynonymTable([]),
    wordnet,
  );

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

  it('weighs a word the documents lack but whose synonym in the table they use as that word, not as their rarest word', () => {
    // "Funding" and "council" are in every passage here, so a match on them says little; "budget"
    // is in none. Reached only through the table, it must not weigh what a word found nowhere would.
    const pages = ['Schools', 'Libraries', 'Museums', 'Colleges'].map((name, i) => ({
      file: `${i}.md`,
      title: name,
      source: `${i}.md`,
      kind: 'page' as const,
      body: `## ${name}\n\n${name} get council funding for evening classes in ${2000 + i}.`,
    }));
    const tabled = new PassageSearch(buildIndex(pages), buildSynonymTable([['budget', 'funding'], ['two', '2']]), wordnet);
    const budget = tabled.concepts('what is the budget of the council?').find((c) => c.surface === 'budget');
    const funding = tabled.concepts('what is the funding of the council?').find((c) => c.surface === 'funding');
    expect(budget?.known).toBe(false);
    expect(budget?.alternatives).toContainEqual(['fund']);
    expect(budget?.weight).toBeLessThan(tabled.maxWeight() / 2);
    expect(budget?.weight).toBeLessThanOrEqual((funding?.weight ?? 0) * 2);
    // A name keeps its weight: the documents not naming it is what says they do not answer.
    const named = new PassageSearch(buildIndex(pages), buildSynonymTable([['GNLC', 'council']]), wordnet);
    expect(named.concepts('who funds the GNLC?').find((c) => c.surface === 'gnlc')?.weight).toBe(named.maxWeight());
  });

  it('still bridges the words of a question that follows a long clause about the asker', () => {
    // Twelve words the documents lack come first; each is looked up as a name and as a word, out of a budget per message.
    const scene = 'Our volunteers in Nairobi keep drafting leaflets, posters, banners, brochures, flyers, newsletters and bulletins about outreach.';
    const salary = search.concepts(`${scene} What salary does the council offer?`).find((c) => c.surface === 'salary');
    expect(salary?.alternatives).toContainEqual(['pay']);
  });

  it('reads a phrasal verb as one idea, bridged to the documents’ word for it', () => {
    const concepts = search.concepts('which schools took part?');
    const tookPart = concepts.find((c) => c.surface === 'took part');
    expect(tookPart?.alternatives).toContainEqual(['particip']);
    // "took" alone is an everyday word, not a misspelling of some word of the documents.
    expect(concepts.some((c) => c.surface === 'took' || c.surface === 'part')).toBe(false);
    expect(search.search('which schools took part?').hits[0]?.passage.source).toBe('a.md');
  });

  it('does not take an everyday word WordNet lists under another form for a typo', () => {
    const library = new PassageSearch(
      buildIndex([{ file: 'c.md', title: 'Library', source: 'c.md', kind: 'page' as const, body: '## Books\n\nEvery reader may borrow a book.' }]),
      buildSynonymTable([]),
      wordnet,
    );
    const took = library.concepts('who took the money?').find((c) => c.surface === 'took');
    expect(took?.alternatives).not.toContainEqual(['book']);
    expect(took?.bridge).toBeUndefined();
  });

  it('reads an adjective of a country as the country the documents name', () => {
    const places = searchOver(
      ['c.md', 'Projects', '## Partners\n\nShanghai in China joined the project in 2004.'],
      ['d.md', 'Festivals', '## Partners\n\nA city in Wales joined the festival in 2005.'],
    );
    const chinese = places.concepts('Which Chinese city joined the project?').find((c) => c.surface === 'chinese');
    expect(chinese?.alternatives).toContainEqual(['china']);
    // "Chinese" is a name, and China is one of its own forms: a name is bridged to nothing else.
    expect(chinese?.entity).toBe(true);
    expect(places.search('Which Chinese city joined?').hits[0]?.passage.source).toBe('c.md');
  });

  it('bridges a country, or what pertains to it, to the places within it that the documents name', () => {
    const places = searchOver(
      ['b.md', 'Congresses', '## The first congress\n\nThe first congress was held in Barcelona in 1990.'],
      ['s.md', 'Cities', '## Swansea\n\nSwansea is building an entrepreneurial culture.'],
      ['f.md', 'Festivals', '## Festivals\n\nThe festival is held every spring in the park.'],
    );
    const spain = places.concepts('Where in Spain was the first congress held?').find((c) => c.surface === 'spain');
    expect(spain).toMatchObject({ entity: true, bridge: 'part' });
    expect(spain?.alternatives).toContainEqual(['barcelona']);
    expect(places.search('Where in Spain was the first congress held?').hits[0]?.passage.source).toBe('b.md');
    // "Welsh" pertains to Wales, and Swansea is in Wales.
    expect(places.concepts('What is the Welsh city building?').find((c) => c.surface === 'welsh')?.alternatives).toContainEqual(['swansea']);
    // A city has no places within it that the documents name: Leeds stays unbridged.
    expect(places.concepts('Does Leeds have a festival?').find((c) => c.surface === 'leeds')?.alternatives).toEqual([]);
  });

  it('bridges a word of degree to the documents’ word in either degree ("quicker" than any other: "fastest")', () => {
    const growth = searchOver(['g.md', 'Growth', '## Growth\n\nLearning communities are the fastest growth industries.'], ['o.md', 'Other', '## Other\n\nThe festival is held every spring.']);
    expect(growth.concepts('what industry is growing quicker than any other?').find((c) => c.surface === 'quicker')?.alternatives).toContainEqual(['fastest']);
    expect(growth.search('what industry is growing quicker than any other?').hits[0]?.passage.source).toBe('g.md');
    // A word not of degree is bridged as before.
    expect(growth.concepts('what industry is growing quick?').find((c) => c.surface === 'quick')?.alternatives ?? []).not.toContainEqual(['fastest']);
  });

  it('bridges a word the documents lack to a kind of it one level down ("traps": pitfalls), weighing less than the word itself', () => {
    const guide = searchOver(['g.md', 'Guide', '## The guide\n\nIt highlights workable strategies and notes possible pitfalls.'], ['o.md', 'Other', '## Other\n\nThe festival is held every spring.']);
    const traps = guide.concepts('does the guide warn about traps?').find((c) => c.surface === 'traps');
    expect(traps?.alternatives).toContainEqual(['pitfal']);
    expect(traps?.bridge).toBe('hyponym');
    expect(guide.search('does the guide warn about traps?').hits[0]?.passage.source).toBe('g.md');
  });

  it('bridges a country to a city within one of its provinces, unless the question names that city itself', () => {
    const places = searchOver(
      ['c.md', 'Canada', '## Strategies\n\nSource: Lifelong Learning Strategy for the City of Vancouver, 2006.'],
      ['v.md', 'Australia', '## Australia\n\nIn Victoria, all municipalities are expected to pursue learning city policies.'],
    );
    // Canada → British Columbia → Vancouver, Victoria.
    const canadian = places.concepts('Which Canadian city published a strategy in 2006?').find((c) => c.surface === 'canadian');
    expect(canadian?.alternatives).toContainEqual(['vancouv']);
    expect(canadian?.alternatives).toContainEqual(['victoria']);
    expect(places.search('Which Canadian city published a strategy in 2006?').hits[0]?.passage.source).toBe('c.md');
    // Named in the question, Victoria is asked about as itself: the Victoria in Australia does not hold "Canadian".
    const besides = places.concepts('Which Canadian cities besides Victoria pursue learning city policies?').find((c) => c.surface === 'canadian');
    expect(besides?.alternatives).not.toContainEqual(['victoria']);
    expect(besides?.alternatives).toContainEqual(['vancouv']);
  });

  it('finds a name the documents use in its other forms too', () => {
    const places = searchOver(
      ['j.md', 'Japan', '## Japan\n\nIn 1979 Kakegawa was declared the first Lifelong Learning City in Japan.'],
      ['p.md', 'Projects', '## Since then\n\nThe Japanese project has been run by towns.'],
    );
    const japanese = places.concepts('Which Japanese town was the first lifelong learning city?').find((c) => c.surface === 'japanese');
    expect(japanese).toMatchObject({ entity: true, known: true });
    expect(japanese?.alternatives).toContainEqual(['japan']);
  });

  it('reads a decade as each of its years', () => {
    const history = searchOver(['h.md', 'History', '## Projects\n\nBeijing joined the project, which ran from 2005 to 2007. Seven cities took part in 1973.']);
    const decade = (question: string, word: string) => history.concepts(question).find((c) => c.surface === word);
    expect(decade('Which project did Beijing join in the early 2000s?', '2000s')?.alternatives).toEqual(expect.arrayContaining([['2005'], ['2007']]));
    expect(decade('who came up with educating cities back in the 70s?', '70s')?.alternatives).toContainEqual(['1973']);
    expect(decade('what happened in the seventies?', 'seventies')?.alternatives).toContainEqual(['1973']);
    // Years outside the decade are not it.
    expect(decade('what happened in the 1990s?', '1990s')?.alternatives).not.toContainEqual(['2005']);
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

  it('an irregular verb form is a word, though WordNet lists the same letters only as a name ("fed": the Fed)', () => {
    expect(wordnet.kind('fed')).toBe('word');
    expect(wordnet.kind('oversaw')).toBe('word');
    expect(entity('What sources fed into the Birmingham instruments?', 'fed')).toBe(false);
  });

  it('WordNet tells the name of a place from that of a person or a body', () => {
    for (const place of ['venice', 'birmingham', 'spain', 'europe', 'korea']) expect(wordnet.isPlace(place), place).toBe(true);
    for (const other of ['hutchins', 'unesco', 'council', 'longworth', 'zzqxv']) expect(wordnet.isPlace(other), other).toBe(false);
  });

  it('WordNet tells the name of a city or town from that of a country or a body', () => {
    for (const town of ['beijing', 'liverpool', 'venice', 'birmingham']) expect(wordnet.isTown(town), town).toBe(true);
    // In any of its senses: "Vancouver" is first the navigator, then the city.
    for (const town of ['vancouver', 'edmonton']) expect(wordnet.isTown(town), town).toBe(true);
    for (const other of ['eu', 'spain', 'korea', 'unesco', 'china', 'zzqxv']) expect(wordnet.isTown(other), other).toBe(false);
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
    // Nor is a compound written as one: it reaches the documents through its first word, as one level up.
    expect(entity('what standing has it gained in education policymaking?', 'policymaking')).toBe(false);
    // A place named like one ("stockport") is not a compound of that kind.
    expect(entity('is stockport a learning city?', 'stockport')).toBe(true);
    // Nor is an everyday word misspelt, nor a capital that opens a sentence.
    expect(entity('which books does the site recomend?', 'recomend')).toBe(false);
    expect(entity('I am writing a history for our newsletter. Roughly how many towns took part?', 'roughly')).toBe(false);
    expect(entity('Is it true that Roughton is a learning town?', 'roughton')).toBe(true);
  });
});
