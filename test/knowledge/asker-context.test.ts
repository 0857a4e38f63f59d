import { describe, expect, it } from 'vitest';
import { askingPart } from '../../src/knowledge/asker-context.js';
import { HeadingIndex } from '../../src/knowledge/heading-match.js';

describe('the part of a message that asks', () => {
  it('comes after what askers say about themselves, unless it points back to it', () => {
    expect(askingPart('I work in Leeds council. How can universities help a learning city?')).toBe('How can universities help a learning city?');
    expect(askingPart("Hi, I'm a coordinator in Cork and we're starting out. What are the common agendas?")).toBe('What are the common agendas?');
    expect(askingPart('as a coordinator in Galway, what are the challenges?')).toBe('what are the challenges?');
    // "their tool" is Birmingham's: the question is about what came before.
    expect(askingPart("We're a borough next door to Birmingham - could their tool help us?")).toBeUndefined();
    // Nothing about the asker first, or a first clause that itself asks.
    expect(askingPart('How can universities help a learning city in Leeds?')).toBeUndefined();
    expect(askingPart('What is a learning city? I need it for a report.')).toBeUndefined();
    expect(askingPart('Does it matter whether we are big - can we both be learning towns?')).toBeUndefined();
    // The question points back to the place named before it, or to the asker's own city.
    expect(askingPart("I'm interested in Cork. When did it join the UNESCO network?")).toBeUndefined();
    expect(askingPart('I work in Leeds council. Does our city have a learning festival?')).toBeUndefined();
    // Not about an asker: "were" is a verb, "As a result" no role.
    expect(askingPart('Cork and Galway were both in the news. Which joined the UNESCO network first?')).toBeUndefined();
    expect(askingPart('As a result of the survey, what did Birmingham do next?')).toBeUndefined();
    expect(askingPart('Policies in the US differ. How can universities help?')).toBeUndefined();
  });

  it('reads "is there…" as asking whether something exists, not as pointing back to the asker', () => {
    expect(askingPart('Our team in Nairobi is making the case for adult learning now. Is there a stat about when most people became urban?')).toBe(
      'Is there a stat about when most people became urban?',
    );
    expect(askingPart('I want to make the case for a needs analysis. Is there anything in the slides about who should gather it?')).toBe(
      'Is there anything in the slides about who should gather it?',
    );
    // A pointing word after a name of the question's own points at that name.
    expect(askingPart("We're designing a survey for our partnership in Adelaide. How did Birmingham run theirs?")).toBe('How did Birmingham run theirs?');
    // "there" that points: the place named just before is what the question is about.
    expect(askingPart('I am moving to Swansea. What learning goes on there?')).toBeUndefined();
  });

  it('comes after a longer clause that sets the scene without asking, or after ", so" before a question word', () => {
    expect(askingPart('Heading to a conference in Melbourne next month. In the state of Victoria, which councils are expected to join the association?')).toBe(
      'In the state of Victoria, which councils are expected to join the association?',
    );
    expect(askingPart('A colleague from Nairobi asked me whether learning cities are only a rich-world thing. Is the practice reaching developing countries?')).toBe(
      'Is the practice reaching developing countries?',
    );
    expect(askingPart('I sit on a working group in East Africa, so what does the presentation say is needed?')).toBe('what does the presentation say is needed?');
    // A short clause may be the topic itself; a question naming nothing of its own asks about what came before.
    expect(askingPart('Victoria, Canada - what target was set?')).toBeUndefined();
    expect(askingPart('Cork and Galway were both in the news. Which joined the UNESCO network first?')).toBeUndefined();
    expect(askingPart('The toolkit has three strands of development. What are they?')).toBeUndefined();
    expect(askingPart('A colleague sent us a link. How can universities help?')).toBe('How can universities help?');
    // A pointing word further on points within the question itself.
    expect(askingPart("We have a Japanese sister city and I'm writing a briefing - which city was Japan's first learning city, and when did that happen?")).toBe(
      "which city was Japan's first learning city, and when did that happen?",
    );
    expect(askingPart('I found an old 2004 tool on the shared drive - what initiative was it developed under?')).toBeUndefined();
    // Pointing back leans on the clause just before the question, not on those about the asker before it.
    expect(askingPart('my friend works for a council near Melbourne - she says councils in Victoria have to join an association. is that right?')).toBe(
      'she says councils in Victoria have to join an association. is that right?',
    );
    // ", so" only breaks before a question word.
    expect(askingPart('I sit on a working group in East Africa, so we need guidance.')).toBeUndefined();
  });
});

describe('a question that is a heading', () => {
  const passage = (heading: string) => ({ id: heading, source: 'a.md', title: 'A', heading, text: 'x' });
  const index = new HeadingIndex([passage('Why cities?'), passage('How to build learning cities? Political will'), passage('Challenges'), passage('Why cities?')]);

  it('finds the passages headed by it word for word, or by the part of a heading before a question mark', () => {
    expect(index.headedBy('why cities?')).toEqual([0, 3]);
    expect(index.headedBy('  Why  Cities ')).toEqual([0, 3]);
    expect(index.headedBy('How to build learning cities?')).toEqual([1]);
    expect(index.headedBy('challenges')).toEqual([2]);
    expect(index.headedBy('why cities in Europe?')).toEqual([]);
    expect(index.headedBy('')).toEqual([]);
    expect(index.headedBy('?!')).toEqual([]);
  });

  it('finds the passages headed as why something when a why-question asks it of that, named first after its verb', () => {
    expect(index.whyFor('Why should cities lead on lifelong learning?')).toEqual([0, 3]);
    expect(index.whyFor('why are cities seen as good places for this')).toEqual([0, 3]);
    // "learning cities" is what is asked about, not cities; nor is a why-question about something else.
    expect(new HeadingIndex([passage('Why learning?')]).whyFor('Why are learning cities described as pragmatic?')).toEqual([]);
    expect(index.whyFor('Why does Venice come up when people talk about cities?')).toEqual([]);
    expect(index.whyFor('what cities are there?')).toEqual([]);
    // The word asked of is a whole word: "towns networks" asks of networks of towns, not of towns.
    expect(new HeadingIndex([passage('Why towns?')]).whyFor('why are towns networks important?')).toEqual([]);
    expect(new HeadingIndex([passage('Why learning?')]).whyFor('why do we need learning cities?')).toEqual([]);
  });

  it('finds them too when the question asks why the documents argue something of that, or asks for the reasons or the case for it', () => {
    const whys = new HeadingIndex([passage('Why cities?'), passage('Why learning?')]);
    expect(whys.reasonsFor('why do the slides argue that cities are the right place to do this work?')).toEqual([0]);
    expect(whys.reasonsFor("Why do the 'Building learning cities' slides say cities, rather than other places, are the focus?")).toEqual([0]);
    expect(whys.reasonsFor('The deck gives reasons why cities in particular are the right level to act at. What are they?')).toEqual([0]);
    expect(whys.reasonsFor("What reasons does the 'Building learning cities' deck give for focusing on cities?")).toEqual([0]);
    expect(whys.reasonsFor('what reasons does the presentation give for concentrating on cities?')).toEqual([0]);
    expect(whys.reasonsFor('what reasons do the slides give for prioritising cities?')).toEqual([0]);
    expect(whys.reasonsFor('What does the deck give as the case for learning?')).toEqual([1]);
    expect(whys.reasonsFor('what are the reasons cities are the focus of the slides?')).toEqual([0]);
    expect(whys.reasonsFor('the reasons that learning matters')).toEqual([1]);
    // The case for learning cities is not the case for learning; nor is an argument the slides make about something else a why of cities.
    expect(whys.reasonsFor('what is the case for learning cities?')).toEqual([]);
    expect(whys.reasonsFor('why do the slides say Venice matters?')).toEqual([]);
    // A why-question asked of a heading's word first is the heading's already.
    expect(whys.reasonsFor('why should cities invest in learning, for the reasons given?')).toEqual([]);
  });

  it('finds the passages closing a document when the question asks what it says in closing', () => {
    const closing = new HeadingIndex([passage('Challenges'), passage('Concluding remarks'), passage('Conclusions'), passage('Wrap-up')]);
    for (const question of ['In the wrap-up, where is the practice said to be expanding to?', "according to the deck's final slide, can government do it alone?", 'what do the closing remarks say?', 'what did the deck conclude about developing countries?']) {
      expect(closing.closingFor(question), question).toEqual([1, 2, 3]);
    }
    // What something else concluded is not how a document closes.
    expect(closing.closingFor('What did the 1990 Barcelona congress conclude?')).toEqual([]);
    expect(closing.closingFor('what are the challenges?')).toEqual([]);
    expect(new HeadingIndex([passage('Challenges')]).closingFor('what do the closing remarks say?')).toEqual([]);
  });

  it('finds the passages headed by a part of the question in quotation marks, but not by a document title quoted', () => {
    const titled = { id: 't', source: 'a.md', title: 'The World of Learning Cities', heading: 'The World of Learning Cities', text: 'x' };
    const quoted = new HeadingIndex([passage('Why cities?'), titled]);
    expect(quoted.quotedIn("What reasons does the presentation give under 'Why cities?'")).toEqual([0]);
    expect(quoted.quotedIn('What does the slide “Why cities?” list?')).toEqual([0]);
    expect(quoted.quotedIn("How does 'The World of Learning Cities' define one?")).toEqual([]);
    expect(quoted.quotedIn('why cities?')).toEqual([]);
  });
});
