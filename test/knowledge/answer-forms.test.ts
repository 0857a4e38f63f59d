import { describe, expect, it } from 'vitest';
import { acronymAsked, askedForm, asksForLink, countedSince, creditsAsked, givesLink, countsOneOf, givesFigureSince, othersAsked, asksForMoney, asksJoining, asksOutcome, countedAsked, countsThe, formNote, givesMoney, givesOutcome, itemsAsked, longestList, givesCurrentFigure, givesDate, givesEnding, givesOrdinal, ranksThem, givesPastFigure, namesAsked, namesOther, namesRole, ordinalAsked, ordinalAskedAfter, roleAsked, saysHowToJoin, spellsOut, lacksAskedForm, onlyPoints, saysGoingOn, laterAsked, tellsLater, asksHowTo, tellsHow, asksComparison, asksSpan, givesSpan, asksMonth, givesMonth, tellsBeginning, aloneAsked, saysAlone, tellsConsequence, compares, ANY_NAME, givesReason, givesFigure, givesShare, givesCount } from '../../src/knowledge/answer-forms.js';
import { stem, words } from '../../src/knowledge/text.js';

/** Asserts that each of `asked` sets the form's flag and each of `not` leaves it unset. */
const expectFlag = (flag: 'contents' | 'still' | 'figure' | 'choice' | 'share', asked: readonly string[], not: readonly string[]): void => {
  for (const question of asked) expect(askedForm(question)[flag], question).toBe(true);
  for (const question of not) expect(askedForm(question)[flag], question).toBe(false);
};

describe('answers whose form can be checked', () => {
  it('knows a question asking for a sum of money', () => {
    for (const question of [
      'How much funding did each region get?',
      'How much money did Germany put into the programme?',
      "What's Belfast Learning City's annual budget?",
      'What was the budget of the European Lifelong Learning Initiative?',
      'Where can I download the toolkit and does it cost anything?',
      'Is there an annual fee?',
      'Is the Learning City Toolkit free to download?',
      'can we use the audits for free?',
      'How much does a printed copy cost?',
      'Our town council wants to join the UK Learning Cities Network - how do we apply, and is there a membership fee?',
      'Are there fees for members?',
      "What is Wolverhampton's adult skills or learning city budget?",
      'What was the total cost?',
    ]) {
      expect(asksForMoney(question), question).toBe(true);
    }
    for (const question of ['Who funds the learning city associations in Australia?', 'How many cities took part?', 'How much do learning cities value partnerships?', 'What does the toolkit cover?', 'Should we plan to budget for annual reviews?', 'What is the cost-benefit case for a learning city?', 'Feel free to tell me what a learning city is', 'Is learning free from barriers there?']) {
      expect(asksForMoney(question), question).toBe(false);
    }
  });

  it('finds a sum of money by its currency', () => {
    expect(givesMoney('a grant of £20,000 a year')).toBe(true);
    expect(givesMoney('EUR 1.2 million from the EU')).toBe(true);
    expect(givesMoney('some 3 million euros')).toBe(true);
    expect(givesMoney('which supported some 70 regions')).toBe(false);
    expect(givesMoney('3.4 billion people live in cities')).toBe(false);
  });

  it('reads the acronym whose long form is asked for', () => {
    expect(acronymAsked('What does TELS stand for?')).toBe('TELS');
    expect(acronymAsked('what does the acronym PALLACE stand for')).toBe('PALLACE');
    expect(acronymAsked('What does the PALLACE acronym stand for in the EU project Beijing joined?')).toBe('PALLACE');
    expect(acronymAsked('Is ELLI short for something?')).toBe('ELLI');
    expect(acronymAsked('What does Birmingham stand for?')).toBeUndefined();
    expect(acronymAsked('What is TELS?')).toBeUndefined();
  });

  it('finds a long form spelt out by first letters, small words between', () => {
    expect(spellsOut('the project Towards a European Learning Society (TELS) looked at', 'TELS')).toBe(true);
    expect(spellsOut('The UNESCO Global Network of Learning Cities consists of', 'GNLC')).toBe(true);
    expect(spellsOut('the European Lifelong Learning Initiative', 'ELLI')).toBe(true);
    expect(spellsOut('the EU-funded PALLACE project linked cities', 'PALLACE')).toBe(false);
    expect(spellsOut('', 'TELS')).toBe(false);
  });

  it('checks a question asking both a date and a count against either, so a passage with one of them may answer', () => {
    expect(askedForm('when did Liverpool become a city of learning, and how many members has the UK network got now?').checked).toEqual(['count', 'when']);
    expect(askedForm('How many cities joined?').checked).toEqual(['count']);
    expect(askedForm('When did it start?').checked).toEqual(['when']);
    expect(askedForm('Who funds it?').checked).toEqual([]);
  });

  it('knows a question about when a text was written or published, which a credit line\'s year answers', () => {
    for (const question of ["When was Vancouver's lifelong learning strategy published?", 'what year was the toolkit written?', 'When did the Longworth book come out?', 'which year is the source on the stakeholders slide from?', 'What year is the Vancouver lifelong learning strategy from?', 'when was the strategy produced?']) {
      expect(askedForm(question).published, question).toBe(true);
    }
    for (const question of ['By what year does Vancouver aim to be a learning city?', 'When did Liverpool become a city of learning?', 'When was the European Year of Lifelong Learning?', 'When did funding sources for learning cities change?', 'so which component came out weakest?']) {
      expect(askedForm(question).published, question).toBe(false);
    }
  });

  it('reads how many things a question asks to be listed', () => {
    expect(itemsAsked('What are the five key components of the standard?')).toBe(5);
    expect(itemsAsked('Which three Korean cities were named first?')).toBe(3);
    expect(itemsAsked('List of the 36 countries with IAEC member cities?')).toBe(36);
    expect(itemsAsked('Can you list the 33 elements in the survey?')).toBe(33);
    expect(itemsAsked('What are the other three pillars?')).toBe(3);
    expect(itemsAsked('Name the 40 countries in the network')).toBe(40);
    expect(itemsAsked('What is 17 times 23?')).toBeUndefined();
    expect(itemsAsked('What happened 20 years ago?')).toBeUndefined();
    expect(itemsAsked('What are the strands of the toolkit?')).toBeUndefined();
    expect(itemsAsked('How many cities took part?')).toBeUndefined();
  });

  it('counts the most things a text lists in one place', () => {
    expect(longestList('The Learning City Toolkit: partnership, participation and performance')).toBe(3);
    expect(longestList('Intro:\n- one\n- two\n- three\n- four\nAfter.')).toBe(4);
    expect(longestList('Europe, Australia, and North America.')).toBe(3);
    expect(longestList('UNESCO: The treasure within; OECD: Lifelong Learning for All; the EU year')).toBe(3);
    expect(longestList('In 2001, the first 3 cities were selected.')).toBe(2);
    expect(longestList('No list here.')).toBe(0);
  });

  it('takes commas around asides for no list, and counts the item a lead-in carries', () => {
    // "one of the nine provinces in South Africa" is an aside: the sentence lists at most two short parts.
    expect(longestList('South Africa: In 2001, the Western Cape, one of the nine provinces in South Africa, started the ‘Learning Cape’ framework as one of the four key pillars for economic and social development.')).toBe(2);
    // The first item ends the lead-in; the other two follow, the last after "and".
    expect(longestList('A Learning Community mobilises all its resources for the fostering of personal growth, the maintenance of social cohesion, and the creation of prosperity.')).toBe(3);
    // Sentences are counted one by one: commas across a paragraph are no list.
    expect(longestList('In 1996, Liverpool declared itself a City of Learning. In 2001, the network grew.')).toBe(2);
  });

  it('knows a question asked yes or no, after what the asker says first and a polite preamble', () => {
    for (const question of ['Is Sheffield a learning city?', 'Have Sheffield and Hull taken up the idea?', 'I work in Hull. Does Hull count as a learning city?', 'Can you tell me whether Retford is one?']) {
      expect(askedForm(question).yesNo, question).toBe(true);
    }
    for (const question of ['When did Sheffield become a learning city?', 'Can you tell me when Sheffield became one?', 'Edinburgh was in the OECD group, wasn’t it? What did Edinburgh do?', 'sheffield learning city']) {
      expect(askedForm(question).yesNo, question).toBe(false);
    }
  });

  it('says what form the passages lack', () => {
    expect(formNote(askedForm('What does PALLACE stand for?', 'other'))).toBe(' They do not spell out “PALLACE”.');
    expect(formNote(askedForm('How much funding did each region get?', 'count'))).toBe(' They give no sums of money.');
    expect(formNote(askedForm('When did Swansea become a learning city?', 'when'))).toBe(' The passages closest to it give no date.');
    expect(formNote(askedForm('How many people live in Bristol?', 'count'))).toBe(' The passages closest to it give no figure.');
    expect(formNote(askedForm('How many councils are there in Victoria?', 'count'))).toBe(' The passages closest to it give no number of councils.');
    expect(formNote(askedForm('What is the population of Bristol?', 'count'))).toBe(' The passages closest to it give no figure.');
    expect(formNote(askedForm('Which 40 countries are in the network?', 'who'))).toBe(' The passages closest to it list no 40 of them.');
    expect(formNote(askedForm('What are the 5 key components?', 'definition'))).toBe(' The passages closest to it list no five of them.');
    expect(formNote(askedForm('Why learning?', 'why'))).toBeUndefined();
  });
});

describe('a person asked for by the part they play', () => {
  it('is read from who wrote, chaired, led or presented something, and who the contact or lead officer is', () => {
    expect(roleAsked('who wrote Making Lifelong Learning Work?')).toBe('author');
    expect(roleAsked('Who is the author of the toolkit?')).toBe('author');
    expect(roleAsked('Who produced the Active learning materials?')).toBe('author');
    expect(roleAsked('Who compiled the list of stakeholders?')).toBe('author');
    // Who carried out or proposed something: a passage must say by whom.
    expect(roleAsked("Who carried out the research work that identified the toolkit's three strands?")).toBe('doer');
    expect(roleAsked('Who proposed that law in parliament?')).toBe('doer');
    expect(namesRole('The concept was developed at the First International Congress organised by the Barcelona City Council in 1990, and the survey was conducted by the City Council.', 'doer')).toBe(true);
    expect(namesRole('It is structured around three strands of development, which were identified in the research work.', 'doer')).toBe(false);
    expect(formNote(askedForm('Who proposed the law?'))).toBe(' The passages closest to it do not say who did it.');
    expect(roleAsked('I heard the report was led by someone well known — who chaired it?')).toBe('chair');
    expect(roleAsked('who actually led the 2003 analysis — was it the council?')).toBe('leader');
    // Whose part it is may come first ("Liverpool's mayor"); a president or chief executive leads.
    expect(roleAsked("Who was Liverpool's mayor at that time?")).toBe('mayor');
    expect(roleAsked('Who is the current president of the International Association of Educating Cities?')).toBe('leader');
    expect(namesRole('The association is led by its president, elected every three years.', 'leader')).toBe(true);
    expect(roleAsked('who runs Belfast Learning City day to day?')).toBe('leader');
    expect(roleAsked('Who is the learning city lead officer at Norwich City Council?')).toBe('leader');
    expect(roleAsked('Who presented the slide deck?')).toBe('presenter');
    expect(roleAsked("Who gave the 'Building learning cities' talk, and where?")).toBe('presenter');
    expect(roleAsked('who delivered that presentation?')).toBe('presenter');
    // Who gave something else, about or after the presentation, is not its presenter.
    expect(roleAsked('Who gave feedback on the presentation?')).toBeUndefined();
    expect(roleAsked('who made the decision after the presentation?')).toBeUndefined();
    expect(roleAsked("who's the contact person there?")).toBe('contact');
    expect(roleAsked('Who was the mayor of Barcelona when the 1990 congress took place?')).toBe('mayor');
    expect(roleAsked('and who was the mayor behind that?')).toBe('mayor');
  });

  it('is not read from who-questions about bodies or kinds of people', () => {
    for (const question of [
      'Under South Korea’s Lifelong Education Law, who can designate lifelong learning cities?',
      'who should we invite to our learning partnership?',
      'Who are the stakeholders of a learning city?',
      'who funds it?',
      'Which organisation launched the Educating Cities initiative?',
      'What did the report say about leading cities?',
    ]) {
      expect(roleAsked(question), question).toBeUndefined();
    }
  });

  it('is found in a text by the part’s own words or someone named as doing it', () => {
    expect(namesRole('The report was written by Jacques Delors and colleagues.', 'author')).toBe(true);
    expect(namesRole('(ELLI definition, quoted from Longworth, 1999).', 'author')).toBe(true);
    expect(namesRole('The commission was chaired by Jacques Delors.', 'chair')).toBe(true);
    expect(namesRole('The festival is run by the council and local colleges.', 'leader')).toBe(true);
    // Organising a congress is not chairing it.
    expect(namesRole('The First International Congress on Educating Cities was organised by the Barcelona City Council in 1990.', 'chair')).toBe(false);
    expect(namesRole('The First International Congress on Educating Cities was organised by the Barcelona City Council in 1990.', 'leader')).toBe(true);
    expect(namesRole("Learn More From: a) The books 'Making Lifelong Learning Work'; b) Sessions 2.1 to 2.6.", 'author')).toBe(false);
    expect(namesRole('Swansea Learning City is creating an entrepreneurial culture.', 'contact')).toBe(false);
    // Organised by the city council names no mayor.
    expect(namesRole('The First International Congress on Educating Cities was organised by the Barcelona City Council in 1990.', 'mayor')).toBe(false);
    expect(namesRole('The Mayor of Kakegawa declared the city a lifelong learning city.', 'mayor')).toBe(true);
  });

  it('makes a refusal say what the closest passages lack', () => {
    expect(formNote(askedForm('who wrote the toolkit?'))).toBe(' The passages closest to it name no author.');
    expect(formNote(askedForm('who chairs the network?'))).toBe(' The passages closest to it name no chair.');
  });
});

describe('whether a goal was reached', () => {
  it('is asked by "did … reach, hit or manage its goal", not by what a goal is', () => {
    expect(asksOutcome('Did Victoria, Canada actually reach its 2020 goal of being a leading learning community?')).toBe(true);
    expect(asksOutcome('Victoria set a 2020 goal — did it actually manage it?')).toBe(true);
    expect(asksOutcome('did Victoria in Canada actually hit its 2020 target?')).toBe(true);
    expect(asksOutcome('What goal did Victoria set for 2020?')).toBe(false);
    expect(asksOutcome('What are city-wide celebration events for learning meant to achieve?')).toBe(false);
  });

  it('is asked by "did … manage to … by" a year, whatever was to be managed, and not without the year', () => {
    expect(asksOutcome('Did Victoria in Canada manage to become a leading learning community by 2020?')).toBe(true);
    expect(asksOutcome('so has Victoria succeeded in becoming a leading learning community by 2020?')).toBe(true);
    // Whether something was done at all, a passage saying it was done answers.
    expect(asksOutcome('Did Birmingham manage to send its survey to intermediaries?')).toBe(false);
    // "actually became … by" a year, and how many "had actually met them", ask how it turned out too.
    expect(asksOutcome('Did Victoria actually become a leading learning community by 2020?')).toBe(true);
    expect(asksOutcome('Of the 200-plus Chinese cities with learning city goals in 2009, how many had actually met them?')).toBe(true);
    expect(asksOutcome('Did Liverpool become a City of Learning in 1996?')).toBe(false);
    // …and so does whether something changed a measurable outcome.
    expect(asksOutcome('Did the Learning Cape framework reduce unemployment in the Western Cape?')).toBe(true);
    expect(asksOutcome('Do learning festivals actually increase adult participation in learning?')).toBe(true);
    expect(asksOutcome('Do learning festivals increase the message of learning to citizens?')).toBe(false);
    expect(asksOutcome('Will most of the world population increase happen in urban areas?')).toBe(false);
    // How effective it was, what its results were, whether it made a difference.
    for (const asked of ["How effective was Germany's Learning Regions programme?", 'what were the results of it?', "Did Liverpool's declaration actually make a difference?"]) expect(asksOutcome(asked), asked).toBe(true);
    for (const not of ['How does the toolkit work?', 'What were the results of the 2004 survey?', 'does the toolkit work if our city is at a different starting point?']) expect(asksOutcome(not), not).toBe(false);
    expect(asksOutcome('How did Liverpool manage to set up a network by 1996?')).toBe(false);
  });

  it('is answered by a text that says how it turned out, not by one that states the goal', () => {
    expect(givesOutcome('In 2003, Victoria set a goal of being a “leading learning community” by 2020.')).toBe(false);
    expect(givesOutcome('The outcomes of this first survey (2004) were encouraging.')).toBe(true);
    expect(formNote(askedForm('did it reach its target?'))).toBe(' The passages closest to it do not say how it turned out.');
  });
});

describe('how to join', () => {
  it('is asked by how to join, apply, sign up or become a member, or whether one can, not by how many join', () => {
    for (const question of [
      'how do we join the GNLC?',
      'How does a city actually apply to join the UNESCO Global Network of Learning Cities?',
      'how can our city become a member of the UK learning cities network?',
      'how do cities get into the UNESCO network?',
      'How do residents sign up for courses?',
      'can any city join the GNLC?',
      'how does a council apply for membership?',
      'who can join the UK learning cities network?',
      'Does our mayor have to sign a letter of commitment to join the UNESCO learning cities network?',
      'What are the requirements for membership of the GNLC?',
      'do we need to pay to join?',
    ]) {
      expect(asksJoining(question), question).toBe(true);
    }
    for (const question of ['how many cities have joined the GNLC?', 'how many cities join each year?', 'How can universities help a learning city?', 'can universities help?', 'when did Belfast join the network?', 'who joined first?', 'how can older adults get into learning again?', 'how do these principles apply to small towns?', 'What do cities need to do to join up their services?', 'why did Belfast have to join forces with the university?', 'How many cities have decided to join the UK Learning Cities Network?', 'What has happened to membership numbers?']) {
      expect(asksJoining(question), question).toBe(false);
    }
  });

  it('is answered by a text that says how one joins, not by one that says what the network is', () => {
    expect(saysHowToJoin('The UNESCO Global Network of Learning Cities consists of around 200 cities in 40 countries.')).toBe(false);
    expect(saysHowToJoin('Cities apply through their national commission; membership is free.')).toBe(true);
    expect(formNote(askedForm('how do we join the GNLC?'))).toBe(' The passages closest to it say nothing about joining.');
  });
});

describe('names asked for', () => {
  it('are asked by "which" or "what" before a kind of place, body or person known by name, and by "the names of"', () => {
    for (const [question, kind] of [
      ['Which three Korean cities were the first to be named Lifelong Learning Cities in 2001?', 'cities'],
      ['which universities are partners in Bristol Learning City?', 'universities'],
      ["What are the names of Bristol's universities?", 'universities'],
      ['Which of the towns took part?', 'towns'],
      ['name the other regions in the programme', 'regions'],
      ['What organisations fund the festival?', 'organisations'],
      ['Which were the first three South Korean cities named Lifelong Learning Cities in 2001?', 'cities'],
    ] as const) {
      expect(namesAsked(question), question).toBe(kind);
    }
  });

  it('are not asked by a definition, a count, a kind inside a name, a kind after an article or preposition, or what such places are to do', () => {
    for (const question of [
      'What are learning cities?',
      'How many cities took part?',
      'so is improving health and wellbeing actually part of what Wolverhampton Learning City is aiming for?',
      'What fate awaits a town that ignores the lifelong learning of its residents?',
      "Which aspects of a city's future depend on its citizens' learning?",
      'what universities are actually expected to do in a learning city?',
      'What should cities do first?',
      "Which is the city's main aim?",
      'Which are the learning cities associations in Australia?',
    ]) {
      expect(namesAsked(question), question).toBeUndefined();
    }
  });

  it('are given by a text that names something the question does not, not by its own names or everyday words', () => {
    const asked = (question: string): Set<string> => new Set(words(question).map(stem));
    const isNameWord = (word: string): boolean => ['vancouver', 'edmonton', 'beijing'].includes(word);
    expect(namesOther('Vancouver aims to be a Learning City.', asked('Which Canadian cities other than Victoria want to be learning cities?'), isNameWord)).toBe(true);
    expect(namesOther('Bristol is a great place to learn. Its schools are better than ever and its universities are world-class.', asked('which universities are partners in Bristol Learning City?'), isNameWord)).toBe(false);
    // A name the question itself gives is no answer to it.
    expect(namesOther('The city of Beijing took part.', asked('Apart from Beijing, which cities took part?'), isNameWord)).toBe(false);
  });

  it('of anything are asked by "what is the name of…" or "what was it called", and a body named by a place kind is what is asked', () => {
    for (const question of ['What is the name of the learning cities association in the Australian state of Victoria?', 'what was that report called?', "What's the name of the German programme?"]) {
      expect(namesAsked(question), question).toBe(ANY_NAME);
    }
    expect(namesAsked('What are the names of the cities in the network?')).toBe('cities');
    // "to name" is to designate, not to ask for names.
    expect(namesAsked("Which piece of legislation allowed South Korea's government to name lifelong learning cities?")).toBeUndefined();
    // Ministries, agencies and foundations are known by their names too.
    expect(namesAsked('Which Japanese ministry runs the lifelong learning city project?')).toBe('ministry');
    expect(namesAsked('which federal agencies fund the programme?')).toBe('agencies');
    expect(formNote(askedForm('what was the report called?'))).toBe(' The passages closest to it give no name for it.');
  });

  it('of anything are given by any word written with a capital, but not one that opens a sentence or follows a label', () => {
    const asked = new Set(words('What is the name of the learning cities association in the Australian state of Victoria?').map(stem));
    const everyWord = (): boolean => true;
    expect(namesOther('Australia: Councils in every state run a learning cities association. Municipalities in Victoria belong to it.', new Set([...asked, 'australia']), everyWord, false)).toBe(false);
    expect(namesOther('In Victoria it is called the Learning Towns Network.', asked, everyWord, false)).toBe(true);
  });

  it('make a refusal say which kind the passages name none of', () => {
    expect(formNote(askedForm('which universities are partners in Bristol Learning City?'))).toBe(' The passages closest to it name no universities.');
  });
});

describe('one event of a numbered series', () => {
  it('is asked by an ordinal from the second on before a congress, survey, report or the like', () => {
    expect(ordinalAsked('Where was the second International Congress of Educating Cities held?')).toBe(2);
    expect(ordinalAsked('What did Birmingham score in its second learning city survey in 2005?')).toBe(2);
    expect(ordinalAsked('when is the 3rd congress?')).toBe(3);
    // Whose it is may stand for the article.
    expect(ordinalAsked("What were the results of Birmingham's second Learning City Survey?")).toBe(2);
    for (const question of ['what is the second strand of the toolkit?', 'wait a second, what is a learning city?', 'what did the 21st century bring?', 'Where was the first congress held?']) {
      expect(ordinalAsked(question), question).toBeUndefined();
    }
  });

  it('is named by a text in words or figures, and not by another of the series', () => {
    expect(givesOrdinal('The 2nd Congress was held in Gothenburg.', 2)).toBe(true);
    expect(givesOrdinal('A second survey followed in 2005.', 2)).toBe(true);
    expect(givesOrdinal('Since the 1st Congress held in Barcelona in 1990, eleven International Congresses have been held.', 2)).toBe(false);
    expect(formNote(askedForm('Where was the second International Congress of Educating Cities held?'))).toBe(' The passages closest to it say nothing of the second one.');
  });

  it('is asked as the newest one held, or the next one to come, which a text about the first does not answer', () => {
    for (const question of ['Where was the most recent International Congress of Educating Cities held?', 'Where was the latest International Congress of Educating Cities held?', 'what did the last survey find?']) {
      expect(ordinalAsked(question), question).toBe('latest');
    }
    for (const question of ['When and where is the next International Congress of Educating Cities?', 'is there an upcoming conference on learning cities?', 'and did that go up in the next survey?']) {
      expect(ordinalAsked(question), question).toBe('next');
    }
    for (const question of ['Which Japanese town followed Kakegawa as the next to get the designation?', 'what has the network done recently?', 'what is the latest news?', 'What did a recent survey of Birmingham find?', 'What does the next phase of the project involve?']) {
      expect(ordinalAsked(question), question).toBeUndefined();
    }
    const first = 'Since the 1st Congress held in Barcelona in 1990, eleven International Congresses of Educating Cities have been held.';
    expect(givesOrdinal(first, 'latest')).toBe(false);
    expect(givesOrdinal(first, 'next')).toBe(false);
    expect(givesOrdinal('The most recent congress was held in Lisbon.', 'latest')).toBe(true);
    expect(givesOrdinal('The last congress was held in Lisbon.', 'latest')).toBe(true);
    expect(givesOrdinal('Over the last decade, the first congress grew into a series.', 'latest')).toBe(false);
    expect(givesOrdinal('The next congress will be held in 2026.', 'next')).toBe(true);
    expect(formNote(askedForm('When is the next International Congress of Educating Cities?'))).toBe(' The passages closest to it say nothing of the next one.');
    // A follow-up names its series by "one": the question before names it.
    const before = 'Where was the first International Congress of Educating Cities held?';
    expect(ordinalAskedAfter('and when is the next one?', before)).toBe('next');
    expect(ordinalAskedAfter('and the most recent one?', before)).toBe('latest');
    expect(ordinalAskedAfter('and where was the second one held?', before)).toBe(2);
    expect(ordinalAskedAfter('and which one was that?', before)).toBeUndefined();
    expect(ordinalAskedAfter('and when is the next one?', 'What does the toolkit cover?')).toBeUndefined();
  });
});

describe('a message that asks', () => {
  it('asks with a question told within it, so its words are not words looked up', () => {
    const told = askedForm('quick one: my manager wants a stat on how many cities worldwide are doing the learning/educating city thing');
    expect(told.asks).toBe(true);
    // Looked-up words ask for a part by its noun ("swansea learning city coordinator name"); an asker's manager is not asked for.
    expect(told.role).toBeUndefined();
    expect(askedForm('swansea learning city coordinator name').asks).toBe(false);
    expect(askedForm('stakeholder audits learning cities regions access').asks).toBe(false);
    // A question word among words looked up does not make them a question: they still ask for a sum or a person.
    expect(askedForm('gnlc membership cost when joining the network')).toMatchObject({ asks: false, money: true });
    expect(askedForm('swansea festival coordinator who to contact')).toMatchObject({ asks: false, role: 'leader' });
    expect(askedForm('my boss wants to know how cities fund festivals').asks).toBe(true);
    expect(askedForm('keen to understand why the Wolverhampton learning city budget was cut').asks).toBe(true);
  });
});

describe('when something happened once', () => {
  it('is asked in the past tense, or about the first time; how often something happens is asked in the present', () => {
    for (const question of ['When was the first Learning Cape Festival held?', 'In which year was the first festival held?', 'when did it start?', 'When was the festival founded?']) {
      expect(askedForm(question).once, question).toBe(true);
    }
    for (const question of ['When is the Learning Cape Festival held?', 'How often does the festival run?', 'When were the Learning Cape festivals held?', 'When did the Learning Cape Festival take place?']) {
      expect(askedForm(question).once, question).toBe(false);
    }
  });

  it('is answered by a date, not by how often something happens', () => {
    expect(givesDate('In South Africa, held every year, the Learning Cape Festival (LCF) highlights…')).toBe(false);
    expect(givesDate('In 2001, the Western Cape started the Learning Cape framework.')).toBe(true);
    expect(givesDate('The festival is held every spring.')).toBe(true);
  });
});

describe('when something ended', () => {
  it('is asked by a when question about an end, not by one about end goals or the start', () => {
    for (const question of ["when did Germany's Learning Regions programme come to an end?", 'When did the PALLACE project finish?', 'until when did the festival run?', 'when was the scheme scrapped?', "When did Germany's Learning Regions programme stop?", "When was the end of Germany's Learning Regions programme?"]) {
      expect(askedForm(question).ending, question).toBe(true);
    }
    for (const question of ['When did the programme start?', 'what are the end goals of a learning city?', 'When did Liverpool become a city of learning?', 'When did Birmingham last run its survey?', 'When did Liverpool end up joining the GNLC?', 'When is the end-of-year celebration?', 'When will the end-user survey run?', 'When do applications close?']) {
      expect(askedForm(question).ending, question).toBe(false);
    }
    expect(formNote(askedForm('When did the programme end?'))).toBe(' The passages closest to it do not say when it ended.');
  });

  it('is answered by an end or the span of years it ran, not by its launch', () => {
    expect(givesEnding('China: During 2002-2005, the city of Beijing participated in the EU funded PALLACE project.')).toBe(true);
    expect(givesEnding('The programme ran until 2008.')).toBe(true);
    expect(givesEnding('Germany: the national programme was launched in 2001, which supported some 70 regions.')).toBe(false);
    expect(givesEnding('It ran between 2001 and 2008.')).toBe(true);
    expect(givesEnding('The scheme closed in 2010.')).toBe(true);
    expect(givesEnding('The end goal is prosperity for all.')).toBe(false);
    expect(givesEnding('The learning bus stops in each village.')).toBe(false);
    expect(givesEnding('…closing the gap in adult skills.')).toBe(false);
  });
});

describe('which of several came out best or worst', () => {
  it('is asked by "which" and a superlative, not by a quoted term or a superlative that picks nothing', () => {
    for (const question of [
      'Which of Birmingham\'s five key components scored worst?',
      'which of the 33 elements were Birmingham\'s best features in 2004?',
      'so which component came out weakest in the survey?',
      'which policy option comes top of the list?',
      "Which of Birmingham's 33 elements got the best rating?",
      "wondering which of Birmingham's five key components came out weakest",
      // "what" asks it too, and a long question may name the survey first.
      "What did the outcomes of their first Learning City Survey in 2004 say were the city's weakest areas?",
      'what were the strongest of the five components?',
      // "matters most", "most important" rank them too.
      'Which of the three strands matters most?',
      'which of the pillars is the most important?',
      // Progress made ranks them too.
      'Which of the seven OECD Educating Cities has made the most progress since 1973?',
      'Which of the four challenges is the hardest?',
    ]) {
      expect(askedForm(question).ranked, question).toBe(true);
    }
    for (const question of [
      "What does 'best value' mean in the toolkit?",
      "Which councils use 'best value' reviews?",
      'what is the best way to start a learning city?',
      'Which cities joined? What did the best of them do?',
      'Which cities are examples of best practice?',
      'Which cities used a bottom-up approach?',
      'Which approach works best for engaging adult learners?',
      'I work for the council which came top in the awards - how do we join the GNLC?',
      'I work for Swansea council, which came top in the UK awards last year - how do we join the GNLC?',
    ]) {
      expect(askedForm(question).ranked, question).toBe(false);
    }
    expect(formNote(askedForm('Which of the five key components scored worst?'))).toBe(' The passages closest to it do not say which came out best or worst.');
  });

  it('is answered by a text that ranks them, not by one telling that the question was asked', () => {
    expect(ranksThem('…the expansion of educational programme provision tops the list of policy options.')).toBe(true);
    expect(ranksThem('Partnership was the strongest component, and performance the weakest.')).toBe(true);
    expect(ranksThem('Results gave the strengths and weaknesses of the five key components; and which of the 33 elements were our best features.')).toBe(false);
    // A relative clause ranks; a bare "most" does not.
    expect(ranksThem('Partnership, which scored highest, was followed by participation.')).toBe(true);
    expect(ranksThem('Most cities joined after 2013.')).toBe(false);
  });
});

describe('a figure asked for as it is now', () => {
  it('is asked by a count with now, today or currently', () => {
    expect(askedForm('and how many are there now?').current).toBe(true);
    expect(askedForm('how many members does it have today?').current).toBe(true);
    expect(askedForm('how many members were there in 1996?').current).toBe(false);
    expect(askedForm('Why is it urgent now to plan for learning?').current).toBe(false);
  });

  it('and one asked for as it was then is asked by a count with a year or "when it started"', () => {
    expect(askedForm('How many members did the UK Learning Cities Network have in 1996?').past).toBe(true);
    expect(askedForm('How many cities were in the network when it was first set up?').past).toBe(true);
    expect(askedForm('How many members does the network have?').past).toBe(false);
    expect(askedForm('when did Liverpool become a city of learning in 1996, and how many members does the network have now?').past).toBe(false);
    expect(givesPastFigure('In 1973, seven cities participated in this initiative.')).toBe(true);
    expect(givesPastFigure('Now, LCN has 80 member cities and regions.')).toBe(false);
  });

  it('is given by a text that says it is current or dates it to no year', () => {
    expect(givesCurrentFigure('Now, LCN has 80 member cities and regions.')).toBe(true);
    expect(givesCurrentFigure('The network consists of around 200 cities in 40 countries.')).toBe(true);
    expect(givesCurrentFigure('Up to 2008, a total of 76 local governments were designated.')).toBe(false);
  });
});

describe('words to look up rather than a question', () => {
  it('ask for a sum or someone in a part by the noun alone', () => {
    expect(askedForm('wolverhampton learning city budget').money).toBe(true);
    expect(askedForm('learning festival fees').money).toBe(true);
    expect(askedForm('swansea learning city coordinator name').role).toBe('leader');
    expect(askedForm('learning city toolkit author').role).toBe('author');
    expect(askedForm('IAEC founders').role).toBe('founder');
    // Without such a noun they ask for neither; nor does a question that only mentions one in passing.
    expect(askedForm('wolverhampton learning city').money).toBe(false);
    expect(askedForm('wolverhampton learning city').role).toBeUndefined();
    expect(askedForm('What do coordinators in Bristol say about the festival?').role).toBeUndefined();
    expect(askedForm('How did cost-cutting shape Birmingham’s survey?').money).toBe(false);
  });
});

describe('what a how-many question counts', () => {
  it('is named by the words after "how many" or "number of", up to the first stop word', () => {
    expect(countedAsked('How many councils belong to the association in Victoria?')).toEqual(['councils', 'belong']);
    expect(countedAsked('How many Korean local governments had been designated by 2008?')).toEqual(['korean', 'local', 'governments']);
    expect(countedAsked('active learning materials total number of sessions')).toEqual(['sessions']);
    expect(countedAsked('How many of the cities joined?')).toBeUndefined();
    // A word saying what the counted do ends them; one saying what they are does not.
    expect(countedAsked('how much is the number of people living in cities expected to grow by 2030?')).toEqual(['people']);
    expect(countedAsked('how many participating cities are there?')).toEqual(['participating', 'cities']);
    expect(countedAsked('How many Korean learning cities are there?')).toEqual(['korean', 'learning', 'cities']);
    expect(countedAsked('How many EU funded projects were there?')).toEqual(['eu', 'funded', 'projects']);
    expect(countedAsked('How many people attended festivals in 2005?')).toEqual(['people']);
    expect(countedAsked('When did Liverpool become a City of Learning?')).toBeUndefined();
    expect(askedForm('How many councils are there?').counted).toEqual(['councils']);
  });

  it('must follow a figure closely in the sentence that answers', () => {
    const countsCities = (text: string): boolean => countsThe(text, (stems, at) => stems[at] === stem('cities'));
    expect(countsCities('Now, LCN has 80 member cities and regions.')).toBe(true);
    expect(countsCities('By 2009, there were more than 200 cities/urban communities in China.')).toBe(true);
    expect(countsCities('Three rather synchronised international efforts highlighted learning cities.')).toBe(false);
    // A year counts nothing; nor does a figure of something else before the word.
    expect(countsCities('In 1996 cities joined.')).toBe(false);
    expect(countsCities('All cities of more than 5,000 people are expected to belong.')).toBe(false);
    expect(words('5,000 people')).toEqual(['5', '000', 'people']);
  });
});

describe('the others of a counted set', () => {
  it('are asked for by "the other" or "remaining" so many, whatever opens the question', () => {
    expect(othersAsked('What are the other three pillars of the Western Cape strategy?')).toEqual({ count: 3, kind: stem('pillars'), said: 'pillars' });
    expect(othersAsked('Learning Cape other three key pillars')).toEqual({ count: 3, kind: stem('pillars'), said: 'pillars' });
    expect(othersAsked('and the remaining 2 strands?')).toEqual({ count: 2, kind: stem('strands'), said: 'strands' });
    expect(othersAsked('What other cities have joined?')).toBeUndefined();
    expect(othersAsked('What are the three strands of the toolkit?')).toBeUndefined();
    // A kind after an adjective; no kind at all; and a figure too large to be listed.
    expect(othersAsked('and the other two international efforts?')).toEqual({ count: 2, kind: stem('efforts'), said: 'efforts' });
    expect(othersAsked('what about the other three important ones?')).toBeUndefined();
    expect(othersAsked('What did the other 70 regions do?')).toBeUndefined();
  });

  it('are not given by a text counting the set of which it names one', () => {
    const pillars = { count: 3, kind: stem('pillars'), said: 'pillars' };
    expect(countsOneOf('The Western Cape started the Learning Cape framework as one of the four key pillars for economic and social development.', pillars)).toBe(true);
    // Another count, or another kind, is another set.
    expect(countsOneOf('The Western Cape, one of the nine provinces in South Africa, started a framework.', pillars)).toBe(false);
    expect(countsOneOf('It is one of the four key themes.', pillars)).toBe(false);
    expect(formNote(askedForm('What are the other three pillars?'))).toBe(' The passages closest to it do not list the other three pillars.');
  });
});

describe('a count asked since a year', () => {
  it('is asked by "since" or "after" a year in a how-many question, and not read as a count of that year', () => {
    expect(countedSince('How many more cities have been designated since 2008?')).toBe(2008);
    expect(countedSince('How many cities have joined the IAEC since November 2010?')).toBe(2010);
    expect(countedSince('how many since 26 November 2010?')).toBe(2010);
    expect(askedForm('How many more cities have been designated since 2008?')).toMatchObject({ since: 2008, past: false });
    expect(askedForm('How many cities were designated in 2008?')).toMatchObject({ since: undefined, past: true });
    expect(askedForm('What has happened since 2008?').since).toBeUndefined();
  });

  it('is given by a figure dated later, counted from that year, or said to be current; not by one up to that year', () => {
    expect(givesFigureSince('Up to 2008, a total of 76 local governments were designated.', 2008)).toBe(false);
    expect(givesFigureSince('Up to 2008, a total of 76 local governments were designated.', 2001)).toBe(true);
    expect(givesFigureSince('Since the 1st Congress held in Barcelona in 1990, eleven congresses have been held.', 1990)).toBe(true);
    expect(givesFigureSince('Now, LCN has 80 member cities.', 2010)).toBe(true);
    // A later year citing a source, or a range up to the year, is no later figure.
    expect(givesFigureSince('Up to 2008, a total of 76 were designated (UNESCO, 2010).', 2008)).toBe(false);
    expect(givesFigureSince('From 2000 to 2008, 76 cities were designated.', 2008)).toBe(false);
  });
});

describe('a credit line as an answer', () => {
  it('may answer words looked up, a question about where something comes from, or about a work it may credit; not any question', () => {
    expect(creditsAsked('vancouver lifelong learning strategy 2006')).toBe(true);
    expect(creditsAsked('where was that list adapted from?')).toBe(true);
    expect(creditsAsked('whats the lifelong learning strategy of vancouver')).toBe(true);
    expect(creditsAsked('Is Vancouver a learning city?')).toBe(false);
    expect(creditsAsked('What should a learning city offer its learners?')).toBe(false);
  });
});

describe('a web address', () => {
  it('is asked for by "website address", "url", "link to…" or a link looked up; not by a link between two things or what a website says', () => {
    for (const question of ["what is the GNLC's website address", 'url for the toolkit?', 'is there a link to the Vancouver strategy?', 'vancouver learning city strategy link?', "what's the UNESCO network's website?", "What's the website for Belfast Learning City?"]) {
      expect(asksForLink(question), question).toBe(true);
    }
    for (const question of ['is there a link between schooling and work?', 'stakeholders national international links', 'does the list include international links?', 'what does the website say about Bristol?']) {
      expect(asksForLink(question), question).toBe(false);
    }
  });

  it('is given by an address in the text, and a refusal says when none is', () => {
    expect(givesLink('Source: Lifelong Learning Strategy for the City of Vancouver, 2006. http://vancouverlearningcity.ca/')).toBe(true);
    expect(givesLink('The UNESCO Global Network of Learning Cities consists of around 200 cities in 40 countries.')).toBe(false);
    expect(formNote(askedForm('what is their web address?'))).toBe(' They give no web address for it.');
  });
});

describe('what a work holds', () => {
  it('is asked by what it covers, contains or asks, or its topics; not by where to find it or which to read', () => {
    expectFlag(
      'contents',
      ['What does session 4.3 of the active learning materials actually cover?', 'ok what questions does the audit ask?', 'What topics do sessions 8.4 and 8.5 cover?', "what's in the toolkit?", 'Which topics are covered in sessions 2.1 to 2.6 of the Active learning materials?', 'session 9.1 active learning materials - what topic?'],
      ['Which sessions of the Active learning materials should I look at?', 'where can i get hold of the stakeholder audits?', 'what does the page say i should read to learn more?'],
    );
  });

  it('is not given by a passage that only points to works elsewhere, and a refusal says so', () => {
    const pointing = 'Learn More From:\n\n- a) The books ‘Learning Cities, Learning Regions, Learning Communities’\n- b) Sessions 2.1 to 2.6 in the Active learning materials';
    expect(onlyPoints('Further reading', 'Longworth (2006) Learning cities, learning regions, learning communities.')).toBe(true);
    expect(onlyPoints('Stakeholders', pointing)).toBe(true);
    expect(onlyPoints('The toolkit', 'The guide contains essential information for all the stages of building a learning city.')).toBe(false);
    const form = askedForm('What does session 2.3 of the active learning materials cover?');
    expect(lacksAskedForm(form, 'Learn more: books and materials', pointing)).toBe(true);
    expect(lacksAskedForm(askedForm('Which sessions of the active learning materials should I look at?'), 'Learn more: books and materials', pointing)).toBe(false);
    expect(formNote(form)).toBe(' The passages closest to it only say where to find it, not what it holds.');
  });
});

describe('whether something still goes on', () => {
  it('is asked by "does … still …?" or "… any more?", not by "still" elsewhere', () => {
    expectFlag(
      'still',
      ['does birmingham still run the learning city survey every year', 'Is the UK network still going?', 'do they run the festival any more?', 'which of them are still active today?', 'Which cities are still members?'],
      ['which UK learning city says it never sits still?', 'why do they still need a learning city?'],
    );
  });

  it('is answered by what goes on now, not by a past year alone, and a refusal says so', () => {
    expect(saysGoingOn('Now, LCN has 80 member cities and regions.')).toBe(true);
    expect(saysGoingOn('The survey is run every year.')).toBe(true);
    expect(saysGoingOn('Results were collated and gave reliable and consistent overall scores (just over 50% on these measures in 2004).')).toBe(false);
    expect(formNote(askedForm('is the survey still run?'))).toBe(' The passages closest to it do not say whether it still goes on.');
  });
});

describe('a choice asked for advice', () => {
  it('is asked by "should my council … A or B?" or "which is better…", and answered only by a passage weighing them', () => {
    for (const asked of ['Should my council join the UNESCO Global Network of Learning Cities or the UK Learning Cities Network?', 'which is better for a small town, a festival or a campaign?', 'is a festival better than a campaign?', 'Should a small town join the UNESCO Global Network of Learning Cities or the UK Learning Cities Network?', 'Of partnership, participation and performance, which strand should a new learning town tackle first?', 'Are learning festivals good value for money compared with other ways of promoting learning?', 'is 50% a good score compared to other cities?', 'Which learning management system works best for community education providers?', 'Should a new learning city prioritise partnership, participation or performance first?']) expect(asksComparison(asked), asked).toBe(true);
    for (const not of ['Should businesses and voluntary organisations be part of a learning city partnership?', 'Should the council itself become a learning organisation?', 'Is Bristol or Swansea a learning city?', 'Should learning be offered on the learner’s terms - place, time or provider?', 'What should a new learning city do first?', 'Retford is tiny compared with Liverpool - why was it counted as a learning town?', 'What works best, according to the toolkit?']) expect(asksComparison(not), not).toBe(false);
    expect(compares('Learning is better delivered locally rather than from the centre.')).toBe(true);
    expect(compares('The UNESCO Global Network of Learning Cities consists of around 200 cities in 40 countries.')).toBe(false);
    expect(formNote(askedForm('Should our council join the UNESCO network or the UK network?'))).toBe(' The passages closest to it do not weigh one against the other.');
  });
});

describe('how to do something oneself', () => {
  it('is asked by "how do I / can we / should our council…", "the procedure for…", "what questions should I…", not by how a text describes something', () => {
    for (const asked of ['How do I carry out a stakeholder audit for my learning region?', 'so how can our council get started?', "What's the procedure for a municipality to get designated?", 'What questions should I put in a survey?', 'How can a city get the message out?', 'Step by step, how do I run a stakeholder audit?', 'In practice, how can we get started?', "What's the application process for a county to be designated?"]) expect(asksHowTo(asked), asked).toBe(true);
    for (const not of ['How does the ELLI define a Learning Community?', "How did the OECD's 1993 report describe a learning city?", 'How many cities joined?', 'how does the charter want cities to create wealth', 'In the toolkit, how does each strand break down?', 'Briefly, how did Bristol describe its aims?']) expect(asksHowTo(not), not).toBe(false);
  });

  it('is answered by a way, steps, what should be done or guidance, and a refusal says so', () => {
    expect(tellsHow('Learning festivals as a way of broadcasting the message of learning.')).toBe(true);
    // …of doing what follows "a way of", not of what stands before it.
    expect(tellsHow('Learning festivals as a way of broadcasting the message of learning.', (before) => /festival/iu.test(before))).toBe(false);
    expect(tellsHow('The guide contains essential information for all the stages from pre-start.')).toBe(true);
    expect(tellsHow('You can also access the stakeholder audits for learning cities and regions')).toBe(false);
    expect(tellsHow('In 2001, the first 3 cities were selected and announced as ‘Lifelong Learning Cities’.')).toBe(false);
    expect(formNote(askedForm('How do I carry out a stakeholder audit?'))).toBe(' The passages closest to it do not say how it is done.');
  });
});

describe('what came after a point', () => {
  it('is asked by "what became of…", "after … ended", "go up after 2004", "grown since", with the year after which', () => {
    expect(laterAsked('What became of the ELLI after its 1998 charter?')).toBe(1998);
    expect(laterAsked('What did Germany do after the Learning Regions programme ended?')).toBe(0);
    expect(laterAsked("Did Birmingham's score go up after 2004?")).toBe(2004);
    expect(laterAsked('has the network grown since?')).toBe(0);
    expect(laterAsked('and how did that compare with the following year?')).toBe(0);
    expect(laterAsked('did the score go up when they repeated the survey the next year?')).toBe(0);
    expect(laterAsked('What is planned for next year?')).toBeUndefined();
    for (const not of ['What happened in 1996?', 'What is the UK Learning Cities Network?', 'Who looks after adult learning in Bristol?', 'since when has Liverpool been a learning city?']) expect(laterAsked(not), not).toBeUndefined();
  });

  it('is answered by a later year or words of what followed, not by a citation\'s year, and a refusal says so', () => {
    expect(tellsLater('Since then, the Japanese lifelong learning city project has been implemented.', 1979)).toBe(true);
    expect(tellsLater('By 2008, a total of 76 cities had been designated.', 2001)).toBe(true);
    expect(tellsLater('The first sentence of the Charter created by the ELLI in 1998 is: …', 1998)).toBe(false);
    expect(tellsLater('Adapted from Longworth (2006) Learning cities, learning regions.', 1998)).toBe(false);
    expect(tellsLater('…was launched in 2001, which supported some 70 regions.', 0)).toBe(false);
    expect(formNote(askedForm('What became of the ELLI after its 1998 charter?'))).toBe(' The passages closest to it do not say what came after.');
  });
});

describe('why one thing was chosen', () => {
  it('is asked by "why was … picked / chosen / used as", and answered only by a reason', () => {
    expectFlag('choice', ['Why was Venice picked as the example of a learning city state?', 'Why were these cities chosen?'], ['Why should cities invest in learning?']);
    expect(givesReason('Venice was chosen because it was a city state.')).toBe(true);
    expect(givesReason('…the concept of "a learning city state", for example Venice.')).toBe(false);
    expect(formNote(askedForm('Why was Venice picked as the example?'))).toBe(' The passages closest to it do not say why.');
  });
});

describe('a figure asked for by name', () => {
  it('is asked by "any stats?", "a stat on…" or "put a number on", not by "figure out"', () => {
    expectFlag(
      'figure',
      ['hows wolverhampton measuring progress on health - any stats?', 'my manager wants a stat on how many cities do this', 'Did Birmingham ever put a number on it?', 'What overall score did Birmingham get on the learning city measures?', 'what rating did the city give itself?', 'Is there a minimum population a county needs before it can be designated?'],
      ['wat was birminghams 2003 analysis tryin to figure out', 'How does Wolverhampton measure progress?', 'What does the score sheet cover?'],
    );
  });

  it('is given by a number that is not a year, and a refusal says when none is', () => {
    expect(givesFigure('Now, LCN has 80 member cities and regions.')).toBe(true);
    expect(givesFigure('In 1996, Liverpool declared itself to be a City of Learning.')).toBe(false);
    expect(formNote(askedForm('any stats on that?'))).toBe(' The passages closest to it give no figure.');
  });
});

describe('a share asked for', () => {
  it('is asked by a percentage, proportion or share, not by sharing', () => {
    expectFlag(
      'share',
      ["What percentage of the world's population is expected to be living in cities by 2030?", "What proportion of Bristol's adults have no qualifications?", 'what share of that will be in Africa?', 'how many per cent of adults learn?', 'Wolverhampton learning city standard score percentage'],
      ['Did Birmingham share its early thinking?', 'How many cities are in the network?', 'What is the population of Wolverhampton?'],
    );
  });

  it('is given by a percentage, a fraction or a majority, not by a count alone', () => {
    for (const text of ['just over 50% on these measures', 'more than half of the world’s population lived in towns', 'one in five adults', 'a third of the regions']) expect(givesShare(text), text).toBe(true);
    for (const text of ['Urban population is going to jump from 3.4 billion in 2009 to almost 5 billion in 2030;', 'Now, LCN has 80 member cities']) expect(givesShare(text), text).toBe(false);
    expect(formNote(askedForm('What percentage of people live in cities?'))).toBe(' The passages closest to it give no share or percentage.');
  });

  it('is no count: a percentage alone does not say how many', () => {
    expect(givesCount('overall scores (just over 50% on these measures in 2004)')).toBe(false);
    expect(givesCount('about 12 per cent of adults')).toBe(false);
    expect(givesCount('the strengths of the five key components, and 50% overall')).toBe(true);
    expect(givesCount('Now, LCN has 80 member cities')).toBe(true);
  });
});

describe('how long something takes, and a time of year', () => {
  it('are asked by "how long does it take…" and "which month / what time of year…", not by how long ago or since when', () => {
    for (const asked of ['How long does it take to fill in the survey?', 'how long did the audit take?', 'How long will it take us to run a festival?']) expect(asksSpan(asked), asked).toBe(true);
    for (const not of ['How long has Liverpool been a City of Learning?', 'how long ago was the first congress?', 'How long is the list of stakeholders?']) expect(asksSpan(not), not).toBe(false);
    for (const asked of ['Which month of the year does the Learning Cape Festival take place?', 'what time of year is the festival held?', 'In which month was the charter signed?', 'what season does it run in']) expect(asksMonth(asked), asked).toBe(true);
    for (const not of ['Which year did the EU declare the European Year of Lifelong Learning?', 'when is the festival held?', 'How many months did it run?']) expect(asksMonth(not), not).toBe(false);
  });

  it('are given by a stretch of time and by a month or season, not by a year, and a refusal says which is missing', () => {
    expect(givesSpan('The survey takes about 20 minutes to complete.')).toBe(true);
    expect(givesSpan('It was run over two days.')).toBe(true);
    expect(givesSpan('The Learning City Survey documents were sent out by email in 2004.')).toBe(false);
    expect(givesMonth('The festival is held every September.')).toBe(true);
    expect(givesMonth('It runs each spring.')).toBe(true);
    expect(givesMonth('Held every year, the Learning Cape Festival highlights education.')).toBe(false);
    // "may" as a verb is no month.
    expect(givesMonth('Cities may join the network.')).toBe(false);
    expect(formNote(askedForm('How long does the survey take?'))).toBe(' The passages closest to it do not say how long it takes.');
    expect(formNote(askedForm('Which month is the festival?'))).toBe(' The passages closest to it name no month or season.');
  });
});

describe('when something began', () => {
  it('is asked by when it was founded, set up, launched or started, not by when it was held', () => {
    for (const asked of ['When was the International Association of Educating Cities founded?', 'when did the uk network get set up', 'What year did Wolverhampton launch its programme?']) expect(askedForm(asked).began, asked).toBe(true);
    for (const not of ['When was the first congress held?', 'When did Liverpool declare itself a City of Learning?', 'How was the network founded?']) expect(askedForm(not).began, not).toBe(false);
  });

  it('is told by a word of beginning, not by a date of something else, and a refusal says so', () => {
    expect(tellsBeginning('In 1996, Liverpool declared itself to be a City of Learning and the UK Learning Cities Network (LCN) was established.')).toBe(true);
    expect(tellsBeginning('In 2001, the Western Cape started the Learning Cape framework.')).toBe(true);
    expect(tellsBeginning('Since the 1st Congress held in Barcelona in 1990, eleven International Congresses have been held.')).toBe(false);
    expect(formNote(askedForm('When was the IAEC founded?'))).toBe(' The passages closest to it give no date, or not of when it began.');
  });
});

describe('words looked up that name a date', () => {
  it('ask for a date, as "when" does; a "when" among them does not', () => {
    expect(askedForm('Learning City Toolkit publication date').checked).toEqual(['when']);
    expect(askedForm('main challanges when building a lerning city').checked).toEqual([]);
    expect(askedForm('What is the date of the festival?').checked).toEqual([]);
  });
});

describe('a place asked about on its own', () => {
  it('is asked by "Africa alone", "just for Africa", and answered only by a sentence that speaks of it on its own', () => {
    expect(aloneAsked("What's the projected urban population of Africa alone in 2030?")).toBe('Africa');
    expect(aloneAsked('what will the growth be just for Africa?')).toBe('Africa');
    expect(aloneAsked('What is the urban population of Africa?')).toBeUndefined();
    expect(saysAlone('Urban population growth will mostly concentrates in Africa and Asia.', 'Africa')).toBe(false);
    expect(saysAlone('In Africa, the urban population will double.', 'Africa')).toBe(true);
    expect(formNote(askedForm('How much will the urban population of Africa alone grow?'))).toBe(' The passages closest to it speak of Africa only together with others.');
  });
});

describe('what follows for someone', () => {
  it('is asked by "what happens to / if…" and told by what will be, or what a place is destined to', () => {
    expect(askedForm("what happens to councils in Victoria that don't join the learning cities association?").consequence).toBe(true);
    expect(askedForm('What happened to the programme after 2005?').consequence).toBe(false);
    expect(tellsConsequence('The city that has not embraced lifelong learning is destined to live forever on the fringe of things.')).toBe(true);
    expect(tellsConsequence('Every state now has its own government inspired and funded learning cities association.')).toBe(false);
    expect(formNote(askedForm('what happens to towns that do not join?'))).toBe(' The passages closest to it do not say what follows.');
  });
});
