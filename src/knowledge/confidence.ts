import { ANY_NAME, askedForm, countsThe, formAsked, givesCurrentFigure, givesDate, givesEnding, givesFigure, givesShare, givesSpan, givesMonth, tellsBeginning, saysAlone, tellsConsequence, givesCount, givesFigureSince, givesReason, saysGoingOn, tellsLater, tellsHow, compares, givesPastFigure, lacksAskedForm, countsOneOf, longestList, namesOther, peopleAsked, ranksThem, type AskedForm, type OthersAsked } from './answer-forms.js';
import { everydayRank, rarity } from './common-english.js';
import { documentsLack, throughWordNet, wordsPattern } from './concepts.js';
import { fittedConfidence } from './confidence-fit.js';
import type { PassageSentence } from './passage-shape.js';
import { namesOnlyListed } from './name-lists.js';
import { LABELLED, LEANS_BACK, hasAnswerCue, isAttribution } from './quote.js';
import { isStopWord, stem, words } from './text.js';
import type { Concept, PassageSearch, ScoredPassage } from './search.js';

export type Confidence = 'high' | 'low' | 'none';

/** What the decision rests on, beyond coverage. */
export interface ConfidenceFeatures {
  coverage: number;
  /** Rarity (0-1) of the rarest question word the best passage lacks; 0 when it lacks none. */
  missingRarity: number;
  /** A name, acronym or year of the question is missing from the best passage, or a town it names is there only outside the sentence that answers, which names another town. */
  entityMissing: boolean;
  /** …and from the whole collection. */
  entityUnknown: boolean;
  /** Score of the best passage minus the second's; for a question asking for a form (a date, figure, person…), minus that of the next passage that has it. */
  margin: number;
  /** A when or how-many question whose best passage has no date or number, a how-much question with no sum of money, a list of more things than it lists, an acronym it does not spell out, a person asked for by their part ("who wrote…?") that it does not name, how a goal turned out, or any other form `AskedForm` reads (how long, which month, when it began, what follows, a place on its own…). */
  typeMissing: boolean;
  /** Coverage by the best passage's single best sentence (with the passage heading). */
  sentenceCoverage: number;
  /** Rarity (0-1) of the rarest question word that the whole collection lacks and nothing bridges. */
  lackedRarity: number;
  /** Ranking score of the best passage. */
  score: number;
  /** Rarity (0-1) of the rarest question word that the best passage's best sentence (under its heading) lacks. */
  sentenceMissingRarity: number;
  /** Coverage of what the question asks about its names: the best passage's coverage of its other words. */
  askedCoverage: number;
  /** Content words (concepts) of the question. */
  words: number;
  /** The best passage's best sentences only name what the question names, adding no word of their own ("The Limerick Declaration"). */
  mentionOnly: boolean;
  /** Content words of the question that the documents use as written (or misspelt): not only reached through WordNet. */
  ownWords: number;
  /** The message asks something ("what is…?", "tell me…"), rather than listing words to look up ("limerick declaration"). */
  asks: boolean;
  /** It asks what, when or who about a place or body that the best passage only lists among others ("when did Sheffield become a learning city?"; see `namesOnlyListed`). */
  listedOnly: boolean;
  /** Share of the question's weight that the best passage holds only through a WordNet bridge ("coordinator" → coordinate). */
  bridgedShare: number;
}

/**
 * A logistic model of "the best passage answers the question" over `featureVector`, and the
 * probabilities from which an answer is given (`lowFrom`) and given as the answer (`highFrom`).
 * Fitted on the tuning half of the evaluation set by `scripts/fit-confidence.ts`.
 */
export interface ConfidenceModel {
  features: readonly string[];
  intercept: number;
  coefficients: readonly number[];
  lowFrom: number;
  highFrom: number;
}

/** Names of the model's inputs, in the order of `featureVector`. */
export const FEATURE_NAMES = ['askedCoverage', 'sentenceCoverage', 'missingRarity', 'margin', 'lackedRarity', 'score', 'sentenceMissingRarity', 'length', 'bridgedShare'] as const;

/** From this many content words on, a question is long: its coverage is spread over words a passage need not repeat. */
const LONG_FROM = 4;

export const featureVector = (f: ConfidenceFeatures): number[] => [
  f.askedCoverage,
  f.sentenceCoverage,
  f.missingRarity,
  f.margin,
  f.lackedRarity,
  f.score,
  f.sentenceMissingRarity,
  Math.log(Math.max(1, f.words / LONG_FROM)),
  f.bridgedShare,
];

/** In a question of at most this many content words, each is essential. */
const SHORT_QUESTION = 3;
/** A word no document uses and nothing bridges, rarer in everyday English than this (0-1), names a topic they lack. */
const MAX_LACKED_RARITY = 0.35;

/**
 * What rules out an answer whatever the model says: a name, acronym or year of the question that
 * the best passage lacks (it is about another city or year), a when or how-many question whose
 * best sentences give no date or number, best sentences that only name what is asked about, a
 * place asked about that the best passage only lists among others, no
 * word the documents use at all, only ones WordNet leads to ("alert", "recommend a laptop for
 * video editing"), or, in a short question, a fairly rare word that no document uses and nothing
 * bridges ("the weather in Bristol").
 */
export const ruledOut = (f: ConfidenceFeatures): boolean =>
  f.entityMissing ||
  f.typeMissing ||
  (f.mentionOnly && f.asks) ||
  f.listedOnly ||
  f.ownWords === 0 ||
  (f.words <= SHORT_QUESTION && f.lackedRarity >= MAX_LACKED_RARITY);

/** A sentence matching this share of the best sentence's coverage may hold the date or number asked for. */
const SENTENCE_NEAR_BEST = 0.8;

/**
 * The best passage's sentences that match the question nearly as well as its best one, from their
 * coverages under its heading, each with the sentence next to it that belongs to the same thought:
 * the one after it when that one goes on about the same thing, using an acronym the sentence
 * defines ("…the UK Learning Cities Network (LCN) was established. Now, LCN has 80 member cities
 * and regions.") or pointing back to it ("Its schools…"), and the one before it when the sentence
 * itself points back ("Japan: In as early as 1979, … Kakegawa was declared the first Lifelong
 * Learning City in Japan. Since then, the Japanese lifelong learning city project…"), and those
 * going on under the same label (see {@link goesOnUnderLabel}).
 */
const answeringSentences = (search: PassageSearch, best: ScoredPassage, coverages: readonly number[]): PassageSentence[] => {
  const top = Math.max(0, ...coverages);
  const sentences = search.sentencesOf(best.passage);
  const near = (i: number): boolean => (coverages[i] ?? 0) >= top * SENTENCE_NEAR_BEST;
  const goesOn = (next: PassageSentence | undefined, sentence: PassageSentence): boolean =>
    next !== undefined && (LEANS_BACK.test(next.text) || sentence.defines.some((acronym) => next.terms.has(acronym)));
  return sentences.filter((sentence, i) => {
    if (near(i)) return true;
    const before = sentences[i - 1];
    const after = sentences[i + 1];
    return (before !== undefined && near(i - 1) && goesOn(sentence, before)) || (after !== undefined && near(i + 1) && LEANS_BACK.test(after.text)) || goesOnUnderLabel(sentences, i, near);
  });
};

/**
 * True when the sentence goes on an item under a label ("South Korea: The Lifelong Education Law…
 * In 2001, the first 3 cities… Up to 2008, a total of 76…") whose earlier sentence matches nearly
 * best: the later ones are about what the label names, though they do not repeat it.
 */
const goesOnUnderLabel = (sentences: readonly PassageSentence[], i: number, near: (i: number) => boolean): boolean => {
  if (sentences[i]?.label === undefined) return false;
  for (let k = i - 1; k >= 0; k--) {
    if (near(k)) return true;
    if (sentences[k]?.label === undefined) return false;
  }
  return false;
};

/** Passages after the first that are looked at for a rival answer with the form asked for. */
const RIVALS = 5;

/**
 * True when a passage lacks the form of the answer the question asks for: a when or how-many
 * question whose answering sentences give no date or number, or a sum, list, long form or person
 * that the passage does not give (see `lacksAskedForm`). `coverages` are its sentences' coverages
 * under its heading, when the caller has them.
 */
const lacksForm = (
  search: PassageSearch,
  concepts: readonly Concept[],
  hit: ScoredPassage,
  form: AskedForm,
  coverages: readonly number[] = search.sentenceTerms(hit.passage).map((terms) => search.coverage(concepts, terms)),
): boolean => {
  // Found at most once, and only for the forms read sentence by sentence.
  const answering = form.checked.length > 0 || form.current || form.past || form.since !== undefined || form.counted !== undefined ? answeringSentences(search, hit, coverages) : [];
  return (
    // A how-many question is not answered by a percentage alone; a share asked for is.
    (form.checked.length > 0 &&
      !answering.some((sentence) =>
        form.checked.some((type) => hasAnswerCue(sentence, type) && (type !== 'when' || givesDateAsked(form, sentence.text)) && (type !== 'count' || form.share || givesCount(sentence.text))),
      )) ||
    // A figure asked for as it is now is not one given as of a past year ("Up to 2008, a total of 76…").
    (form.current && !answering.some((sentence) => hasAnswerCue(sentence, 'count') && givesCurrentFigure(sentence.text))) ||
    // …and one asked for as of a past year is not one said to be current ("Now, LCN has 80 member cities").
    (form.past && !answering.some((sentence) => hasAnswerCue(sentence, 'count') && givesPastFigure(sentence.text))) ||
    // …and one counted since a year is not one given up to that year ("Up to 2008, a total of 76…").
    (form.since !== undefined && !answering.some((sentence) => hasAnswerCue(sentence, 'count') && givesFigureSince(sentence.text, form.since ?? 0))) ||
    (form.counted !== undefined && !countsAsked(search, concepts, hit, answering, form.counted)) ||
    (form.names !== undefined && !namesAnswer(search, concepts, hit, coverages, form.names)) ||
    (form.items !== undefined && !saidNearBest(search, hit, coverages, (said) => longestList(said) >= (form.items ?? 0))) ||
    (form.others !== undefined && !givesOthers(search, concepts, hit, coverages, form.others)) ||
    (form.ranked && !saidNearBest(search, hit, coverages, ranksThem)) ||
    (form.ending && !saidNearBest(search, hit, coverages, givesEnding)) ||
    (form.still && !saidNearBest(search, hit, coverages, saysGoingOn)) ||
    (form.later !== undefined && !saidNearBest(search, hit, coverages, (said) => tellsLater(said, form.later ?? 0))) ||
    (form.howTo && !saidNearBest(search, hit, coverages, (said) => tellsHow(said, (before) => holdsAsked(search, concepts, before)))) ||
    (form.compare && !saidNearBest(search, hit, coverages, compares)) ||
    (form.choice && !saidNearBest(search, hit, coverages, givesReason)) ||
    (form.figure && !saidNearBest(search, hit, coverages, givesFigure)) ||
    (form.share && !saidNearBest(search, hit, coverages, givesShare)) ||
    (form.span && !saidNearBest(search, hit, coverages, givesSpan)) ||
    (form.began && !saidNearBest(search, hit, coverages, tellsBeginning)) ||
    (form.consequence && !saidNearBest(search, hit, coverages, tellsConsequence)) ||
    (form.alone !== undefined && !saidNearBest(search, hit, coverages, (said) => saysAlone(said, form.alone ?? ''))) ||
    (form.month && !saidNearBest(search, hit, coverages, givesMonth)) ||
    lacksAskedForm(form, hit.passage.heading, hit.passage.text)
  );
};

/**
 * True when the passage may list the others of a set that the question asks for ("the other three
 * pillars"): it lists as many things under a heading or near its best-matching sentences, and does
 * not only count the set of which it names one ("…one of the four key pillars…"). A kind the
 * documents use must be named in the passage ("pillars"); one they never use may be written in
 * their words ("the other two themes" of a toolkit "structured around three strands").
 */
const givesOthers = (search: PassageSearch, concepts: readonly Concept[], hit: ScoredPassage, coverages: readonly number[], others: OthersAsked): boolean => {
  const kind = concepts.find((concept) => concept.phrase.includes(others.kind));
  if (kind !== undefined && kind.known && !search.covers(kind, hit.terms)) return false;
  if (saidNearBest(search, hit, coverages, (said) => countsOneOf(said, others))) return false;
  return longestList(`${hit.passage.heading}\n${hit.passage.text}`) >= others.count || saidNearBest(search, hit, coverages, (said) => longestList(said) >= others.count);
};

/**
 * True when a sentence with a date or time in it gives the one a when question asks for: a credit
 * line's year ("Source: …, 2006.") dates the text it credits, and "held every year" says how often,
 * not when something happened once ("When was the first Learning Cape Festival held?").
 */
const givesDateAsked = (form: AskedForm, text: string): boolean => (form.published || !isAttribution(text)) && (!form.once || givesDate(text));

/**
 * True unless the passage speaks of what a how-many question counts ("councils") and its answering
 * sentences give no figure of it: "all municipalities of more than 5,000 people" does not say how
 * many councils there are. A name among the words ("Korean local governments") says whose they
 * are, not what is counted. A passage that does not speak of it at all is left to the other checks.
 */
/** Words for a place of any kind, as counted ("how many places…?"), stemmed. */
const PLACE_WORDS = new Set(['place', 'locat', 'area']);
/** Kinds of place a count may name when places are asked for, stemmed. */
const PLACE_KINDS: readonly string[][] = ['citi', 'town', 'region', 'commun', 'municip', 'countri', 'villag', 'district', 'counti', 'borough', 'local govern', 'council', 'area', 'place'].map((kind) => kind.split(' '));

/** Words for people, as counted ("how many people…?", "how many adults…?"), stemmed. */
const PEOPLE_WORDS = new Set(['peopl', 'person', 'adult', 'learner', 'resid', 'citizen', 'particip', 'respond', 'student', 'individu', 'inhabit', 'worker', 'staff', 'volunt', 'visitor', 'attende']);
/** What counts people: a word for them, or a population ("3.4 billion"). */
const PEOPLE_KINDS: readonly string[][] = [...PEOPLE_WORDS, 'popul', 'billion', 'million'].map((kind) => [kind]);

const countsAsked = (search: PassageSearch, concepts: readonly Concept[], hit: ScoredPassage, answering: readonly PassageSentence[], counted: readonly string[]): boolean => {
  const asked = new Set(counted.map(stem));
  // People counted are counted as people, whatever else the passage counts: "33 elements" is no number of respondents.
  if ([...asked].some((term) => PEOPLE_WORDS.has(term))) {
    return answering.some((sentence) => hasAnswerCue(sentence, 'count') && countsThe(sentence.text, (stems, at) => PEOPLE_KINDS.some((form) => form.every((term, k) => stems[at + k] === term))));
  }
  const things = concepts.filter((concept) => !concept.entity && concept.phrase.some((term) => asked.has(term)) && search.covers(concept, hit.terms));
  if (things.length === 0) return true;
  // "How many places…?" counts places of any kind: "about 20 communities", "76 local governments".
  const kinds = things.some((concept) => concept.phrase.some((term) => PLACE_WORDS.has(term))) ? PLACE_KINDS : [];
  const forms = [...things.flatMap((concept) => [concept.phrase, ...concept.alternatives]), ...kinds].filter((form) => form.length > 0);
  return answering.some((sentence) => hasAnswerCue(sentence, 'count') && countsThe(sentence.text, (stems, at) => forms.some((form) => form.every((term, k) => stems[at + k] === term))));
};

/** Sentences after a best-matching one, in its paragraph, in which the answer may follow ("Victoria set a goal… Vancouver aims to be…"). */
const FOLLOWING = 2;

/**
 * True when one of the passage's best-matching sentences, or of the few after them in the same
 * paragraph or labelled item, says what `says` looks for. A lead-in closing the passage
 * ("Explore the UK's UNESCO Global Network of Learning Cities.") is read with the heading and
 * first sentences of the next passage of its document, which it introduces.
 */
const saidNearBest = (search: PassageSearch, hit: ScoredPassage, coverages: readonly number[], says: (text: string) => boolean): boolean => {
  const sentences = search.sentencesOf(hit.passage);
  const top = Math.max(0, ...coverages);
  const text = hit.passage.text;
  let after = 0;
  let at = 0;
  for (const [i, sentence] of sentences.entries()) {
    // What follows within the paragraph or item counts, not the next one ("South Korea: … South Africa: …").
    const found = text.indexOf(sentence.text.slice(0, 24), at);
    if (found !== -1) {
      if (text.slice(at, found).includes('\n')) after = 0;
      at = found;
    }
    if (LABELLED.test(sentence.text)) after = 0;
    after = top > 0 && (coverages[i] ?? 0) >= top * NEAR_BEST ? FOLLOWING + 1 : after - 1;
    if (after > 0 && says(sentence.text)) return true;
  }
  const next = after > 1 ? search.passageAfter(hit.passage) : undefined;
  return next !== undefined && [next.heading, ...search.sentencesOf(next).slice(0, after - 1).map(({ text: said }) => said)].some(says);
};

/**
 * True when the passage's best-matching sentences, or the few after them, name something the
 * question does not (see {@link saidNearBest}). The question's names count with their own forms
 * ("Chinese": China), but not with the places within them that WordNet lists ("Beijing"): those
 * may be the names asked for.
 */
const namesAnswer = (search: PassageSearch, concepts: readonly Concept[], hit: ScoredPassage, coverages: readonly number[], kind: string): boolean =>
  saidNearBest(search, hit, coverages, namesBeyond(search, concepts, kind));

/** A word written all in capitals, two letters or more. */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]+$/u;

/** Kinds asked for by name that are towns ("which cities…?"). */
const TOWN_KIND = /^(?:cit(?:y|ies)|towns?|villages?|municipalit(?:y|ies)|boroughs?)$/u;

/**
 * True for a text naming something of the kind asked for (`namesAsked`) that the question does not
 * name. `known`: only names WordNet knows count ("Liverpool", not "Lifelong" written with a capital),
 * for preferring a sentence rather than ruling a passage out.
 */
export const namesBeyond = (search: PassageSearch, concepts: readonly Concept[], kind: string, known = false): ((text: string) => boolean) => {
  // A name WordNet knows ("Vancouver"), or a word not among the 30,000 commonest of English ("Kakegawa"). Not
  // every word the documents capitalise: in titles they capitalise ordinary words ("Providing Support for Networks").
  // A place names no expert: "Venice" does not answer "which experts say…?".
  const people = peopleAsked(kind);
  // A name of anything ("what was the report called?") may be a title of everyday words: any word written with a capital names it.
  // A town asked for is named by a town's name, or by a word no dictionary knows ("Kakegawa"): not "EU" nor "China".
  const towns = TOWN_KIND.test(kind);
  // A word written all in capitals is an acronym ("PALLACE", "LCN"), not an unknown town.
  const isNameWord = (word: string, written: string): boolean =>
    towns ? search.isTownName(word) || (!known && !ACRONYM.test(written) && !search.isNameInWordNet(word) && everydayRank(word) === undefined && !search.isPlaceName(word))
    : known ? search.isNameInWordNet(word)
    : kind === ANY_NAME || ((search.isNameInWordNet(word) || everydayRank(word) === undefined) && !(people && search.isPlaceName(word)));
  // Ruling out, a name's other names in synonyms.yaml may be what is asked for ("Brum" of "Birmingham"?); preferring, they are the asker's own.
  const asked = askedStems(known ? concepts : concepts.map((concept) => (concept.entity ? { ...concept, alternatives: concept.alternatives.filter((alternative) => ownForm(concept.phrase, alternative)) } : concept)));
  return (text) => namesOther(text, asked, isNameWord, kind !== ANY_NAME);
};

/** Sentences matching this share of the best one's coverage are read for the names or the list asked for. */
const NEAR_BEST = 0.9;

/** A form of a name of its own ("korea" of "korean", "japan" of "japanes"): one word, beginning as the name does. */
const ownForm = (phrase: readonly string[], alternative: readonly string[]): boolean =>
  phrase.length === 1 && alternative.length === 1 && (alternative[0] ?? '').slice(0, 3) === (phrase[0] ?? '').slice(0, 3);

/** Every stem of the question's concepts, their alternatives included. */
const askedStems = (concepts: readonly Concept[]): Set<string> => {
  const asked = new Set<string>();
  for (const concept of concepts) {
    for (const term of concept.phrase) asked.add(term);
    for (const alternative of concept.alternatives) for (const term of alternative) asked.add(term);
  }
  return asked;
};

/** What a question calls where the asker read something ("the UNESCO learning cities page", "the OECD deck"). */
const DOCUMENT_WORD = String.raw`(?:page|site|website|deck|slides?|presentation|document|paper)`;

/**
 * True when the question writes the name as part of what it calls a document ("the UNESCO learning
 * cities page"): the name says which document, not what the passage must be about.
 */
const namesDocument = (question: string, concept: Concept): boolean =>
  new RegExp(`(?<![\\p{L}\\p{N}])${wordsPattern(concept, '\\s+')}(?:['’]s)?(?:\\s+[\\p{L}'’-]+){0,3}?\\s+${DOCUMENT_WORD}\\b`, 'iu').test(question);

/** `form` is what the question asks for ({@link askedForm}), when the caller has read it already. */
export const confidenceFeatures = (
  search: PassageSearch,
  question: string,
  concepts: Concept[],
  hits: ScoredPassage[],
  form: AskedForm = askedForm(question),
): ConfidenceFeatures => {
  const best = hits[0];
  // A word reached only through a kind of it ("weather": the elements) is one the documents lack: "the weather in Bristol" is not about them.
  const lacked = concepts.filter(documentsLack);
  const lackedRarity = Math.max(0, ...lacked.map((concept) => (concept.entity ? 1 : rarity(concept.surface))));
  if (!best) {
    return {
      coverage: 0,
      missingRarity: 1,
      entityMissing: true,
      entityUnknown: true,
      margin: 0,
      typeMissing: true,
      sentenceCoverage: 0,
      lackedRarity,
      score: 0,
      sentenceMissingRarity: 1,
      askedCoverage: 0,
      words: concepts.length,
      mentionOnly: false,
      ownWords: ownWordsOf(concepts),
      asks: form.asks,
      listedOnly: false,
      bridgedShare: 0,
    };
  }
  const missing = concepts.filter((concept) => !search.covers(concept, best.terms));
  const sentenceTerms = search.sentenceTerms(best.passage);
  const coverages = sentenceTerms.map((terms) => search.coverage(concepts, terms));
  const bestSentence = sentenceTerms[coverages.indexOf(Math.max(...coverages))] ?? best.terms;
  const sentenceMissing = concepts.filter((concept) => !search.covers(concept, bestSentence));
  // A passage that only names the city or body asked about ("the weather in Bristol") does not answer.
  const asked = concepts.filter((concept) => !concept.entity);
  // A passage without the form asked for answers no rival answer: "Now, LCN has 80 member cities"
  // is not challenged by a passage about the network that gives no figure.
  const rival = formAsked(form) ? hits.slice(1, 1 + RIVALS).find((hit) => !lacksForm(search, concepts, hit, form)) : hits[1];
  const rarityOf = (concept: Concept): number =>
    concept.entity ? 1 : concept.known || concept.alternatives.length > 0 ? Math.min(1, concept.weight / search.maxWeight()) : rarity(concept.surface);
  const typeMissing = lacksForm(search, concepts, best, form, coverages);
  const bestText = search.sentencesOf(best.passage)[coverages.indexOf(Math.max(...coverages))]?.text ?? '';
  return {
    coverage: best.coverage,
    missingRarity: Math.max(0, ...missing.map(rarityOf)),
    entityMissing: missing.some((concept) => concept.entity && !(namesDocument(question, concept) && search.covers(concept, search.documentTerms(best.passage.source)))) || townElsewhere(search, concepts, bestSentence, bestText),
    entityUnknown: missing.some((concept) => concept.entity && !concept.known && concept.alternatives.length === 0),
    margin: best.score - (rival?.score ?? 0),
    typeMissing,
    sentenceCoverage: best.sentenceCoverage,
    lackedRarity,
    score: best.score,
    sentenceMissingRarity: Math.max(0, ...sentenceMissing.map(rarityOf)),
    askedCoverage: asked.length > 0 ? search.coverage(asked, best.terms) : best.coverage,
    words: concepts.length,
    // A sentence naming what a when or how-many question asks about answers it when it gives the
    // date or figure ("The European Union proclaimed 1996 as the “European Year of Lifelong Learning”").
    mentionOnly: (form.checked.length === 0 || typeMissing) && namingOnly(search, best, concepts, !form.yesNo) !== undefined,
    asks: form.asks,
    ownWords: ownWordsOf(concepts),
    listedOnly: form.asks && !form.yesNo && listedNames(search, best, concepts).length === 1,
    bridgedShare: bridgedShare(search, concepts, best.terms),
  };
};

/** A question's word weighing this much or more is one of its own words of some weight: not an everyday word like "learning". */
const WEIGHTY = 1;
/** True when the text holds one of the question's words of some weight ("festival" in "Learning festivals as a way of…"). */
const holdsAsked = (search: PassageSearch, concepts: readonly Concept[], text: string): boolean => {
  const stems = new Set(words(text).map(stem));
  return concepts.some((concept) => concept.weight >= WEIGHTY && search.covers(concept, stems));
};

/**
 * True when a town the question names is in the passage but not in its best sentence, which names
 * another town: "What goal did Edmonton set in 2003?" is not answered by "In 2003, Victoria set a
 * goal…", though "St. John's and Edmonton have made efforts…" follows it.
 */
const townElsewhere = (search: PassageSearch, concepts: readonly Concept[], sentence: ReadonlySet<string>, text: string): boolean =>
  concepts.some((concept) => concept.entity && concept.phrase.length === 1 && search.isTownName(concept.surface) && !search.covers(concept, sentence)) &&
  namesBeyond(search, concepts, 'cities', true)(text);

/** {@link ConfidenceFeatures.bridgedShare}: a bridged word is one the documents lack, so it is held only through its bridge. */
const bridgedShare = (search: PassageSearch, concepts: readonly Concept[], terms: ReadonlySet<string>): number => {
  let total = 0;
  let bridged = 0;
  for (const concept of concepts) {
    total += concept.weight;
    // A name reached in its own form ("Canadian": Canada) is the asker's own word, not a bridge.
    if (throughWordNet(concept) && !(concept.entity && concept.bridge === 'derived') && search.covers(concept, terms)) bridged += concept.weight;
  }
  return total === 0 ? 0 : bridged / total;
};

/**
 * The question's names (see `PassageSearch.isName`) that the best passage holds only in lists
 * of names. One such name is what the question asks about; several ("…mentioned in the same
 * breath as Liverpool and Sheffield?") are asked about as a list.
 */
export const listedNames = (search: PassageSearch, best: ScoredPassage, concepts: readonly Concept[]): Concept[] =>
  namesOnlyListed(
    concepts.filter((concept) => concept.entity && search.covers(concept, best.terms) && words(concept.surface).some((word) => search.isName(word))),
    search.sentencesOf(best.passage),
  );

/**
 * {@link ConfidenceFeatures.ownWords}: "alert" reaches the documents only through WordNet ("live");
 * "tookit" is the toolkit misspelt, and a term of `synonyms.yaml` is the documents' own.
 */
const ownWordsOf = (concepts: readonly Concept[]): number =>
  concepts.filter((concept) => concept.known || concept.entity || (concept.alternatives.length > 0 && !throughWordNet(concept))).length;

/**
 * True when each of the question's words accounts for the span's words in one way only, as
 * written or through one of its alternatives: "Gothenburg, Sweden" names more than "Swedish city"
 * asks, though both its words are reached from "Swedish" (Sweden, and a city in it), so it answers
 * "which Swedish city…?" rather than only naming what is asked.
 */
const namesNoMore = (concepts: readonly Concept[], terms: readonly string[]): boolean => {
  const explained = new Set<string>();
  for (const concept of concepts) {
    let widest: readonly string[] = [];
    for (const variant of [concept.phrase, ...concept.alternatives]) {
      if (variant.length > widest.length && variant.every((term) => terms.includes(term))) widest = variant;
    }
    for (const term of widest) explained.add(term);
  }
  return terms.every((term) => explained.has(term));
};

/** A title quoted in a sentence: ‘Making Lifelong Learning Work’, "Indicators of Learning Cities and Regions". */
const QUOTED = /(?<![\p{L}\p{N}])[‘'"“]([^‘'"“”’\n]{2,150}?)[’'"”](?![\p{L}\p{N}])/gu;
/** The letter or number marking a list item: "a) ", "(ii) ", "3. ". */
const ITEM_MARK = /^\s*(?:and\s+)?(?:\(?[a-z]{1,3}\)|\d{1,2}[.)])\s*/i;

/** The stems that say something: stop words left out. */
const said = (terms: Iterable<string>): string[] => [...terms].filter((term) => !isStopWord(term));

/**
 * The parts of a sentence that may do no more than name something: the sentence, and in a list
 * after its lead-in ("Learn More From: a) …; b) …; c) Indicators of Learning Cities and Regions.")
 * each item and each title an item quotes, each with its stems and, for an item, the stems of the
 * list's lead-in. A title quoted in running text ("the concept of the ‘Learning City’ was…") is
 * what the sentence goes on about, not a mere mention.
 */
const namingSpans = (text: string): NonNullable<PassageSentence['spans']> => {
  const whole = { text, terms: saidStems(text), leadIn: [] };
  const lead = text.indexOf(': ');
  if (lead === -1 || !text.includes('; ')) return [whole];
  // Read once for all the list's items.
  const leadIn = saidStems(text.slice(0, lead));
  const parts = text.slice(lead + 2).split(/;\s+/u).flatMap((item) => [item.replace(ITEM_MARK, ''), ...[...item.matchAll(QUOTED)].map((match) => match[1] ?? '')]);
  return [whole, ...parts.map((part) => ({ text: part, terms: saidStems(part), leadIn }))];
};

/** A text's stems that say something. */
const saidStems = (text: string): string[] => said(words(text).map(stem));

/**
 * The words of the best passage's best-matching sentences that only name what the question asks
 * about, when they do: a line holding nothing but the question's own words (and stop words), such
 * as "The limerick declaration" or a link in a list, or a title or list item that holds every
 * question word its sentence has and nothing else ("who wrote Making Lifelong Learning Work?" finds
 * the book only in a list of further reading). Undefined when the sentences say more about it.
 * `byLeadIn`: words of the question held by a list's lead-in may be all it holds besides the item.
 */
export const namingOnly = (search: PassageSearch, best: ScoredPassage, concepts: readonly Concept[], byLeadIn: boolean): string | undefined => {
  const sentences = search.sentencesOf(best.passage);
  // By their own words: a heading that names what is asked lifts every sentence under it alike.
  const coverages = sentences.map(({ terms }) => search.coverage(concepts, terms));
  const top = Math.max(0, ...coverages);
  if (top === 0) return undefined;
  const asked = askedStems(concepts);
  let naming: string | undefined;
  for (const [i, sentence] of sentences.entries()) {
    if (coverages[i] !== top) continue;
    const matched = said(sentence.terms).filter((term) => asked.has(term));
    // A sentence's text never changes: its spans are read once, however many questions it answers.
    sentence.spans ??= namingSpans(sentence.text);
    // A word of the question that the list's lead-in holds ("In 1996, three … efforts…: …; OECD: Lifelong Learning for All; …") says which list, not more
    // about the item, unless being in the list is what is asked ("Was Gothenburg involved in the early OECD work on educating cities?").
    const span = sentence.spans.find(
      ({ terms, leadIn }) =>
        terms.length > 1 && terms.every((term) => asked.has(term)) && namesNoMore(concepts, terms) && matched.every((term) => terms.includes(term) || (byLeadIn && leadIn.includes(term))),
    );
    // Every best sentence must only name it: one that says more may answer.
    if (span === undefined) return undefined;
    naming ??= span.text;
  }
  return naming;
};

/** The model's estimate that the best passage answers the question, 0-1. */
export const answerProbability = (features: ConfidenceFeatures, model: ConfidenceModel = fittedConfidence): number => {
  const x = featureVector(features);
  let z = model.intercept;
  model.coefficients.forEach((c, i) => (z += c * (x[i] ?? 0)));
  return 1 / (1 + Math.exp(-z));
};

/**
 * From this share of the question's weight held only through WordNet, the best passage answers
 * another question in the documents' words ("what does a learning city coordinator do?" finds "…limited
 * potential to coordinate various stakeholders"): at best the closest the documents come.
 */
const MAX_BRIDGED_PLAIN = 0.5;

/**
 * Three outcomes: none when ruled out, otherwise from the fitted model's probability. A fairly rare
 * word that no document uses and nothing bridges caps the answer at low, whatever the score: in a
 * collection of a few passages, score and margin say little (one passage is always "well ahead").
 * So does a question held mostly through WordNet (see `MAX_BRIDGED_PLAIN`).
 */
export const decide = (features: ConfidenceFeatures, model: ConfidenceModel = fittedConfidence): Confidence => {
  if (ruledOut(features)) return 'none';
  const p = answerProbability(features, model);
  if (p < model.lowFrom) return 'none';
  // Words looked up that a line only names ("limerick declaration") get that line as the closest the documents come.
  return p >= model.highFrom && features.lackedRarity < MAX_LACKED_RARITY && features.bridgedShare < MAX_BRIDGED_PLAIN && !features.mentionOnly ? 'high' : 'low';
};
