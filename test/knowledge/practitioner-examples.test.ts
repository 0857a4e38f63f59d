import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { judgeQuestion } from '../../src/knowledge/answer.js';
import { consoleOrigin, createFakeChat } from '../support/fake-chat.js';
import { realKnowledgeBase } from '../support/knowledge.js';

/** Questions practitioners asked and what a trustworthy answer to each looks like. */
const kb = await realKnowledgeBase();

/** Asserts that the question is refused, and that the refusal says `says`. */
const expectRefusal = (question: string, says: string): void => {
  const answer = kb.answer(question);
  expect(answer, question).toMatchObject({ noAnswer: true, confidence: 'none', sources: [] });
  expect(answer.answer, question).toContain(says);
};

/** The first paragraph quoted, after the low-confidence lead when there is one. */
const firstParagraph = (text: string): string => text.replace(/^The closest the documents come is this:\n\n/u, '').split('\n\n')[0] ?? '';

/** Asserts that the question is answered, and that the first paragraph quoted shows `shows` (a phrase it contains, or a pattern it matches). */
const expectFirstParagraph = (question: string, shows: string | RegExp): void => {
  const answer = kb.answer(question);
  expect(answer.noAnswer, question).toBe(false);
  if (typeof shows === 'string') expect(firstParagraph(answer.answer), question).toContain(shows);
  else expect(firstParagraph(answer.answer), question).toMatch(shows);
};

/** Asserts that the question (after `previous`, when given) is answered and that the first passage cited holds `holds`. */
const expectFirstSource = (question: string, holds: string, previous?: string): void => {
  const answer = kb.answer(question, previous === undefined ? undefined : { previous });
  expect(answer.noAnswer, question).toBe(false);
  expect(answer.sources[0]?.passage, question).toContain(holds);
};

describe('answers that quote the sentence that answers', () => {
  it('the sentence after the key one that leans on it ("It uses…", "Since then…") goes on with its thought', () => {
    const network = kb.answer('What has the Learning City Network in the United Kingdom contributed?');
    expect(firstParagraph(network.answer)).toBe('In the United Kingdom Learning City Network has contributed to an innovative development. It uses learning to promote social cohesion and economic development.');
    const japan = kb.answer("When was Kakegawa declared Japan's first lifelong learning city?");
    expect(firstParagraph(japan.answer)).toMatch(/Kakegawa was declared the first Lifelong Learning City in Japan\. Since then, the Japanese lifelong learning city project/u);
    // A new item under its own label ("South Korea: …") is no continuation.
    expect(firstParagraph(japan.answer)).not.toMatch(/South Korea/u);
  });

  it('a definition question gets the defining sentence first, whole, from the first passage cited', () => {
    const answer = kb.answer('what is the UNESCO definition of a learning city?');
    expect(answer.confidence).toBe('high');
    expect(firstParagraph(answer.answer)).toMatch(/^UNESCO defines a learning city as a city that: effectively mobilises its resources/);
    expect(firstParagraph(answer.answer)).not.toContain('…');
    expect(answer.sources[0]?.passage).toContain('UNESCO defines a learning city as');
  });

  it('quotes the challenges passage it cites first, not the second passage', () => {
    const answer = kb.answer('What are the main challenges in building a learning city?');
    expect(answer.sources[0]?.passage).toContain('Lack of clear and genuine political will');
    expect(firstParagraph(answer.answer)).toMatch(/^Lack of clear and genuine political will/);
    // The list is shown as a list: its items, without a dangling "and".
    expect(firstParagraph(answer.answer)).toContain('coordinate various stakeholders; Cities are bounded entities');
  });

  it('a keyword definition gets the definition under its own heading', () => {
    const answer = kb.answer('definition learning community');
    expect(firstParagraph(answer.answer)).toMatch(/^A Learning Community is a city, town or region which Goes beyond its statutory duty/);
    expect(firstParagraph(answer.answer)).not.toMatch(/motherhood/);
  });

  it('keeps a list together with its lead-in', () => {
    const answer = kb.answer('who are the stakeholders of a learning city?');
    expect(firstParagraph(answer.answer)).toMatch(/^STAKEHOLDERS OF A LEARNING CITY: PROFESSIONAL ASSOCIATIONS; ADULT EDUCATION PROVIDERS;/);
  });
});

describe('what askers say about themselves before asking', () => {
  it('is not what the question is about: naming their own city does not sink the answer', () => {
    const plain = kb.answer('How can universities help a learning city?');
    for (const question of [
      'I work in Leeds council. How can universities help a learning city?',
      'We are a small town called Retford. How can universities help a learning city?',
      'as a coordinator in Galway, how can universities help a learning city?',
    ]) {
      const answer = kb.answer(question);
      expect(answer.noAnswer, question).toBe(false);
      expect(answer.sources[0]?.passage, question).toBe(plain.sources[0]?.passage);
    }
    // Asked about Leeds itself, the documents still do not answer, also when the question points back to it.
    expect(kb.answer('How can universities help a learning city in Leeds?').answer).toMatch(/nothing about “leeds”/u);
    expect(kb.answer('I work in Leeds council. Does our city have a learning festival?').answer).toMatch(/nothing about “leeds”/u);
    expect(kb.answer("I'm interested in Cork. When did it join the UNESCO network?").answer).toMatch(/nothing about “cork”/u);
    expect(kb.answer('Cork and Galway were both in the news. Which joined the UNESCO network first?').noAnswer).toBe(true);
  });
});

describe('a credit line ("Source: …") is quoted after what it credits, not alone', () => {
  it('"Is Vancouver a learning city?" is answered by what Vancouver aims for, not by a passage that only credits its strategy', () => {
    const answer = kb.answer('Is Vancouver a learning city?');
    expect(answer.noAnswer).toBe(false);
    expect(firstParagraph(answer.answer)).toMatch(/Vancouver aims to be a Learning City/u);
  });

  it('"whats the lifelong learning strategy of vancouver" quotes the passage the Vancouver strategy is credited with', () => {
    const answer = firstParagraph(kb.answer('whats the lifelong learning strategy of vancouver').answer);
    expect(answer).toMatch(/^In a learning city, a variety of learning opportunities must be made available/u);
    expect(answer).toMatch(/Source: Lifelong Learning Strategy for the City of Vancouver, 2006/u);
  });
});

describe('a credit line\'s year dates the source it credits, not what its passage tells of', () => {
  it('"By what year does Vancouver aim to be a learning city?" is not answered with the 2006 of the credited strategy', () => {
    for (const question of ['By what year does Vancouver aim to be a learning city?', 'In what year did Vancouver officially become a Learning City?']) {
      const answer = kb.answer(question);
      expect(answer.noAnswer, question).toBe(true);
      expect(answer.answer, question).not.toMatch(/learner’s consent/u);
    }
  });

  it('…but answers when the credited strategy was published', () => {
    for (const question of ["When was Vancouver's lifelong learning strategy published?", 'What year is the Vancouver lifelong learning strategy from?']) {
      const answer = kb.answer(question);
      expect(answer.noAnswer, question).toBe(false);
      expect(answer.sources[0]?.passage, question).toContain('Source: Lifelong Learning Strategy for the City of Vancouver, 2006');
    }
  });
});

describe('the newest or the next of a series', () => {
  it('is not answered by a passage about the first congress', () => {
    for (const question of ['Where was the most recent International Congress of Educating Cities held?', 'When is the next International Congress of Educating Cities?']) {
      expect(kb.answer(question), question).toMatchObject({ noAnswer: true, confidence: 'none' });
    }
    expectRefusal('When and where is the next International Congress of Educating Cities?', 'say nothing of the next one');
    // …also as a follow-up naming it only "the next one".
    const previous = 'Where was the first International Congress of Educating Cities held?';
    expect(kb.answer('and when is the next one?', { previous }).answer).toContain('say nothing of the next one');
    expect(kb.answer('and who organised it?', { previous }).answer).toMatch(/Barcelona City Council/u);
    // "the next one" points back without "and": the festival asked about before, whose next date the documents do not give.
    expect(kb.answer('When is the next one?', { previous: 'Tell me about the Learning Cape Festival.' }).answer).toContain('say nothing of the next one');
    // The first is in the documents.
    expect(kb.answer('Where was the first International Congress of Educating Cities held?').answer).toMatch(/Barcelona/u);
  });
});

describe('which of several came out best or worst', () => {
  it('is not answered by a passage saying only that a survey told which', () => {
    expectRefusal('Which of Birmingham\'s five key components scored worst?', 'do not say which came out best or worst');
    expectRefusal('which of the 33 elements were Birmingham\'s best features in 2004?', 'do not say which came out best or worst');
    // A passage that ranks them answers.
    expect(kb.answer("In South Korea's learning cities, which policy option comes top of the list?").answer).toMatch(/tops the list of policy options/u);
  });
});

describe('when something happened once', () => {
  it('is not answered by how often it happens', () => {
    expectRefusal('When was the first Learning Cape Festival held in the Western Cape?', 'give no date');
    // How often it is held, the passage says.
    expect(kb.answer('When is the Learning Cape Festival held?').answer).toMatch(/held every year/u);
  });
});

describe('when something ended', () => {
  it('is not answered with the year it began', () => {
    expectRefusal("when did Germany's Learning Regions programme come to an end?", 'do not say when it ended');
    expect(kb.answer("When did Beijing's PALLACE project end?").answer).toMatch(/2002-2005/u);
  });
});

describe('a sentence in brackets is where the one before comes from, not an answer', () => {
  it('"what does ELLI stand for?" is asked as "what is ELLI?": "stand" is not a topic', () => {
    const answer = kb.answer('what does ELLI stand for?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toMatch(/European Lifelong Learning Initiative \(ELLI\)/u);
  });

  it('"what is ELLI?" quotes the sentence that spells it out, not "(ELLI definition, quoted from Longworth, 1999)."', () => {
    const answer = kb.answer('what is ELLI?');
    expect(firstParagraph(answer.answer)).toMatch(/European Lifelong Learning Initiative \(ELLI\)/u);
    expect(answer.answer).not.toMatch(/^\(ELLI definition/u);
  });
});

describe('distinct networks stay distinct', () => {
  it('GNLC members are the UNESCO network’s 200 cities, not the UK network’s 80', () => {
    const answer = kb.answer('GNLC members');
    expect(answer.noAnswer).toBe(false);
    expect(firstParagraph(answer.answer)).toContain('around 200 cities in 40 countries');
    expect(answer.answer).not.toMatch(/80 member/);
  });
});

describe('how to do something', () => {
  it('is told by a way of doing it, not by what a thing is a way of', () => {
    // "Learning festivals as a way of broadcasting the message of learning" says what festivals are for, not how to run one…
    expect(kb.answer('How do I organise a learning festival - venues, budget and timeline?')).toMatchObject({ noAnswer: true, confidence: 'none' });
    // …but it does say how to get the message out.
    expectFirstParagraph('How can a city get the message about the value of studying out to very large numbers of residents in one go?', 'Learning festivals as a way of broadcasting the message');
  });
});

describe('a town asked about', () => {
  it('is not answered by a sentence about another town that only stands near it', () => {
    // "St. John's and Edmonton have made efforts…" follows Victoria's goal: the goal is Victoria's.
    expect(kb.answer('What goal did Edmonton set in 2003 for becoming a leading learning community?')).toMatchObject({ noAnswer: true, confidence: 'none' });
    expectFirstParagraph('What goal did Victoria set in 2003?', 'Victoria set a goal of being a “leading learning community” by 2020');
  });
});

describe('people counted', () => {
  it('are counted by a figure of people, not by a figure of anything else the passage counts', () => {
    // The survey passage counts 33 elements and five components, and gives a percentage: no number of respondents.
    expectRefusal("How many people responded to Birmingham's 2004 Learning City Survey?", 'The passages closest to it give no number of people.');
    // A population counts people.
    expectFirstParagraph('How many people are expected to be living in towns and cities by 2030?', 'almost 5 billion in 2030');
  });
});

describe('questions the documents do not answer get no citation', () => {
  it.each(['what is the population of Leeds?', 'what is the population of leeds?', 'tell me about leeds', 'tell me about Leeds', "'; DROP TABLE results; --", '%$#@!^&*'])('%s', (question) => {
    const answer = kb.answer(question);
    expect(answer).toMatchObject({ noAnswer: true, confidence: 'none', sources: [] });
  });

  it('names the content words the documents lack, never filler words, and offers at most three headings', () => {
    const answer = kb.answer('what is the population of Leeds?');
    expect(answer.answer).toBe('The documents I have do not answer that. They say nothing about “leeds”.');
    // A contraction is no content word: "they'll" and "I'd" are not named as what the documents lack.
    expect(kb.answer("I'd like to know what they'll charge us for parking in Leeds").answer).not.toMatch(/“theyll”|“id”/u);
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    const titles = new Set(kb.built.documents.map((document) => document.title));
    expect(answer.suggestions.every((suggestion) => !titles.has(suggestion))).toBe(true);
  });

  it('a short question none of whose words the documents use is not answered from a WordNet guess ("alert")', () => {
    const answer = kb.answer('alert');
    expect(answer).toMatchObject({ noAnswer: true, confidence: 'none', sources: [] });
    expect(answer.answer).toMatch(/They never use “alert”\./u);
  });

  it('a passage that only names what is asked about does not answer it, and the refusal says so', () => {
    for (const question of ['what is the limerick declaration?', 'What does the Limerick Declaration say about learning cities?']) {
      const answer = kb.answer(question);
      expect(answer, question).toMatchObject({ noAnswer: true, confidence: 'none', sources: [] });
      expect(answer.answer).toMatch(/They only name it \(“The limerick declaration”, under “Learn more: [^”]+”\) without saying more about it\./u);
    }
  });

  it('a book or report the documents only name in a list of further reading is refused, naming the title', () => {
    expectRefusal('who wrote Making Lifelong Learning Work?', 'They only name it (“Making Lifelong Learning Work”, under “Learn more:');
    expectRefusal('what does the Indicators of Learning Cities and Regions report measure?', 'They only name it (“Indicators of Learning Cities and Regions”, under “Learn more:');
  });

  it('a report only named as an item of a list is refused, though the list\'s lead-in holds its year', () => {
    // "In 1996, three rather synchronised international efforts…: …; OECD: Lifelong Learning for All; …"
    expect(kb.answer("What were the main recommendations of the OECD's 1996 Lifelong Learning for All report?")).toMatchObject({ noAnswer: true, confidence: 'none' });
    // The list does say whose it was, and being in a list is an answer to whether something was in it.
    expect(kb.answer('who published Lifelong Learning for All in 1996?').answer).toMatch(/OECD: Lifelong Learning for All/u);
    expect(kb.answer('Was Gothenburg in Sweden involved in the early OECD work on educating cities?').answer).toMatch(/Gothenburg, Sweden/u);
  });

  it('a list item naming more than the question asks ("Gothenburg, Sweden" for "Swedish city") answers which one', () => {
    const answer = kb.answer('Which Swedish city joined the 1973 OECD Educating Cities project?');
    expect(answer.confidence).toBe('high');
    expect(answer.answer).toMatch(/Gothenburg, Sweden/u);
  });

  it('"the US network" is about the United States, which the documents only list among others', () => {
    expectRefusal('how many members does the US learning cities network have', 'They only list “USA” among others');
  });

  it('advice between two choices is not answered by a passage describing one of them', () => {
    expectRefusal('Should our council join the UNESCO network or the UK Learning Cities Network?', 'The passages closest to it do not weigh one against the other.');
  });

  it('how to do something oneself is not answered by a passage only naming the thing', () => {
    expectRefusal('How do we run a stakeholder audit for our region?', 'The passages closest to it do not say how it is done.');
    expectRefusal("What's the process for a city to be designated a Lifelong Learning City in Korea?", 'The passages closest to it do not say how it is done.');
    expect(kb.answer('How can a city get the message about learning out to large numbers of people?').answer).toMatch(/Learning festivals as a way of broadcasting/u);
  });

  it('what came after a point is not answered by the passage telling of that point', () => {
    expectRefusal('What happened to the German Learning Regions programme after it ended?', 'The passages closest to it do not say what came after.');
    expectRefusal("Did Birmingham's score improve after 2004?", 'The passages closest to it do not say what came after.');
    // "Since then, …" tells what followed.
    expect(kb.answer('What happened in Japan after Kakegawa was declared the first Lifelong Learning City in 1979?').answer).toMatch(/Since then, the Japanese lifelong learning city project/u);
  });

  it('whether a goal was reached is not answered by the passage stating the goal', () => {
    expectRefusal('Has Victoria in Canada achieved its aim of becoming a leading learning community?', 'The passages closest to it do not say how it turned out.');
    expectRefusal('Did Victoria in Canada manage to become a leading learning community by 2020?', 'The passages closest to it do not say how it turned out.');
    expect(kb.answer('Did Birmingham manage to send its survey to intermediaries?').answer).toMatch(/sent out by email to key intermediaries/u);
    // What the goal is, the passage says.
    expect(kb.answer('What goal did Victoria in Canada set for 2020?').answer).toMatch(/leading learning community/u);
  });

  it('a sentence pointing back ("Since then, …") brings the one before it, with the year asked for', () => {
    const answer = kb.answer('which Japanese town was the first to be called a lifelong learning city, and when?');
    expect(answer.noAnswer).toBe(false);
    expect(firstParagraph(answer.answer)).toMatch(/^Japan: In as early as 1979, the city of Kakegawa was declared the first Lifelong Learning City in Japan\. Since then/u);
  });

  it('the others of a set are refused when the passage names one of them and only counts the rest', () => {
    for (const question of ['Which were the other three pillars, apart from the Learning Cape?', 'western cape development: the other three pillars', 'I know the Learning Cape is one pillar of the Western Cape plan; what are the remaining three pillars?']) {
      expectRefusal(question, 'The passages closest to it do not list the other three pillars.');
    }
    // A kind the documents never use may be written in their words: the toolkit's "strands".
    expect(kb.answer('Besides partnership, what are the other two themes of the Learning City Toolkit?').answer).toMatch(/Partnership; Participation; Performance/u);
  });

  it('a count asked since a year is refused when the passage gives the count only up to that year', () => {
    expectRefusal('How many further Korean councils have become lifelong learning cities since 2008?', 'The passages closest to it give no figure.');
    expect(kb.answer('How many International Congresses of Educating Cities have there been since 1990?').answer).toMatch(/eleven International Congresses/u);
  });

  it('a figure in a later sentence of an item under a label answers about what the label names, and is quoted with the item', () => {
    for (const question of ['How many lifelong learning cities are there in South Korea?', 'How many Korean local governments have been designated?']) {
      const answer = kb.answer(question);
      expect(answer.confidence).toBe('high');
      expect(answer.answer).toMatch(/^South Korea: The Lifelong Education Law[^\n]*Up to 2008, a total of 76 local governments/u);
      // The next item, about South Africa, is not quoted.
      expect(answer.answer).not.toMatch(/Western Cape/u);
    }
  });

  it('an item of a list that names what a when question asks about answers it when it gives the year', () => {
    const answer = kb.answer('When did the European Union hold its European Year of Lifelong Learning?');
    expect(answer.confidence).toBe('high');
    expect(answer.answer).toMatch(/The European Union proclaimed 1996 as the "European Year of Lifelong Learning"/u);
  });

  it('a refusal does not call a sentence sharing one word with the question a mere mention of it ("Where can it be found?" for "founded")', () => {
    const answer = kb.answer('when was it founded?', { previous: 'how many countries?' });
    expect(answer.noAnswer).toBe(true);
    expect(answer.answer).not.toMatch(/only name it/u);
  });

  it('residents, inhabitants and dwellers are the citizens the documents speak of', () => {
    const answer = kb.answer('Which inhabitants is Belfast especially trying to reach?');
    expect(answer.confidence).toBe('high');
    expect(answer.answer).toMatch(/those of its citizens that face multiple barriers in accessing learning/u);
  });

  it('central government is the national government the slides speak of', () => {
    const answer = kb.answer('What does central government do in building the learning society?');
    expect(answer.noAnswer).toBe(false);
    expect(firstParagraph(answer.answer)).toMatch(/the national government has a major role in setting the agenda and the vision/u);
  });

  it('workers are the staff and employees a question may speak of', () => {
    for (const question of ['Does learning help a city hang on to talented, diverse staff?', 'can learning help a town keep its skilled employees']) {
      const answer = kb.answer(question);
      expect(answer.noAnswer, question).toBe(false);
      expect(firstParagraph(answer.answer), question).toMatch(/attract and retain skilled and diverse workers/u);
    }
  });

  it('a web address asked for is refused when the passages give none, and quoted when one does', () => {
    expectRefusal("what is the GNLC's website address?", 'They give no web address for it.');
    expect(kb.answer('is there a link to the Vancouver lifelong learning strategy?').answer).toMatch(/http:\/\/vancouverlearningcity\.ca\//u);
  });

  it('an item under a label is quoted whole when its first sentence is the key one and there is room', () => {
    const answer = kb.answer('When did Victoria in Canada set its learning community goal?');
    expect(answer.confidence).toBe('high');
    expect(firstParagraph(answer.answer)).toBe(
      'Canada: In 2003, Victoria set a goal of being a “leading learning community” by 2020. Vancouver aims to be a Learning City. St. John’s and Edmonton have made efforts to become learning communities.',
    );
  });

  it('a name asked in another of its forms ("Canadian") is the asker\'s own word, not a bridge that makes the answer doubtful', () => {
    const answer = kb.answer('Which Canadian cities are working to become learning cities?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toMatch(/Vancouver aims to be a Learning City\. St\. John’s and Edmonton have made efforts/u);
  });

  it('a question written in title case is read as the same question in lower case, and "link" as a relation is not a web address', () => {
    const titled = kb.answer('Can You Tell Me What Year The UK Learning Cities Network Was Established?');
    expect(titled.confidence).toBe('high');
    expect(titled.answer).toMatch(/In 1996, Liverpool declared itself/u);
    expect(kb.answer('How does the learning city link to the national strategy?').answer).not.toMatch(/web address/u);
  });

  it('how to join a network is refused when the passages say what it is but not how to join it', () => {
    for (const question of ['how do we join the GNLC?', 'how do cities get into the UNESCO network?', 'how does a city join the learning cities network', 'can any city join the GNLC?']) {
      expectRefusal(question, 'The passages closest to it say nothing about joining.');
    }
    // How many belong to it is still answered.
    expect(kb.answer('how many cities are in the GNLC?').answer).toMatch(/around 200 cities in 40 countries/u);
  });

  it('a population asked for is a figure: a passage about the city without one does not answer', () => {
    expectRefusal('What is the population of Wolverhampton?', 'The passages closest to it give no figure.');
  });

  it('a question asking which places or bodies is refused when the passages that match it name none, and answered when they do', () => {
    expectRefusal('which universities are partners in Bristol Learning City?', 'The passages closest to it name no universities.');
    expectRefusal("What are the names of Bristol's universities?", 'The passages closest to it name no universities.');
    // "…the first 3 cities were selected…" says how many, not which; the next item, about South Africa, is another country's.
    expect(kb.answer('Which three Korean cities were the first to be named Lifelong Learning Cities in 2001?')).toMatchObject({ noAnswer: true, confidence: 'none' });
    // The capitalised words of a programme's title are not the regions that took part in it.
    expectRefusal('Which German regions took part in the Learning Regions programme?', 'The passages closest to it name no regions.');
    // A lead-in closing its passage introduces the next one, which opens with a city: "Belfast Learning City".
    expect(kb.answer('Which UK cities are listed as part of the UNESCO Global Network of Learning Cities?').noAnswer).toBe(false);
    // A place names no expert: "Some experts even believe… for example Venice" does not say which experts.
    expectRefusal("which experts say we're going back to the learning city state idea?", 'The passages closest to it name no experts.');
    // …while Venice does name a city: the passage has the form asked for, and is not refused for naming none
    // (whether it is quoted plainly, as the closest, or not at all is the model's call: p 0.51).
    const venice = 'which city is given as an example of a learning city state?';
    expect(judgeQuestion(kb.searchOver(kb.built), venice).features.typeMissing).toBe(false);
    expect(kb.answer(venice).answer).not.toMatch(/name no cit/u);
    // Beijing is one of the places WordNet lists within China, so it is not taken for the question's own name.
    const beijing = kb.answer('Which Chinese city took part in the PALLACE project?');
    expect(beijing.confidence).toBe('high');
    expect(firstParagraph(beijing.answer)).toContain('the city of Beijing participated in the EU funded PALLACE project');
    // Asked which others took part, the same passage names none: "PALLACE", written in capitals, is an acronym, not a town.
    expect(kb.answer('which other cities took part apart from Beijing?', { previous: 'What was the PALLACE project?' })).toMatchObject({ noAnswer: true, confidence: 'none' });
    // "which other cities…?" asks of others than the question before named: Barcelona, named there, is not one.
    expect(kb.answer('which other cities sent delegations?', { previous: 'What did the 1990 Barcelona congress on educating cities recommend?' })).toMatchObject({ noAnswer: true, confidence: 'none' });
  });

  it('a deadline asked for is a date, and whether something is free a sum: passages without one do not answer', () => {
    expectRefusal('how do we actually join the UNESCO Global Network of Learning Cities - is there an application form or a deadline?', 'The passages closest to it give no date.');
    expect(kb.answer('Is the Learning City Toolkit free to download?')).toMatchObject({ noAnswer: true, confidence: 'none' });
  });

  it('a figure asked for as it is now is not one the documents give as of a past year', () => {
    const previous = 'How many local governments in South Korea had been designated as Lifelong Learning Cities by 2008?';
    expect(kb.answer('and how many are there now?', { previous })).toMatchObject({ noAnswer: true, confidence: 'none' });
    // "Now, LCN has 80 member cities and regions." gives the figure as current.
    expect(kb.answer('How many members does the UK Learning Cities Network have now?').answer).toContain('Now, LCN has 80 member cities');
    // …nor, asked for as of 1996, one said to be current.
    expectRefusal('How many members did the UK Learning Cities Network have in 1996?', 'The passages closest to it give no number of members.');
    expect(kb.answer("How many cities took part in the OECD's 1973 Educating Cities initiative?").answer).toContain('seven cities participated');
  });

  it('a two-letter code after a place name says which place is meant, and is no name the documents must hold', () => {
    const answer = kb.answer('By when did Victoria BC want to become a leading learning community?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toContain('Victoria set a goal of being a “leading learning community” by 2020');
  });

  it('a question about one numbered event of a series is refused when the passages speak only of another', () => {
    expectRefusal('Where was the second International Congress of Educating Cities held?', 'The passages closest to it say nothing of the second one.');
    expect(firstParagraph(kb.answer('Where was the first International Congress of Educating Cities held?').answer)).toContain('1st Congress held in Barcelona in 1990');
  });

  it('a city called by its nickname is the city (knowledge/synonyms.yaml)', () => {
    const answer = kb.answer('did brum share its learning city thinking with anyone?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.sources[0]?.source).toBe('004_6902f669163cce03.txt');
    expect(answer.answer).not.toMatch(/say nothing about/u);
  });

  it('words looked up for a sum or someone in a part are refused when the passages give none', () => {
    expectRefusal('wolverhampton learning city budget', 'They give no sums of money.');
    expectRefusal('swansea learning city coordinator name', 'The passages closest to it name no leader.');
    expect(firstParagraph(kb.answer('wolverhampton learning city').answer)).toContain('Wolverhampton');
  });

  it('a question asking who wrote, chaired or leads something is refused when the passages name nobody in that part', () => {
    expectRefusal('who is the author of the Learning City Toolkit?', 'The passages closest to it name no author.');
    expectRefusal('who led the Birmingham learning city survey?', 'The passages closest to it name no leader.');
    expectRefusal('who is the contact for Swansea Learning City?', 'The passages closest to it give no contact.');
    // No document says "mayor" at all: the refusal names the word.
    expectRefusal('Who was the mayor of Barcelona when the 1990 Educating Cities congress took place?', 'They say nothing about “mayor”.');
    // A source cited in brackets names who wrote it.
    expect(kb.answer('who defined a learning city for ELLI?').answer).toContain('quoted from Longworth, 1999');
  });

  it('a place the documents only list among others is refused when asked what, when or who about it, answered when asked whether it is one', () => {
    for (const [question, name] of [
      ['When did Sheffield become a learning city?', 'Sheffield'],
      ['I’m an adult ed tutor in Sheffield — what learning city projects has Sheffield actually run?', 'Sheffield'],
      ['What did Edinburgh achieve as one of the OECD educating cities?', 'Edinburgh'],
    ] as const) {
      const answer = kb.answer(question);
      expect(answer.confidence, question).toBe('none');
      expect(answer.answer, question).toContain(`They only list “${name}” among others (under “`);
    }
    const whether = kb.answer('Is Sheffield a learning city?');
    expect(whether.noAnswer).toBe(false);
    expect(firstParagraph(whether.answer)).toContain('from Liverpool, Sheffield and Hull to Swansea, Norwich and Retford');
    // Several places of one list, asked about together, are asked about as a list.
    const together = kb.answer('I’m based in Retford and someone said our town gets mentioned in the same breath as Liverpool and Sheffield?? what’s that about');
    expect(together.noAnswer).toBe(false);
  });

  it('a sum of money, a list of so many things or an acronym spelt out is asked for, and the closest passages give none: refused, saying so', () => {
    const money = kb.answer("How much funding did each region get from Germany's Learning Regions programme?");
    expect(money).toMatchObject({ noAnswer: true, confidence: 'none' });
    expect(money.answer).toBe('The documents I have do not answer that. They give no sums of money.');
    // A budget however many words qualify it asks for a sum too.
    expect(kb.answer("What is Wolverhampton's adult skills or learning city budget?").answer).toBe('The documents I have do not answer that. They give no sums of money.');
    // So does a fee named anywhere; the documents never use the word, and the refusal says so.
    expectRefusal('Our town council wants to join the UK Learning Cities Network - how do we apply, and is there a membership fee?', 'They say nothing about “fee”.');
    const acronym = kb.answer('What does PALLACE stand for?');
    expect(acronym).toMatchObject({ noAnswer: true, confidence: 'none' });
    expect(acronym.answer).toBe('The documents I have do not answer that. They do not spell out “PALLACE”.');
    const list = kb.answer('Name the 40 countries in the UNESCO network');
    expect(list).toMatchObject({ noAnswer: true, confidence: 'none' });
    expect(list.answer).toBe('The documents I have do not answer that. The passages closest to it list no 40 of them.');
    expect(kb.answer('What are the three strands of the toolkit?').answer).toMatch(/Partnership; Participation; Performance/u);
    // A long form the documents give is found.
    const tels = kb.answer('What does TELS stand for?');
    expect(tels.noAnswer).toBe(false);
    expect(tels.answer).toMatch(/Towards a European Learning Society/u);
  });

  it('where the asker read it ("the page", "the slides") and chat shorthand do not count against an answer', () => {
    const page = kb.answer('what does the page say about Venice?');
    expect(page.confidence).toBe('high');
    expect(page.answer).toMatch(/for example Venice/u);
    // The slides are looked in first, but Venice is on a page: its passage is still the answer, given as the closest one.
    const slides = kb.answer('what do the slides say abt Venice w regard to learning cities');
    expect(slides.noAnswer).toBe(false);
    expect(slides.answer).toMatch(/for example Venice/u);
    expect(slides.sources[0]?.source).toBe('000_ef382a5738f7795a.txt');
  });

  it('words looked up that a line only names get that line, as the closest the documents come', () => {
    const answer = kb.answer('limerick declaration');
    expect(answer).toMatchObject({ noAnswer: false, confidence: 'low' });
    expect(answer.answer).toMatch(/^The closest the documents come is this:\s+The limerick declaration/u);
  });

  it('a name in a clause that only sets the scene does not sink the question after it', () => {
    const answer = kb.answer('Heading to a conference in Melbourne next month. In the state of Victoria, which councils are expected to be part of the learning cities association?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toMatch(/all municipalities of more than 5,000 people are expected to belong/u);
    // Asked about the scene itself, it is still refused.
    expect(kb.answer('Heading to a conference next month. Does Melbourne have a learning festival?').noAnswer).toBe(true);
  });

  it('a misspelt question is treated as its correct spelling, refusal included', () => {
    const misspelt = kb.answer('wat does the niace tookit contain');
    const spelt = kb.answer('what does the niace toolkit contain');
    expect(misspelt.confidence).toBe(spelt.confidence);
    expect(misspelt.answer).toBe(spelt.answer);
    // NIACE appears nowhere in the documents' text; the toolkit's own headings are offered.
    expect(misspelt.answer).toMatch(/nothing about “niace”/);
    expect(misspelt.answer).not.toMatch(/“wat”|“does”/);
    expect(misspelt.suggestions.join(' ')).toMatch(/What the guide contains/);
  });
});

describe('paraphrases the documents answer are answered', () => {
  it('who to invite to a partnership: the stakeholders of a learning city', () => {
    expectFirstSource('who should we invite to our learning partnership?', 'STAKEHOLDERS OF A LEARNING CITY');
  });

  it('"a majority" is "more than half" (knowledge/synonyms.yaml)', () => {
    expectFirstParagraph("In what year did a majority of the world's people live in cities?", /^In 2008, for the first time in history, more than half of the world’s population lived in towns and cities\./u);
  });

  it('"what is…?" gets the passage headed as the definition of it, answered plainly', () => {
    for (const [question, definition] of [
      ['What is a learning city?', /^‘A Learning City,Town or Region ‘ recognises and understands the key role of learning/u],
      ['what are learning cities?', /^‘A Learning City,Town or Region ‘ recognises/u],
      ['Can you tell me what a learning community is?', /^A Learning Community is a city, town or region which Goes beyond its statutory duty/u],
      ['what is the definition of a learning region?', /^‘A Learning City,Town or Region ‘ recognises/u],
    ] as const) {
      const answer = kb.answer(question);
      expect(answer.confidence, question).toBe('high');
      expect(firstParagraph(answer.answer), question).toMatch(definition);
    }
  });

  it('a definition asked for later in a message ("How does … define a learning community?") gets the passage headed as that definition', () => {
    for (const [question, definition] of [
      ["I'm preparing a glossary for our board. How does the World of Learning Cities page define a learning community?", /^A Learning Community is a city, town or region which Goes beyond its statutory duty/u],
      ['How would the World of Learning Cities site define a learning town?', /^‘A Learning City,Town or Region ‘ recognises/u],
      ['How is a learning region defined?', /^‘A Learning City,Town or Region ‘ recognises/u],
    ] as const) {
      const answer = kb.answer(question);
      expect(answer.confidence, question).toBe('high');
      expect(firstParagraph(answer.answer), question).toMatch(definition);
    }
  });

  it('a question that is a heading word for word gets that section, however common its words ("why cities?")', () => {
    for (const question of ['why cities?', 'Why Cities', 'why learning?']) {
      const answer = kb.answer(question);
      expect(answer.noAnswer, question).toBe(false);
      const section = kb.built.passages.find((passage) => passage.text === answer.sources[0]?.passage);
      expect(section?.heading.toLowerCase(), question).toBe(question.toLowerCase().replace(/\?$/u, '') + '?');
    }
  });

  it('a mistyped question word still says what kind of question it is ("wat is a lerning citty")', () => {
    const typed = kb.answer('wat is a lerning citty');
    expect(typed.noAnswer).toBe(false);
    // A definition, as for the question spelt right, not a city's passage that mentions learning.
    expect(firstParagraph(typed.answer)).toMatch(/defines a ‘Learning City’|A Learning City,\s?Town or Region/u);
    expect(firstParagraph(typed.answer)).not.toMatch(/Wolverhampton|Belfast|Bristol/u);
    // One opening a later clause is mended too, not taken for a name the documents lack.
    expectFirstSource('bristol learnin city inequality - wats that about?', 'Bristol is a great place to learn');
  });

  it('a when question is answered from the passage with the year when the one ranked first has none', () => {
    // The passage ranked first names Liverpool among UK learning cities, with no year.
    const answer = kb.answer('when did liverpool become a city of learning?');
    expect(answer.confidence).not.toBe('none');
    expect(firstParagraph(answer.answer)).toMatch(/In 1996, Liverpool declared itself/);
    expect(answer.sources[0]?.passage).toContain('In 1996, Liverpool');
  });

  it('a how-many question is answered by a count, not a year, from a sentence going on with an acronym the one before defines', () => {
    // "…the UK Learning Cities Network (LCN) was established. Now, LCN has 80 member cities and regions."
    for (const question of ['How many members does the UK Learning Cities Network have?', 'how many cities are in the UK learning cities network?']) {
      const answer = kb.answer(question);
      expect(answer.confidence, question).not.toBe('none');
      expect(answer.answer, question).toMatch(/Now, LCN has 80 member cities and regions\./u);
      expect(answer.sources[0]?.passage, question).toContain('Now, LCN has 80 member cities');
    }
  });

  it('a question asking a date and a count is answered from a passage that gives one of them', () => {
    const answer = kb.answer('When did ELLI create the Charter for Learning Cities, and how many cities signed it?');
    expect(answer.confidence).not.toBe('none');
    expect(answer.answer).toMatch(/created by the ELLI in 1998/u);
  });

  it('why cities should invest in learning', () => {
    const answer = kb.answer('why should cities invest in learning');
    expect(answer.noAnswer).toBe(false);
    expect(firstParagraph(answer.answer)).toMatch(/crucial importance of learning as the major driving force/);
  });

  it('what Bristol, a learning city, is trying to achieve', () => {
    const answer = kb.answer('Is Bristol a learning city, and what is it trying to achieve?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toMatch(/Bristol Learning City wants everyone to be proud to learn/);
  });

  it('a list is quoted whole with the sentence that introduces it, not cut short after a long paragraph', () => {
    const answer = kb.answer('what are the common agendas?');
    expect(firstParagraph(answer.answer)).toMatch(/^Although the particular patterns[^.]*common agendas: Strategies for improving access to learning; .*Links between education sectors\.$/u);
    expect(answer.answer).not.toContain('…');
    expect(answer.unquoted).toMatch(/^In the UK about 20 communities/u);
  });

  it('adds no sentence of another passage that only repeats what the first covers ("Cities generate jobs" is no challenge)', () => {
    const answer = kb.answer('what are the challenges of building a learning city');
    expect(answer.answer).toMatch(/^Lack of clear and genuine political will/u);
    expect(answer.answer).not.toMatch(/Cities generate jobs and income/u);
  });

  it('a question asking for several things gets the passage that lists them ("the three strands of the toolkit")', () => {
    const answer = kb.answer('what are the three strands of the learning city toolkit');
    expect(answer.noAnswer).toBe(false);
    expect(firstParagraph(answer.answer)).toMatch(/namely ?: Partnership; Participation; Performance\./u);
  });

  it('an answer does not open mid-thought: a key sentence opening "However, …" comes after the ones it leans on', () => {
    const answer = firstParagraph(kb.answer('tell me about Bristol learning city').answer);
    expect(answer).not.toMatch(/^However/u);
    expect(answer).toMatch(/^Bristol is a great place to learn\. Its schools are better than ever[^.]*\. However, it is also clear/u);
  });

  it('typos of a word in another form are corrected, and mistyped filler words dropped', () => {
    const answer = kb.answer('does unseco say anythin about tecnology in lerning cities');
    expect(answer.confidence).toBe('high');
    expect(firstParagraph(answer.answer)).toMatch(/^UNESCO defines a learning city as .*extends the use of modern learning technologies/);
  });

  it('everyday words ("took", "part", "back") do not sink a question the documents answer', () => {
    const answer = kb.answer('Which cities took part in the OECD Educating Cities initiative back in 1973?');
    expect(answer.noAnswer).toBe(false);
    expect(firstParagraph(answer.answer)).toMatch(/seven cities participated in this initiative\. Edinburgh, Scotland; Edmonton, Canada/);
  });

  it('a question opening with "can you tell me" or "do you know" is read as the question after it', () => {
    const plain = kb.answer('What is a learning city?');
    const polite = kb.answer('Can you tell me what a learning city is?');
    expect(polite.confidence).toBe('high');
    expect(plain.confidence).toBe('high');
    expect(polite.sources[0]?.passage).toBe(plain.sources[0]?.passage);
    expect(firstParagraph(polite.answer)).toBe(firstParagraph(plain.answer));
    // A who-question whose best passage names nobody new is refused, preamble or not.
    expect(kb.answer('Do you know who funds Bristol Learning City?').confidence).toBe(kb.answer('Who funds Bristol Learning City?').confidence);
  });

  it('passages already shown (`more`) step aside for the next ones, judged as if they were first', () => {
    const question = 'What are the main challenges in building a learning city?';
    const first = kb.answer(question);
    const shown = first.sources.map((source) => source.passage);
    const next = kb.answer(question, { shown });
    expect(next.noAnswer).toBe(false);
    expect(next.sources.length).toBeGreaterThan(0);
    expect(next.sources.some((source) => shown.includes(source.passage))).toBe(false);
    // A question only one passage answers has nothing more once that passage is shown.
    const belfast = kb.answer('what is Belfast Learning City doing?');
    expect(kb.answer('what is Belfast Learning City doing?', { shown: belfast.sources.map((source) => source.passage) }).confidence).toBe('none');
  });

  it('"what happened in Liverpool in 1996" asks about Liverpool in 1996, as "what did Liverpool do in 1996" does', () => {
    for (const question of ['what happened in Liverpool in 1996', 'what did Liverpool do in 1996?']) {
      const answer = kb.answer(question);
      expect(answer.noAnswer, question).toBe(false);
      expect(firstParagraph(answer.answer), question).toContain('In 1996, Liverpool declared itself to be a ‘City of Learning’');
    }
  });
});

describe('three confidences, in words every platform shows alike', () => {
  it('a low-confidence answer says plainly that it is only the closest passage, and cites it', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin());
    const answer = kb.answer('who should we invite to our learning partnership?');
    expect(answer.confidence).toBe('low');
    await chat.userSays('who should we invite to our learning partnership?');
    expect(chat.last()).toMatch(/^The closest the documents come is this:\n\nSTAKEHOLDERS OF A LEARNING CITY: PROFESSIONAL ASSOCIATIONS/);
    expect(chat.sent.at(-1)?.citations?.[0]?.source).toBe('001_0400cab1f254837c.txt');
    // "GNLC members" is answered from the UNESCO network's own passage, not the UK network's 80 members.
    await chat.userSays('GNLC members');
    expect(chat.last()).toMatch(/The UNESCO Global Network of Learning Cities consists of around 200 cities/);
    expect(chat.sent.at(-1)?.citations?.[0]?.source).toBe('003_1d2a6d022f902458.txt');
  });

  it('a short follow-up is read with the question before it in the same conversation', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'follow-up' }));
    await chat.userSays('Tell me about the Swansea learning city');
    await chat.userSays('and what kind of culture is it creating?');
    expect(chat.sent.at(-1)?.citations?.[0]?.title).toBe('Learning Cities');
    expect(chat.last()).toMatch(/Swansea Learning City is creating an entrepreneurial culture/);
    // Alone, the same words find another city's passage.
    expect(kb.answer('and what kind of culture is it creating?').answer).not.toMatch(/Swansea/);
  });

  it('a short question naming a subject of its own is not read as a follow-up of another one', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'new-topic' }));
    await chat.userSays('Which cities took part in the OECD Educating Cities initiative?');
    // "its" is Birmingham's: the OECD question before it must not weigh in.
    await chat.userSays('how did birmingham send out its survey?');
    expect(firstParagraph(chat.last())).toMatch(/^The Learning City Survey documents were sent out by email/);
  });

  it('a message with no words of its own leans on the question before only when it asks ("why?", not `ask hello`)', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'content-free' }));
    await chat.userSays('what is a learning city?');
    await chat.userSays('ask hello');
    expect(chat.last()).toMatch(/^Please ask a question in words/);
    await chat.userSays('what is a learning city?');
    await chat.userSays('why?');
    expect(chat.sent.at(-1)?.citations?.length ?? 0).toBeGreaterThan(0);
    await chat.userSays('what is a learning city?');
    await chat.userSays('explain');
    expect(chat.sent.at(-1)?.citations?.length ?? 0).toBeGreaterThan(0);
  });

  it('a count or time asked with no subject of its own ("how many cities?") is asked of the question before', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'bare-count' }));
    await chat.userSays('what is the GNLC');
    await chat.userSays('how many cities?');
    expect(chat.last()).toMatch(/around 200 cities in 40 countries/u);
    // What is done ("took part") is no subject either.
    await chat.userSays('what was the OECD Educating Cities initiative of 1973?');
    await chat.userSays('how many cities took part?');
    expect(chat.last()).toMatch(/seven cities participated/u);
    // Not the UK network's "80 member cities" after a question about the IAEC.
    await chat.userSays('what is the IAEC');
    await chat.userSays('how many members');
    expect(chat.last()).not.toMatch(/LCN has 80 member cities/u);
    // A question with a subject of its own is its own question.
    await chat.userSays('what is a learning city?');
    expect(chat.last()).not.toMatch(/IAEC|International Association/u);
    // Nor is one with a subject of two words: it does not lean on the IAEC.
    const alone = kb.answer('when is the learning festival?');
    await chat.userSays('what is the IAEC');
    await chat.userSays('when is the learning festival?');
    expect(chat.sent.at(-1)?.citations?.[0]?.source).toBe(alone.sources[0]?.source);
    expect(chat.last()).not.toMatch(/do not answer/u);
  });

  it('a longer follow-up that opens as one and points back leans on the question before', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'long-follow-up' }));
    await chat.userSays('When did Liverpool declare itself a City of Learning?');
    await chat.userSays('and what network was set up that year, and how many members has it got now?');
    expect(chat.last()).toMatch(/LCN has 80 member cities/u);
  });

  it('a chain of follow-ups keeps the subject of the question that started it', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'follow-up-chain' }));
    await chat.userSays('what is the UK learning cities network?');
    await chat.userSays('and who funds it?');
    // The documents do not say who funds the UK network: the closest they come is said to be no more
    // than that, without the next item's "Australia: … government inspired and funded…".
    expect(chat.last()).toMatch(/closest the documents come[\s\S]*UK Learning Cities Network/u);
    expect(chat.last()).not.toMatch(/Australia/u);
    // "it" is still the network, not what "and who funds it?" alone would be about.
    await chat.userSays('when was it set up?');
    expect(chat.last()).toMatch(/In 1996, Liverpool declared itself to be a ‘City of Learning’ and the UK Learning Cities Network \(LCN\) was established/u);
    await chat.userSays('how many members does it have?');
    expect(chat.last()).toMatch(/LCN has 80 member cities/u);
    // A follow-up naming a subject of its own starts its own chain: "it" is then Bristol.
    await chat.userSays('What does Swansea Learning City want for its residents?');
    await chat.userSays('and Bristol?');
    await chat.userSays('what is it trying to achieve?');
    expect(chat.last()).toMatch(/Bristol/u);
    expect(chat.last()).not.toMatch(/Swansea/u);
  });

  it('a how-many question needs a figure of what it counts, not of something else the passage counts', () => {
    // "In Victoria, for example, all municipalities of more than 5,000 people are expected to belong…"
    expectRefusal('How many councils in Victoria belong to the learning cities association?', 'The passages closest to it give no number of councils.');
    for (const [question, figure] of [
      ['How many local governments in Korea had been designated lifelong learning cities by 2008?', /a total of 76 local governments/u],
      ['how many regions did the German programme support?', /supported some 70 regions/u],
      ['How many cities are in the UNESCO network?', /around 200 cities in 40 countries/u],
    ] as const) {
      const answer = kb.answer(question);
      expect(answer.confidence, question).not.toBe('none');
      expect(firstParagraph(answer.answer), question).toMatch(figure);
    }
  });

  it('a question about two places side by side is answered place by place when no passage speaks of both', async () => {
    const both = kb.answer('Tell me about Swansea and Bristol learning cities');
    expect(both.noAnswer).toBe(false);
    const [swansea, bristol] = both.answer.replace(/^The closest the documents come is this:\n\n/u, '').split('\n\n');
    expect(swansea).toMatch(/^Swansea: .*Swansea Learning City/u);
    expect(bristol).toMatch(/^Bristol: .*Bristol/u);
    expect(both.sources.map((source) => source.passage).join('\n')).toMatch(/Swansea Learning City[\s\S]*Bristol is a great place to learn|Bristol is a great place to learn[\s\S]*Swansea Learning City/u);

    const dates = kb.answer('When did Kakegawa and Liverpool become learning cities?');
    expect(dates.answer).toMatch(/Kakegawa was declared the first Lifelong Learning City in Japan/u);
    expect(dates.answer).toMatch(/In 1996, Liverpool declared itself/u);
    // A label the quote opens with is not repeated.
    expect(dates.answer).not.toMatch(/Japan: Japan:/u);

    // Past the first, `more` goes on with what the quoted passages hold beyond what was quoted.
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'side-by-side' }));
    await chat.userSays('Tell me about Swansea and Bristol learning cities');
    await chat.userSays('more');
    expect(chat.last()).toMatch(/^More on “Tell me about Swansea and Bristol learning cities”:[\s\S]*Swansea: As a learning city, they have a thirst for continual innovation/u);

    // One name asked about another ("did Bristol join UNESCO's network?") is no pair of subjects,
    // and a place the documents never name is still what they do not answer.
    expectRefusal('When did Bristol join UNESCO\'s learning cities network?', 'The documents I have do not answer that.');
    expectRefusal('Tell me about Leeds and Bristol', 'They say nothing about “leeds”.');
  });

  it('"set up" asks when something was established or launched', () => {
    for (const question of ['when was the UK learning cities network set up?', 'when was the UK learning cities network established?']) {
      const answer = kb.answer(question);
      expect(answer.confidence, question).toBe('high');
      expect(firstParagraph(answer.answer), question).toMatch(/the UK Learning Cities Network \(LCN\) was established/u);
    }
  });

  it('a follow-up that opens as one asks the same about another subject ("and Bristol?")', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'other-subject' }));
    await chat.userSays('What does Swansea Learning City want for its residents?');
    await chat.userSays('and Bristol?');
    expect(chat.last()).toMatch(/Bristol/);
    expect(chat.last()).not.toMatch(/Swansea/);
  });
  it('the asker’s own city in the question before is not carried over, and "have there been" points back to nothing', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'asker-not-carried' }));
    await chat.userSays("I'm a coordinator in Cork and we're just starting out - what does the toolkit cover?");
    await chat.userSays('how many congresses of educating cities have there been?');
    expect(chat.last()).not.toMatch(/“cork”/u);
    expect(chat.last()).toMatch(/eleven International Congresses of Educating Cities/u);
    // "there" that points at a place still leans on the question before.
    await chat.userSays('What does Swansea Learning City want for its residents?');
    await chat.userSays('and what happens there?');
    expect(chat.sent.at(-1)?.citations?.[0]?.title).toBe('Learning Cities');
  });
});

describe('`more` shows what was not shown yet', () => {
  it('no sentence of an answer comes again in the `more` after it', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'more-no-repeats' }));
    const shown: string[] = [];
    await chat.userSays('what is a learning city?');
    shown.push(chat.last());
    for (let i = 0; i < 4; i++) {
      await chat.userSays('more');
      shown.push(chat.last().replace(/^More on “[^”]*”:\n\n/u, ''));
    }
    // The first `more` quotes a passage in part; the next shows only the sentences it left out.
    expect(shown[2]).toBe('Learning Communities are today’s fastest growth industries.\n\nWhere can it be found? There are a couple of definitions below');
    const sentences = shown.flatMap((text, reply) =>
      text.split(/(?<=[.!?])\s+|\n+/u).filter((sentence) => sentence.length > 40).map((sentence) => ({ sentence, reply })),
    );
    const repeated = sentences.filter((a) => sentences.some((b) => b.reply < a.reply && b.sentence === a.sentence));
    expect(repeated).toEqual([]);
  });
});

describe('emphasis is not a topic', () => {
  it('"what the heck is the GNLC?" is answered as "what is the GNLC?"', () => {
    const plain = kb.answer('what is the GNLC?');
    const emphatic = kb.answer('what the heck is the GNLC?');
    expect(plain.noAnswer).toBe(false);
    expect(emphatic.answer).toBe(plain.answer);
    expect(emphatic.sources[0]?.passage).toBe(plain.sources[0]?.passage);
  });
});

describe('questions in another language', () => {
  it('are told that the documents are in English, instead of being told what the documents lack', async () => {
    const chat = createFakeChat(createBot({ answers: kb }), consoleOrigin({ channelId: 'spanish' }));
    await chat.userSays('¿qué es una ciudad del aprendizaje?');
    expect(chat.last()).toBe(
      'That looks like Spanish. The documents are in English, and I can only answer questions asked in English: please ask again in English, for example “what is a learning city?”.',
    );
    await chat.userSays('Was ist eine lernende Stadt?');
    expect(chat.last()).toMatch(/^That looks like German\./u);
    // An English question the documents do not answer is refused as before, naming what they lack.
    await chat.userSays('what is the population of Leeds?');
    expect(chat.last()).toMatch(/^The documents I have do not answer that\. They say nothing about “leeds”/u);
  });
});


describe('what a work holds, asked of a reading list', () => {
  it('is refused when the documents only point to the work, and which works to read is still answered', () => {
    const asked = kb.answer('What kinds of questions do the stakeholder audits for learning cities and regions ask?');
    expect(asked.confidence).toBe('none');
    expect(asked.answer).toContain('only say where to find it, not what it holds');
    const pointed = kb.answer('Which sessions of the Active learning materials should I look at?');
    expect(pointed.confidence).not.toBe('none');
    expect(pointed.answer).toContain('Sessions 2.1 to 2.6');
  });
});

describe('whether something still goes on', () => {
  it('is refused when the documents tell only of its past, and the refusal says so', () => {
    expectRefusal('does birmingham still run the learning city survey every year', 'do not say whether it still goes on');
    expect(kb.answer('How did Birmingham send out its Learning City Survey?').confidence).not.toBe('none');
  });
});

describe('a name that says which document the asker read', () => {
  it('("the UNESCO page") need not be in the passage, when its document speaks of it', () => {
    expectFirstParagraph('what does the UNESCO page say about poverty and inequality?', /^Poverty, inequality, health threats and environmental degradation are just some of the challenges we face\./u);
  });

  it('is only the name written as part of what the question calls the document, not any name asked about', () => {
    expectRefusal('Does the toolkit page say how Norwich ran its festival?', 'do not answer that');
  });

  it('"difficulties" are the challenges, problems and obstacles of knowledge/synonyms.yaml', () => {
    const answer = kb.answer('What difficulties facing society are listed at the start of the UNESCO learning cities page?');
    expect(answer.sources[0]?.passage).toContain('Poverty, inequality, health threats and environmental degradation');
  });
});

describe('how many places', () => {
  it('is answered by a count of places of any kind ("about 20 communities")', () => {
    expectFirstParagraph('About how many places in Britain call themselves learning cities or towns?', 'In the UK about 20 communities in Britain');
  });
});

describe('a sentence credited by the aside after it', () => {
  it('("…(ELLI definition, quoted from Longworth, 1999).") is quoted for what the aside names', () => {
    expectFirstParagraph('How did the European Lifelong Learning Initiative define a learning community?', /^A Learning Community is a City, Town or Region which mobilises all its resources/u);
  });
});

describe('why something began', () => {
  it('is answered with the sentence giving the reason, "in response to…"', () => {
    const answer = kb.answer('Why did Birmingham start analysing what it meant by a learning city back in 2003? I want to understand the motivation before we try something similar.');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toContain('This arose in response to concerns that Birmingham’s tradition of asking questions of itself');
  });
});

describe('a question the documents ask themselves', () => {
  it('is quoted with the sentence after it, which answers it', () => {
    expectFirstParagraph('so where do we begin tackling poverty and inequality?', /So where do we start tackling these challenges\? We start with people\.$/u);
  });
});

describe('a question asking for names', () => {
  it('is quoted with the sentence after the key one that names them, when the key one names none', () => {
    expectFirstParagraph('Which UK towns and cities are given as examples of learning communities?', 'from Liverpool, Sheffield and Hull to Swansea, Norwich and Retford');
  });
});

describe('a plural typed "citys"', () => {
  it('reads as the plural the documents use, so names asked for of a count the documents give unnamed are refused', () => {
    expectRefusal('which 3 korean citys were the first lifelong learnign cities in 2001?', 'list no three of them');
    expectRefusal('which 3 korean cities were the first lifelong learning cities in 2001?', 'list no three of them');
  });
});

describe('a city by the name it has at home', () => {
  it('"wolves" is Wolverhampton, as "brum" is Birmingham', () => {
    expectFirstSource('wolves learning city - what kinds of learning count', 'learning of all types, at all levels and for all reasons');
  });
});

describe('what a document says in closing', () => {
  it('is found under its concluding heading', () => {
    expectFirstSource('In the wrap-up, where is the practice of building learning cities said to be expanding to?', 'The practice has been spreading to the developing countries');
  });
});

describe('the key sentence read under its heading', () => {
  it('need not repeat the city its heading or title names', () => {
    expectFirstParagraph('With whom did Birmingham share its early thinking?', 'This thinking was shared with the Learning City Network and with partners in this country and abroad.');
  });
});

describe('a share asked for', () => {
  it('is refused when the closest passage gives counts but no share', () => {
    expectRefusal("What percentage of the world's population is expected to be living in cities by 2030?", 'give no share or percentage');
  });
});

describe('a question a heading asks', () => {
  it('the reasons asked for under a heading that asks why get that section, however the question words them', () => {
    for (const question of [
      "What reasons does the 'Building learning cities' deck give for focusing on cities?",
      'why do the slides argue that cities are the right place to do this work?',
      "I'm preparing a briefing for our cabinet on why urban areas should take the lead on lifelong learning. What reasons does the 'Building learning cities' presentation give under 'Why cities?'",
    ]) {
      expect(kb.answer(question).sources[0]?.passage, question).toMatch(/^- Cities offer a more favourable setting/u);
      expectFirstParagraph(question, 'Cities generate jobs and income');
    }
  });
});

describe('a follow-up pointing back with "those"', () => {
  it('is read with the question before it: "those" is no topic of its own', () => {
    expectFirstSource('what does the presenter call for to help those countries?', 'anticipate meeting the learning needs of citizens', 'What do the concluding remarks say about the urban population in Africa and Asia?');
  });
});

describe('why an example was chosen', () => {
  it('is refused when the documents only give the example', () => {
    expectRefusal('Why did the page choose Venice as its example of a learning city state?', 'do not say why');
  });
});

describe('which other cities', () => {
  it('is refused when the passage names no city but the one asked about ("the EU funded PALLACE project" names no city)', () => {
    expectRefusal('Apart from Beijing, which other cities were in the PALLACE project?', 'The passages closest to it name no cities.');
  });
});

describe('statistics asked for', () => {
  it('are refused when the passage closest to the question gives no figure', () => {
    expectRefusal('is wolverhampton tracking health and wellbeing - got any stats?', 'They say nothing about “statistics”.');
  });
});

describe('a question after a clause setting the scene', () => {
  it('"When tackling poverty and inequality, where does the UNESCO page say we should start?" is not asked for a date', () => {
    const answer = kb.answer('When tackling poverty and inequality, where does the UNESCO page say we should start?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toContain('We start with people.');
  });
});

describe('two everyday words written as one', () => {
  it('("toolset") reach the documents through the first word and are not taken for a name they lack', () => {
    const { concepts } = judgeQuestion(kb.searchOver(kb.built), "What sources of thinking went into Birmingham's toolset?");
    const toolset = concepts.find((concept) => concept.surface === 'toolset');
    expect(toolset?.entity).toBe(false);
    expect(toolset?.alternatives).toContainEqual(['tool']);
    expectFirstSource("What sources of thinking went into Birmingham's toolset?", 'This set of ‘tools’ was developed as part of Birmingham’s range of activities');
  });
});

describe('a sentence of another passage', () => {
  it('is not quoted after the first for one word that says little ("pre-start" for "why did Birmingham start…")', () => {
    const answer = kb.answer('Why did Birmingham start analysing what it meant by a learning city back in 2003? I want to understand the motivation before we try something similar.');
    expect(answer.answer).toContain('This arose in response to concerns');
    expect(answer.answer).not.toContain('The guide contains essential information');
  });
});
