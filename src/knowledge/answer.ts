import type { AnswerSource, KnowledgeAnswer } from '../core/ports.js';
import { askedForm, formNote, ordinalAskedAfter, type AskedForm } from './answer-forms.js';
import type { Passage } from './chunk.js';
import { rarity } from './common-english.js';
import { confidenceFeatures, decide, listedNames, namesBeyond, namingOnly, type ConfidenceFeatures, type ConfidenceModel } from './confidence.js';
import { fittedConfidence } from './confidence-fit.js';
import { MAX_ANSWER_CHARS, mendQuestionWords, quoteSentences, truncate } from './quote.js';
import { searchMerged } from './merged-search.js';
import { expandShorthand } from './shorthand.js';
import { documentsLack, throughWordNet, wordsPattern } from './concepts.js';
import type { Concept, PassageSearch, ScoredPassage } from './search.js';

/** Passages scoring below this share of the best one are not cited. */
const RELATIVE_CUTOFF = 0.5;
const MAX_SOURCES = 3;
/** What a `low` answer opens with: the passages quoted are only the closest the documents come. */
const LOW_LEAD = 'The closest the documents come is this:\n\n';
const MAX_SUGGESTIONS = 3;
/** Passages ranked per question: enough for the confidence's margin, the citations and the nearest headings. */
const CANDIDATES = 10;

/**
 * Question words the documents lack entirely (never filler words: those weigh almost nothing). A
 * word they reach only through a kind of it ("weather": the elements, "fee": commission) is one
 * they lack too.
 */
const lackedWords = (concepts: Concept[]): Concept[] =>
  concepts.filter((concept) => documentsLack(concept) && (concept.entity || rarity(concept.surface) >= 0.3));

/** The 2-3 passage headings nearest the question, as "Heading (document)". */
const nearestHeadings = (hits: ScoredPassage[]): string[] => {
  const seen = new Set<string>();
  const headings: string[] = [];
  for (const { passage } of hits) {
    const label = passage.heading === passage.title ? passage.title : `${passage.heading} (${passage.title.split(/:| - /u)[0]?.trim()})`;
    if (seen.has(label)) continue;
    seen.add(label);
    headings.push(label);
    if (headings.length >= MAX_SUGGESTIONS) break;
  }
  return headings;
};

/** Where the documents only name what was asked about: the line that names it, and its heading. */
const mentionNote = (search: PassageSearch, concepts: Concept[], best: ScoredPassage, form: AskedForm): string => {
  const line = namingOnly(search, best, concepts, !form.yesNo) ?? '';
  return ` They only name it (“${truncate(line.replace(/[.:;]+$/u, ''), 80)}”, under “${best.passage.heading}”) without saying more about it.`;
};

/** Where the documents only list the place asked about among others: the list's heading. */
const listedNote = (search: PassageSearch, concepts: Concept[], best: ScoredPassage, asked: string): string => {
  const name = listedNames(search, best, concepts)[0];
  // As the question writes it ("USA"), or with capitals when it writes it in lower case.
  const written = name === undefined ? undefined : writtenAs(asked, name);
  const shown = written === undefined ? 'it' : `“${written === written.toLowerCase() ? written.replace(/(^|\s)\p{L}/gu, (letter) => letter.toUpperCase()) : written}”`;
  return ` They only list ${shown} among others (under “${best.passage.heading}”) without saying more about it.`;
};

/** `note` says why the passages closest to the question do not answer it, when that is known ("They only name it…"). */
const refusal = (question: string, concepts: Concept[], hits: ScoredPassage[], note?: string): KnowledgeAnswer => {
  const lacked = lackedWords(concepts).sort((a, b) => Number(b.entity) - Number(a.entity) || b.weight - a.weight);
  // Words the documents never use, reached only through WordNet ("alert" → live), are named too when nothing else is.
  const unused = concepts.every((c) => !c.known && !c.entity && throughWordNet(c)) ? concepts : [];
  const about =
    lacked.length > 0 ? ` They say nothing about ${lacked.slice(0, 3).map((c) => `“${c.surface}”`).join(', ')}.`
    : note !== undefined ? note
    : unused.length > 0 ? ` They never use ${unused.slice(0, 3).map((c) => `“${c.surface}”`).join(', ')}.`
    : '';
  return {
    question,
    noAnswer: true,
    confidence: 'none',
    answer: `The documents I have do not answer that.${about}`,
    sources: [],
    suggestions: nearestHeadings(hits.filter((hit) => hit.coverage > 0)),
  };
};

/**
 * The passage's sentences that `shown` does not hold, in their order; neighbours run on, parts
 * apart are separated by a blank line. Undefined when all were shown.
 */
const unquotedOf = (search: PassageSearch, passage: Passage, shown: string): string | undefined => {
  const parts: string[] = [];
  let previous = -2;
  for (const { text: whole, position } of search.sentencesOf(passage)) {
    if (shown.includes(whole)) continue;
    // A sentence shown cut short goes on where it was cut.
    const cut = truncate(whole, MAX_ANSWER_CHARS).slice(0, -1);
    const text = cut.length < whole.length && shown.includes(`${cut}…`) ? `…${whole.slice(cut.length).trimStart()}` : whole;
    if (parts.length > 0 && position === previous + 1) parts[parts.length - 1] += ` ${text}`;
    else parts.push(text);
    previous = position;
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
};

/** A passage this close to the best one may answer a when or how-many question the best one gives no date or number for. */
const FORM_FALLBACK_SHARE = 0.75;
/** Passages after the best one looked at for that. */
const FORM_FALLBACK_DEPTH = 3;

/**
 * The hits with the passage judged first, and its features. A question whose best passage lacks
 * the form of its answer (a when or how-many question with no date or number: "When did Liverpool
 * become a city of learning?" ranks first a passage naming Liverpool without a year; a sum of
 * money, a list, an acronym's long form, a person), lacks a name, acronym or year the question
 * names, or only lists the place it asks about among others, is judged on the nearest next passage
 * that has it, when it scores nearly as well; its margin over
 * the passage it passed is then negative.
 */
const withAnswerForm = (
  search: PassageSearch, question: string, concepts: Concept[], hits: ScoredPassage[], form: AskedForm,
): { hits: ScoredPassage[]; features: ConfidenceFeatures } => {
  const features = confidenceFeatures(search, question, concepts, hits, form);
  const best = hits[0];
  const lacks = (f: ConfidenceFeatures): boolean => f.typeMissing || f.listedOnly || f.entityMissing;
  if (!lacks(features) || best === undefined) return { hits, features };
  for (const candidate of hits.slice(1, 1 + FORM_FALLBACK_DEPTH)) {
    if (candidate.score < best.score * FORM_FALLBACK_SHARE) break;
    const reordered = [candidate, ...hits.filter((hit) => hit !== candidate)];
    const tried = confidenceFeatures(search, question, concepts, reordered, form);
    if (!lacks(tried)) return { hits: reordered, features: tried };
  }
  return { hits, features };
};

/** What a question is judged on: the question as read, its concepts, the passages in the order judged, and the features of the first. */
export interface JudgedQuestion {
  /** The question with chat shorthand written out and mistyped question words mended. */
  asked: string;
  /** The collection whose weights rate the question. */
  search: PassageSearch;
  concepts: Concept[];
  hits: ScoredPassage[];
  form: AskedForm;
  features: ConfidenceFeatures;
}

/** The question as the bot reads it: chat shorthand ("w", "abt", "adult ed") written out, mistyped question words ("wat") mended. */
const readQuestion = (question: string): string => mendQuestionWords(expandShorthand(question));

/** The collections searched, one or several. */
const several = (searches: PassageSearch | readonly PassageSearch[]): searches is readonly PassageSearch[] => Array.isArray(searches);
const collections = (searches: PassageSearch | readonly PassageSearch[]): readonly PassageSearch[] => (several(searches) ? searches : [searches]);

/** A plural typed with "ys" after a consonant, in lower case ("citys", "familys"), and the word before it. */
const YS_PLURAL = /(?<![\p{L}\p{N}'’])([a-z]+[b-df-hj-np-tv-z])ys(?![\p{L}\p{N}])/gu;

/**
 * The question with each plural typed as "citys" written as the documents write it ("cities"),
 * so what it asks for reads as asked ("which 3 korean citys…?" asks for names of cities). A word
 * the documents do not use so ("germanys") stays as typed.
 */
const mendPlurals = (question: string, searches: PassageSearch | readonly PassageSearch[]): string =>
  question.replace(YS_PLURAL, (word: string, base: string) => (collections(searches).some((search) => search.usesWord(`${base}ies`)) ? `${base}ies` : word));

/** True when the answer to `question` depends on the question before it: it is a follow-up in one of the collections. */
export const readsPrevious = (searches: PassageSearch | readonly PassageSearch[], question: string): boolean => {
  const asked = readQuestion(question);
  return collections(searches).some((search) => search.readsPrevious(asked));
};

/**
 * Reads a question and ranks the passages as the bot answers it: the confidence model is fitted on
 * exactly this (`collectSamples`), so what it learns is what the bot then decides on. With several
 * collections, their passages compete in one ranking; `shown` passages (`more`) step aside.
 */
export const judgeQuestion = (
  searches: PassageSearch | readonly PassageSearch[],
  question: string,
  previous?: string,
  shown: readonly string[] = [],
): JudgedQuestion => {
  // "wat is a lerning city": the question word typed wrong still says what kind of question it is.
  const asked = mendPlurals(readQuestion(question), searches);
  const found = searchMerged(collections(searches), asked, CANDIDATES + shown.length, previous);
  const { search, concepts } = found;
  // `more`: the passages shown already step aside, and the next ones are judged as if they were first.
  const hits = shown.length === 0 ? found.hits : found.hits.filter((hit) => !shown.includes(hit.passage.text)).slice(0, CANDIDATES);
  // Its patterns run once per question: the confidence, the refusal and the quoting all need them.
  const read = askedForm(asked);
  // "and when is the next one?" after a question about the first congress asks about the next congress.
  const after = previous === undefined || read.ordinal !== undefined ? undefined : ordinalAskedAfter(asked, previous);
  const form = after === undefined ? read : { ...read, ordinal: after };
  return { asked, search, concepts, form, ...withAnswerForm(search, asked, concepts, hits, form) };
};

/** At most this many subjects of one question are answered one by one. */
const MAX_SUBJECTS = 3;

/**
 * The names a question asks about together ("Tell me about Swansea and Bristol") when no passage
 * among the nearest names them all but each is named by one: each can be answered on its own.
 * Empty when the question names fewer than two, or one is named nowhere near (then the documents
 * do not answer about it, and the question is refused as before). Years are not subjects.
 */
const subjectsApart = (search: PassageSearch, question: string, concepts: readonly Concept[], hits: readonly ScoredPassage[]): Concept[] => {
  const names = concepts.filter((concept) => concept.entity && !/\d/u.test(concept.surface));
  if (names.length < 2 || names.length > MAX_SUBJECTS || !coordinated(question, names)) return [];
  const named = (concept: Concept): boolean => hits.some((hit) => search.covers(concept, hit.terms));
  const together = hits.some((hit) => names.every((concept) => search.covers(concept, hit.terms)));
  return !together && names.every(named) ? names : [];
};

/** What stands between names asked about side by side: "and", "or", a comma, "&", "vs", after a kind they share ("Swansea Learning City and Bristol"). */
const BETWEEN_SUBJECTS = /^\s*(?:(?:learning\s+)?(?:cities|city|towns?|regions?|communit(?:y|ies))\s*)?(?:,\s*(?:and\s+|or\s+)?|&\s*|and\s+|or\s+|vs\.?\s+|versus\s+)(?:the\s+)?$/i;

/** True when the names stand side by side in the question, one after another ("Swansea and Bristol", "Belfast, Swansea or Cork"), not one asked about the other ("did Bristol join UNESCO's network?"). */
const coordinated = (question: string, names: readonly Concept[]): boolean => {
  const spans = names.map((name) => namePattern(name).exec(question)).filter((found) => found !== null).sort((a, b) => a.index - b.index);
  if (spans.length !== names.length) return false;
  return spans.slice(1).every((span, i) => {
    const before = spans[i];
    return before !== undefined && BETWEEN_SUBJECTS.test(question.slice(before.index + before[0].length, span.index));
  });
};

/** A name's words in a pattern, any case, apart from other words. */
const namePattern = (subject: Concept): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${wordsPattern(subject, '[\\s-]+')}(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');

/** The name as the question writes it ("South Korea"), or as folded when the question spells it otherwise. */
const writtenAs = (question: string, subject: Concept): string => question.match(namePattern(subject))?.[0]?.replace(/['’]s$/u, '') ?? subject.surface;

/** The question about one of its subjects: the others' names taken out ("Tell me about Swansea and learning cities"). */
const withoutOthers = (question: string, subject: Concept, subjects: readonly Concept[]): string =>
  subjects.filter((other) => other !== subject).reduce((text, other) => text.replace(namePattern(other), ' '), question).replace(/\s{2,}/gu, ' ');

/**
 * The answers about each subject made one, in the question's order, each under its name: plain
 * only when each is plain, the passage quoted for each subject cited first, and a subject the
 * documents do not answer about said to be unanswered.
 */
const subjectBySubject = (question: string, parts: ReadonlyArray<{ name: string; answer: KnowledgeAnswer }>): KnowledgeAnswer => {
  const plain = parts.every((part) => part.answer.confidence === 'high');
  const text = parts
    .map(({ name, answer }) => {
      if (answer.noAnswer) return `${name}: the documents do not answer that.`;
      const said = answer.answer.startsWith(LOW_LEAD) ? answer.answer.slice(LOW_LEAD.length) : answer.answer;
      // "Japan: In as early as 1979…" names its subject already.
      return said.toLowerCase().startsWith(`${name.toLowerCase()}:`) ? said : `${name}: ${said}`;
    })
    .join('\n\n');
  const cited = [...parts.map((part) => part.answer.sources.slice(0, 1)), ...parts.map((part) => part.answer.sources.slice(1))].flat();
  const sources = cited.filter((source, i) => cited.findIndex((other) => other.passage === source.passage) === i).slice(0, Math.max(MAX_SOURCES, parts.length));
  // `more` shows first what the quoted passages hold beyond what was quoted, under the same names.
  const rest = parts.flatMap(({ name, answer }) => (answer.unquoted === undefined ? [] : [`${name}: ${answer.unquoted}`]));
  const answer = { question, noAnswer: false, confidence: plain ? ('high' as const) : ('low' as const), answer: plain ? text : `${LOW_LEAD}${text}`, sources, suggestions: [] };
  return rest.length === 0 ? answer : { ...answer, unquoted: rest.join('\n\n') };
};

/**
 * Answers a question from the passages with one of three confidences: `high` quotes the passage
 * that answers; `low` says plainly that the quoted passage is only the closest one; `none` says
 * what the documents lack and offers the nearest headings. With several collections, their
 * passages compete in one ranking.
 */
export const answerQuestion = (
  searches: PassageSearch | readonly PassageSearch[],
  question: string,
  model: ConfidenceModel = fittedConfidence,
  previous?: string,
  shown: readonly string[] = [],
  bySubject = true,
): KnowledgeAnswer => {
  const { asked, search, concepts, hits, form, features } = judgeQuestion(searches, question, previous, shown);
  // Read as a follow-up in any collection, the question keeps the subject of the one before for the next.
  const leansOn = previous === undefined ? undefined : collections(searches).map((one) => one.leansOn(asked, previous)).find((topic) => topic !== undefined);
  const topic = leansOn === undefined ? {} : { leansOn };
  if (concepts.length === 0) {
    return {
      question,
      noAnswer: true,
      confidence: 'none',
      answer: 'Please ask a question in words, for example "What is a learning city?"',
      sources: [],
      suggestions: [],
    };
  }
  const { type } = form;
  const best = hits[0];
  const confidence = decide(features, model);
  if (!best || confidence === 'none') {
    const note =
      !best ? undefined
      : features.mentionOnly ? mentionNote(search, concepts, best, form)
      : features.listedOnly ? listedNote(search, concepts, best, asked)
      : features.typeMissing ? formNote(form)
      : undefined;
    // `more` asks each subject again, past the passages shown.
    const subjects = bySubject && features.entityMissing ? subjectsApart(search, asked, concepts, hits) : [];
    if (subjects.length > 0) {
      const parts = subjects.map((subject) => ({ name: writtenAs(asked, subject), answer: answerQuestion(searches, withoutOthers(asked, subject, subjects), model, previous, shown, false) }));
      if (parts.some((part) => !part.answer.noAnswer)) return { ...subjectBySubject(question, parts), ...topic };
    }
    return { ...refusal(question, concepts, hits, note), ...topic };
  }
  const cited = hits.filter((hit) => hit.score >= best.score * RELATIVE_CUTOFF && hit.coverage > 0).slice(0, MAX_SOURCES);
  const sources: AnswerSource[] = cited.map(({ passage, score }) => ({
    source: passage.source,
    title: passage.title,
    passage: passage.text,
    score: Math.round(score * 1000) / 1000,
    ...(passage.page === undefined ? {} : { page: passage.page }),
  }));
  const quoted = quoteSentences(search, asked, concepts, cited, type, form.names === undefined ? undefined : namesBeyond(search, concepts, form.names, true));
  // The passage cited first is the one quoted; what `more` shows first is the rest of it.
  const first = cited[0]?.passage ?? best.passage;
  const text = quoted.length > 0 ? quoted.join('\n\n') : truncate(first.text, MAX_ANSWER_CHARS);
  const unquoted = unquotedOf(search, first, text);
  return {
    question,
    noAnswer: false,
    confidence,
    answer: confidence === 'high' ? text : `${LOW_LEAD}${text}`,
    sources,
    suggestions: [],
    ...(unquoted === undefined ? {} : { unquoted }),
    ...topic,
  };
};
