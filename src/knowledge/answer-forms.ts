import { askingPart } from './asker-context.js';
import { LIST_ITEM, RECURRENCE_SOURCE, answerCue, questionType, questionTypes, withoutPreamble, type QuestionType } from './quote.js';
import { isStopWord, stem, words } from './text.js';

/**
 * Answers whose form can be checked in the text: a sum of money, what an acronym stands for, a
 * list of so many things, who plays a part, how a goal turned out, and how to join.
 * A passage without that form does not answer, however well it matches the question's words
 * ("How much funding did each region get?" is not answered by "supported some 70 regions").
 */

/**
 * A question asking for a sum of money: "how much funding…", "what is the annual budget…", "does
 * it cost anything?", a fee ("is there a membership fee?"), or a budget, price or cost that a
 * what-question ends on however many words qualify it ("What is Wolverhampton's adult skills or
 * learning city budget?"), or whether it is free ("Is the toolkit free to download?"). "To budget
 * for" is a plan, not a sum.
 */
const MONEY_ASKED =
  /\bhow\s+much\b[^?.!]*\b(?:money|fund(?:s|ing|ed)?|budget|fees?|costs?|spen[dt]|pay|paid|grants?|invest(?:ed|ment)?|prices?|charges?)\b|\b(?:annual|yearly|monthly)\s+(?:budget|fee|subscription)\b|\bfees?\b|\b(?<!\bto\s+)(?:budget|price|cost)\s+(?:of|for)\b|\b(?:does|do|did|will)\s+(?:it|this|that|they|we|i)\s+cost\b|\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:budget|price|cost)\b(?!-)|\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s[^?.!]*\b(?:budget|price|cost)s?\s*\?|\bfree\s+(?:to\s+(?:download|join|use|access|attend)|of\s+charge)\b|\b(?:for|is\s+it|are\s+they)\s+free\b/i;

/** A sum of money in a text: a currency sign or name. */
const MONEY = /[£$€¥]|\b(?:euros?|pounds?\s+sterling|pounds|dollars?|gbp|usd|eur)\b/i;

/** True when the question asks for a sum of money. */
export const asksForMoney = (question: string): boolean => MONEY_ASKED.test(question);

/** True when the text gives a sum of money. */
export const givesMoney = (text: string): boolean => MONEY.test(text);

/** A person asked for by the part they play: who wrote, chaired, led or presented something, or whom to contact. */
export type RoleAsked = 'author' | 'chair' | 'leader' | 'presenter' | 'contact' | 'founder' | 'editor' | 'mayor' | 'doer';

/** Between "who" and its verb, within one sentence: "who wrote…", "who actually led…", "who was leading it…". */
const WHO_THEN = String.raw`\bwho\b[^?.!;]*?\b`;
/** "who is the…", "who's the…": the role named after it. */
const WHO_IS = String.raw`\bwho(?:'s|’s|\s+(?:is|was|are|were))\s+(?:the\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?`;
/** Each part, by the questions that ask who plays it. */
const ROLES_ASKED: ReadonlyArray<[RoleAsked, RegExp]> = [
  ['author', new RegExp(`${WHO_THEN}(?:wrote|writes|written|authored|produced|compiled|prepared)\\b|${WHO_IS}authors?\\b`, 'i')],
  ['chair', new RegExp(`${WHO_THEN}chair(?:s|ed)\\b|${WHO_IS}chair(?:man|woman|person)?\\b`, 'i')],
  ['leader', new RegExp(`${WHO_THEN}(?:led|leads|leading|runs|running|ran|heads|headed)\\b|${WHO_IS}(?:lead\\s+officer|leader|coordinator|director|head|manager|president|chief\\s+executive|ceo|secretary[\\s-]general)\\b`, 'i')],
  ['presenter', new RegExp(`${WHO_THEN}present(?:s|ed)\\b|${WHO_IS}presenter\\b|${WHO_THEN}(?:gave|gives|give|delivered|delivers)\\s+(?:the\\s+|this\\s+|that\\s+|a\\s+)?(?:(?!(?:on|after|before|about|to|for|at|in|during|of|from|with)\\b)['‘’"“”\\w:-]+\\s+){0,8}?(?:presentation|talk|lecture|speech|keynote)\\b`, 'i')],
  ['contact', new RegExp(`${WHO_IS}contact\\b|\\bcontact\\s+(?:person|details|name)\\b`, 'i')],
  ['founder', new RegExp(`${WHO_THEN}founded\\b|${WHO_IS}founders?\\b`, 'i')],
  ['editor', new RegExp(`${WHO_THEN}edited\\b|${WHO_IS}editors?\\b`, 'i')],
  ['mayor', new RegExp(`${WHO_IS}(?:lord\\s+)?mayor\\b`, 'i')],
  // Who did something a passage would say was done by someone: carried out, proposed, conducted, commissioned, designed, devised.
  ['doer', new RegExp(`${WHO_THEN}(?:carried\\s+out|carries\\s+out|proposed|proposes|conducted|conducts|commissioned|commissions|designed|designs|devised|devises|drafted|drafts|coined)\\b`, 'i')],
];

/** The words by which a text says who plays each part, or names someone as playing it ("written by…", "run by the council"). */
const ROLE_CUES: Readonly<Record<RoleAsked, RegExp>> = {
  author:
    /\b(?:wr[io]te|writes|written|writers?|authors?|authored)\b|\b(?:compiled|published|produced|prepared|developed)\s+by\b|\(\p{Lu}[\p{L}-]+,\s*(?:1[89]|20)\d\d\)|\bquoted\s+from\s+\p{Lu}/u,
  chair: /\bchair(?:s|ed|man|woman|person)?\b|\bpresided\b/i,
  leader: /\b(?:led|leads?|leader(?:ship)?|heads?|headed|directors?|coordinators?|managers?|officers?|chairs?|presidents?|presided|chief\s+executives?|secretar(?:y|ies)[\s-]general)\b|\b(?:run|managed|coordinated|organi[sz]ed|directed)\s+by\b/i,
  presenter: /\bpresent(?:ed|er|ers)\b|\b(?:given|delivered)\s+by\b/i,
  contact: /\bcontact\b|@|\b(?:e-?mail|phone|telephone|tel)\b/i,
  founder: /\bfound(?:ed|er|ers)\b|\b(?:established|launched|created|set\s+up)\s+by\b/i,
  editor: /\bedit(?:ed|or|ors)\b/i,
  mayor: /\bmayors?\b|\bmayoral\b/i,
  doer: /\bby\s+(?:the\s+)?\p{Lu}|\b(?:carried\s+out|proposed|conducted|commissioned|designed|devised|drafted|coined)\s+by\b/u,
};
/** What a refusal says the passages closest to the question lack. */
const ROLE_MISSING: Readonly<Record<RoleAsked, string>> = {
  author: 'name no author',
  chair: 'name no chair',
  leader: 'name no leader',
  presenter: 'name no presenter',
  contact: 'give no contact',
  founder: 'name no founder',
  editor: 'name no editor',
  mayor: 'name no mayor',
  doer: 'do not say who did it',
};

/** The part a person plays that the question asks who plays ("who wrote…?", "who is the lead officer…?"); undefined when it asks none. */
export const roleAsked = (question: string): RoleAsked | undefined => ROLES_ASKED.find(([, pattern]) => pattern.test(question))?.[0];

/** True when the text says who plays the part: by the part's own words, or someone named as doing it ("led by…"). */
export const namesRole = (text: string, role: RoleAsked): boolean => ROLE_CUES[role].test(text);

/**
 * Whether a goal was reached: "Did Victoria actually reach its 2020 goal…?", "did it actually
 * manage it?". A passage that only states the goal ("Victoria set a goal of being a leading
 * learning community by 2020") does not say how it turned out.
 */
const OUTCOME_ASKED =
  /\b(?:did|has|have|had)\s+(?:[\w,’'-]+\s+){0,6}?(?:actually\s+|really\s+|ever\s+)?(?:reach(?:ed)?|hit|meet|met|achieved?|attained?|managed?|fulfil+(?:ed)?|succeed(?:ed)?)\b[^?.!]*?\b(?:goals?|targets?|aims?|ambitions?|it|them)\b/i;
/**
 * A yes-or-no question whether something was managed by a year, whatever it was: "Did Victoria
 * actually manage to become (or "actually become") a leading learning community by 2020?" asks how a goal turned out;
 * "Did Birmingham manage to send its survey…?" asks what a passage may simply say was done.
 */
const MANAGED_ASKED = /^\s*(?:and\s+|so\s+)?(?:did|has|have|had)\s+(?:[\w,’'-]+\s+){0,10}?(?:manage[sd]?\s+to|succeed(?:ed|s)?\s+in|(?:actually|really|in\s+fact)\s+(?:become|became|get|got|turn|turned))\b[^?.!]{0,100}?\bby\s+(?:19|20)\d\d\b/i;
/**
 * Whether something had an effect, asked yes or no: "Did the Learning Cape framework reduce
 * unemployment?", "Do learning festivals actually increase adult participation?". A passage that
 * only says what the thing is does not say what it changed.
 */
const EFFECT_ASKED = /^\s*(?:(?:so|and|but)\s+)?how\s+(?:effective|successful|well)\s+(?:was|were|is|are|has|have|did)\b|\bwhat\s+(?:were|was|are|have\s+been)\s+the\s+(?:results?|outcomes?|impacts?|effects?)\s+of\s+(?:it|that|this|them)\b|\b(?:make|made|makes)\s+(?:a|any|much|a\s+real)\s+difference\b|^\s*(?:and\s+|so\s+|but\s+)?(?:do|does|did|has|have)\s+(?:[\w,’'-]+\s+){1,8}?(?:actually\s+|really\s+|in\s+fact\s+|ever\s+)?(?:reduced?|increased?|raised?|boost(?:ed)?|cut|lowered?|improved?|decreased?|halved?|doubled?)\s+(?:[\w’'-]+\s+){0,3}?(?:unemployment|participation|poverty|attainment|qualifications?|skills?|numbers?|rates?|levels?|crime|inequalit(?:y|ies)|exclusion|enrol+ments?|take-?up|earnings|incomes?|employment|wellbeing|health)\b/i;
/** Words that say how something turned out. */
const OUTCOME = /\b(?:achieved|reached|met|succeeded|successful(?:ly)?|managed|failed|fell\s+short|exceeded|results?|resulted|outcomes?|evaluations?|improved|rose|increased|fell|declined)\b/i;

/**
 * How to join something, or who may: "how do we join the GNLC?", "how can our city become a member
 * of…?", "how do cities get into the UNESCO network?", "can any city join…?", "who can join…?"; not
 * how many join; and what one must do to join ("does our mayor have to sign a letter to join…?"),
 * not "join up" or "join forces". A passage saying what the network is, or how many belong to it, does not say.
 */
const JOINING_ASKED = /(?:\bhow\b(?!\s+(?:many|much|often|long|soon)\b)|^\s*(?:can|could|may)\b|\bwho\s+(?:can|could|may)\b)[^?.!]*?\b(?:join|apply\s+(?:to\s+(?:join|become|be\s+(?:a\s+|an\s+)?(?:members?|part))|for\s+(?:membership|status|designation))|sign\s+up|enrol+|register|get\s+into\s+(?:[\w'’-]+\s+){0,5}?(?:network|association|programme|program|scheme)|become\s+(?:a\s+|an\s+)?(?:members?|part\s+of))\b|\b(?:have|has|need|needs|must)\s+to\s+[\w'’-]+[^?.!]{0,60}?\bto\s+join\b(?!\s+(?:up|forces|together|hands|in)\b)|\b(?:requirements?|conditions?|criteria)\s+(?:to|for|of)\s+(?:join(?:ing)?\b(?!\s+(?:up|forces|together|hands|in)\b)|membership)/i;
/** Words that say how one joins: an application, membership, criteria, signing up. */
const JOINING = /\b(?:join(?:s|ed|ing)?|appl(?:y|ies|ied|ying|ications?)|membership|sign(?:s|ed)?\s+up|enrol+(?:s|ed|ing|ment)?|register(?:s|ed)?|registration|admi(?:t|tted|ssion)|eligib\w*|criteria|nominat\w*|designat\w*)\b/i;

/** True when the question asks how to join something, or who may. */
export const asksJoining = (question: string): boolean => JOINING_ASKED.test(question);

/** True when the text says something of how one joins. */
export const saysHowToJoin = (text: string): boolean => JOINING.test(text);

/** True when the question asks whether a goal was reached. */
export const asksOutcome = (question: string): boolean => OUTCOME_ASKED.test(question) || MANAGED_ASKED.test(askingPart(question) ?? question) || EFFECT_ASKED.test(askingPart(question) ?? question);

/** True when the text says how something turned out. */
export const givesOutcome = (text: string): boolean => OUTCOME.test(text);

/** Kinds of thing that are known by their names: a question asking which of them asks for names. */
const NAMED_KINDS = String.raw`(?:cit(?:y|ies)|towns?|villages?|regions?|countr(?:y|ies)|provinces?|municipalit(?:y|ies)|boroughs?|counties|neighbou?rhoods?|universit(?:y|ies)|colleges?|organi[sz]ations?|partners?|experts?|funders?|sponsors?|ministr(?:y|ies)|agenc(?:y|ies)|foundations?|charit(?:y|ies)|publishers?|compan(?:y|ies)|firms?)`;
/** A word between "which" and the kind it asks about: no verb ("what is…"), article or preposition ("which aspects of a city…"). */
const KIND_GAP = String.raw`(?:(?!(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|makes?|made|a|an|the|of|in|for|to|on|at|by|with|from|about)\b)[\w’'-]+\s+)`;
/** What a kind of place or body may name in turn ("the learning cities association", "a city council"): then that is what is asked for. */
const BODY_AFTER = String.raw`(?!\s+(?:associations?|networks?|councils?|partnerships?|programmes?|programs?|projects?|schemes?|initiatives?|strateg(?:y|ies)|festivals?|charters?|declarations?|awards?|reports?|surveys?|congress(?:es)?)\b)`;
/**
 * "Which three Korean cities were the first…?", "which were the first three Korean cities…?", "which universities are partners in…?", "what are
 * the names of Bristol's universities?", "name the cities that…": a question whose answer is
 * names. The kind asked for is group 1, 2 or 3. Not "how many cities…" (a count), and not what they
 * are to do ("what universities are expected to do…", "what cities should do…").
 */
const NAMES_ASKED = new RegExp(
  String.raw`\b(?:which\s+(?:of\s+(?:the\s+|its\s+|their\s+)?)?|what\s+)(?:other\s+)?${KIND_GAP}{0,2}?(${NAMED_KINDS})\b${BODY_AFTER}(?!\s+(?:are|is)\s+(?:\w+\s+)?(?:expected|supposed|meant|required|asked|able|going)\s+to\b|\s+(?:should|must|can|could|would|will|need\s+to|ought\s+to)\b)|(?<!\bto\s)\bnames?\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|all\s+)?(?:other\s+)?${KIND_GAP}{0,2}?(${NAMED_KINDS})\b${BODY_AFTER}|^\s*which\s+(?:were|are|was|is)\s+(?:the\s+)?${KIND_GAP}{0,4}?(${NAMED_KINDS})\b(?!['’]s)${BODY_AFTER}`,
  'i',
);

/**
 * The kind of thing whose names the question asks for ("universities"); undefined when it asks for
 * none. A kind written with a capital is part of a name ("what Wolverhampton Learning City is
 * aiming for"), not what is asked for.
 */
export const namesAsked = (question: string): string | undefined => {
  const found = NAMES_ASKED.exec(question);
  const kind = found ? (found[1] ?? found[2] ?? found[3]) : undefined;
  if (kind === undefined) return NAME_ASKED.test(question) ? ANY_NAME : undefined;
  return /^\p{Lu}/u.test(kind) ? undefined : kind.toLowerCase();
};

/** What {@link namesAsked} returns for a name of anything ("What is the name of the association…?", "what was that report called?"). */
export const ANY_NAME = 'name';
/** A question asking what something is called, whatever it is. */
const NAME_ASKED =
  /\bwhat(?:'s|’s|\s+(?:is|was|are|were))\s+(?:the\s+|its\s+|their\s+)?names?\b|\bwhat\s+(?:is|was|are|were)\s+(?:[\w’'-]+\s+){1,4}?called\b|\bwhat\s+(?:do|did|does)\s+(?:[\w’'-]+\s+){1,4}?call\s+(?:it|them|this|that)\b/i;

/**
 * Kinds of thing {@link namesAsked} may return that are people: a place's name names none of them
 * ("…for example Venice" names no expert). Bodies are often named after their place ("University
 * of Bristol", "Birmingham City Council"), so for universities, partners or funders a place counts.
 */
const PEOPLE_KIND = /^experts?$/u;

/** True when the kind of thing asked for by name is a kind of people ("which experts…"). */
export const peopleAsked = (kind: string): boolean => PEOPLE_KIND.test(kind);

/** True when the text at `at` opens it, a sentence, a list item or what follows a label: only the few characters before are read. */
const opensSentence = (text: string, at: number): boolean => {
  const before = text.slice(Math.max(0, at - 8), at);
  return at <= 8 ? /^\s*(?:[-•*]\s*)?$/u.test(before) || /[.:;!?]\s*$/u.test(before) : /[.:;!?]\s*$/u.test(before);
};

/** A capitalised word: a name, or the first word of a sentence. */
const CAPITALISED = /(?<![\p{L}\p{N}’'-])(\p{Lu}[\p{L}’'-]*)/gu;

/**
 * True when the text names something the question does not: a capitalised word whose stem is not
 * among `asked` (the question's stems) and that `isNameWord` takes for a name rather than an
 * everyday word ("Its schools…", "Lifelong Education Law"). "Bristol is a great place to learn…
 * its universities are world-class" names no university for "which universities are partners in
 * Bristol Learning City?".
 */
export const namesOther = (text: string, asked: ReadonlySet<string>, isNameWord: (word: string, written: string) => boolean, openers = true): boolean => {
  for (const match of text.matchAll(CAPITALISED)) {
    // A word opening the text, a sentence or what follows a label ("Australia: Every state…") is capitalised whatever it is.
    if (!openers && opensSentence(text, match.index)) continue;
    const word = (match[1] ?? '').toLowerCase().replace(/[’']s$/u, '').replace(/[’'-]+$/u, '');
    if (word.length < 2 || isStopWord(word) || asked.has(stem(word))) continue;
    if (isNameWord(word, match[1] ?? word)) return true;
  }
  return false;
};

/** Ordinals from the second on, in words and figures; "first" is left out, as passages say it many ways ("1st", "initial", "launched"). */
const ORDINALS: Readonly<Record<string, number>> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};
const ORDINAL = /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:[2-9]|1[0-9])(?:nd|rd|th))\b/i;
/** Every ordinal in a text (`matchAll` reads from a copy, so one pattern serves every call). */
const EVERY_ORDINAL = new RegExp(ORDINAL.source, 'gi');
const ORDINAL_NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(ORDINALS).map(([word, n]) => [n, word]));
/** Events of a series that are held one after another ("the next congress", "the latest survey"). */
const HELD_SERIES = String.raw`(?:congress(?:es)?|conferences?|summits?|meetings?|surveys?|audits?|reports?|editions?|festivals?|awards?|forums?|assemblies|assembly)`;
/** Things that come in a series, numbered: "the second congress", "its third survey", "the second phase". */
const SERIES = String.raw`(?:${HELD_SERIES}|rounds?|declarations?|phases?|waves?|cycles?|sessions?)`;
/**
 * "the second International Congress…" asks about one event of a series: a text about the first
 * does not answer it. Not the place of an item in a list ("the second strand"), which a list
 * answers, nor "a second" of time.
 */
const ORDINAL_ASKED = new RegExp(String.raw`\b(?:the|its|their|a|an|[A-Za-z]{1,30}['’]s)\s+(?:[\w’'-]+\s+)?${ORDINAL.source}\s+(?:[\w’'-]+\s+){0,2}?${SERIES}\b`, 'i');

/** One of a series by its place in it (2 for "the second congress"), or the newest one held, or the next one to come. */
export type OrdinalAsked = number | 'latest' | 'next';

/**
 * "the most recent International Congress…", "the next conference", "an upcoming conference" (not
 * "the next phase", "the last phase" of a project: a held series, `HELD_SERIES`): the newest one
 * of a series (group 1), or the one to come (groups 2 and 3). A text about the first does not
 * answer either. "A recent survey" is any recent one.
 */
const LATEST_ASKED = new RegExp(
  String.raw`\b(?:(?:the|its|their)\s+(?:((?:most\s+)?recent|latest|newest|last)|(next|upcoming|forthcoming|coming))|an?\s+(upcoming|forthcoming))\s+(?:[\w’'-]+\s+){0,2}?${HELD_SERIES}\b`,
  'i',
);
/** What says that a text is about the newest one held ("the last congress", "most recently"), or about one to come. */
const GIVES_LATEST = new RegExp(String.raw`\b(?:latest|most\s+recent(?:ly)?|newest|recently|(?:last|current|recent)\s+(?:[\w’'-]+\s+){0,2}?${HELD_SERIES})\b`, 'i');
const GIVES_NEXT = /\b(?:next|upcoming|forthcoming|will\s+(?:be\s+)?(?:held|hosted|take\s+place|meet))\b/i;

/** Which one of a series the question asks about (2 for "the second congress", "latest", "next"); undefined when none. */
export const ordinalAsked = (question: string): OrdinalAsked | undefined => {
  const found = ORDINAL_ASKED.exec(question)?.[1]?.toLowerCase();
  if (found !== undefined) return ORDINALS[found] ?? Number.parseInt(found, 10);
  const when = LATEST_ASKED.exec(question);
  if (when === null) return undefined;
  return when[1] !== undefined ? 'latest' : 'next';
};

/** "the next one", "the most recent one", "the second one": one of a series the question before named. */
const ONE_OF_SERIES = /\b(?:the|its|their)\s+(?:(?:most\s+)?recent|latest|newest|last|next|upcoming|forthcoming|second|third|fourth|fifth|(?:[2-9]|1[0-9])(?:nd|rd|th))\s+(?:one|1)\b/i;
const SERIES_NAMED = new RegExp(String.raw`\b${HELD_SERIES}\b`, 'i');

/**
 * {@link ordinalAsked} of a follow-up that names its series only by "one" ("and when is the next
 * one?" after a question about the first congress): read with the series the question before named.
 */
export const ordinalAskedAfter = (question: string, previous: string): OrdinalAsked | undefined => {
  const one = ONE_OF_SERIES.exec(question);
  const series = SERIES_NAMED.exec(previous)?.[0];
  if (one === null || series === undefined) return undefined;
  return ordinalAsked(`${question.slice(0, one.index)}${one[0].replace(/\s+(?:one|1)$/i, ` ${series}`)}${question.slice(one.index + one[0].length)}`);
};

/** True when the text names that one of a series, in words or figures ("second", "2nd"), or says it is the newest one or one to come. */
export const givesOrdinal = (text: string, n: OrdinalAsked): boolean => {
  if (n === 'latest') return GIVES_LATEST.test(text);
  if (n === 'next') return GIVES_NEXT.test(text);
  for (const [found] of text.matchAll(EVERY_ORDINAL)) if ((ORDINALS[found.toLowerCase()] ?? Number.parseInt(found, 10)) === n) return true;
  return false;
};

/**
 * Which of several came out best or worst: "which component came out weakest", "which of the 33
 * elements got the best rating?", "which policy option comes top…?", "what… say were the city's
 * weakest areas?" (a "what" with its verb before the superlative, not "what did the best of them
 * do?"), in the asking part of the
 * message (not "I work for Swansea council, which came top… - how do we join?"); not a "best
 * practice", a "top-down" approach, a quoted term, nor advice ("which approach works best", "the
 * best way to…").
 */
const SUPERLATIVE = String.raw`(?:best|worst|strongest|weakest|highest|lowest|top|bottom|(?:most|least)\s+(?:successful|important|effective|useful|valuable|progress|advanced|active|influential|difficult|challenging|serious|pressing)|hardest|easiest|toughest|biggest|greatest|(?:matters?|counts?)\s+(?:the\s+)?most)`;
const RANKED_ASKED = new RegExp(String.raw`(?:\bwhich\b|\bwhat\b(?:(?![?.!]).){0,100}?\b(?:is|are|was|were)\b)(?:(?![?.!]).){0,80}?(?<![‘'"“])(?<!\bworks?\s+)\b${SUPERLATIVE}\b(?![-’'"”]|\s+(?:practices?|way|to)\b)`, 'i');
/** What ranks things: a superlative or an order of merit ("tops the list", "came out weakest", "the most…"). */
const RANKS = /\b(?:best|worst|tops?\s+(?:the\s+|its\s+)?(?:list|table|rankings?)|topped|came\s+(?:out\s+)?(?:top|bottom)|highest|lowest|strongest|weakest|the\s+most|the\s+least|largest|biggest|smallest|greatest|ranked|ranking)\b/i;
/** A question told of, not answered ("…gave …; and which of the 33 elements were our best features"): after "and", a semicolon or a verb of telling, up to the end of its clause. Not a relative clause ("Partnership, which scored highest, …"). */
const TOLD_OF_QUESTION = /(?:;\s*|\b(?:and|gave|give|gives|show|showed|shows|said|says|told|tells|asked|asks|identified|identifies|revealed|reveals)\s+)(?:which|what|whether)\b[^,;:.()]*/gi;

/**
 * When something ended: "when did Germany's programme come to an end?", "until when did it run?",
 * "when was the scheme scrapped?"; not "when did it last meet?", "end up", "end goals", "end-of-year",
 * "close the gap", nor a deadline ("when do applications close?"), which a date answers.
 */
const ENDING_ASKED =
  /\b(?:end|ended|finish|finished|closed|stopped|ceased|wound\s+up|discontinued|abolished|scrapped|expired|until\s+when|lasted|ran\s+out)\b(?![\s-]+(?:up|goals?|users?|results?|points?|of[\s-]+(?:the[\s-]+)?(?:year|term|day|month|week))\b)|\bdid\b[^?.!]{0,60}?\b(?:stop|close|cease|expire|finish|run\s+out|wind\s+up)\b/i;
/** What says when something ended: an end, a closing, a span of years ("2002-2005", "between 2001 and 2008"), "until". */
const GIVES_ENDING = /\b(?:ends?|ended|ending|finish(?:es|ed)?|closed|closure|stopped|ceased|wound\s+up|discontinued|abolished|scrapped|expire[sd]?|until|till|lasted|r[au]ns?\s+(?:from|until|to)|(?:1[5-9]|20)\d\d\s*(?:-|–|to)\s*(?:(?:1[5-9]|20)\d\d|\d\d)\b|between\s+(?:1[5-9]|20)\d\d\s+and\s+(?:1[5-9]|20)\d\d)\b(?![\s-]+(?:goals?|users?|up)\b)/i;

/** True when the text says when something ended, or over which years it ran. */
export const givesEnding = (text: string): boolean => GIVES_ENDING.test(text);

/** True when the text ranks things: says which came out best, worst, most or least, not only that some question of it was asked. */
export const ranksThem = (text: string): boolean => RANKS.test(text.replace(TOLD_OF_QUESTION, ' '));

/** A when question about something that happened once: the first time, or when something started ("when did it start?", "when was it founded?"); not "when were the festivals held?". */
const ONCE_ASKED = /\b(?:first|start|started|begin|began|begun|launch|launched|found|founded|establish|established|set\s+up|introduce|introduced|inaugural|create|created)\b/i;
/** A when question asking when something began ("when was it founded?", "when did it start?"): a date of something else it did does not answer. */
const BEGAN_ASKED = /\b(?:start|started|begin|began|begun|launch|launched|founded|establish|established|set\s+up|introduce|introduced|create|created|formed)\b/i;
/** Words telling that something began: founded, set up, launched, started, created, declared, enacted… */
const TELLS_BEGINNING = /\b(?:found(?:ed|ing|ation)|establish(?:ed|ing|ment)?|set\s+up|launch(?:ed|ing)?|start(?:ed|ing|s)?|began|begun|beginning|creat(?:ed|ing|ion)|form(?:ed|ation)|inaugurat\w*|introduc(?:ed|tion)|declared|proclaimed|enacted|adopted|signed|initiated|for\s+the\s+first\s+time)\b/i;

/** A place or body asked about on its own ("Africa alone", "Asia on its own", "just for Africa"): group 1 or 2 is its name. */
const ALONE_ASKED = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}-]+)\s+(?:alone|on\s+its\s+own|by\s+itself|separately)\b|\b(?:just|only)\s+(?:for\s+|in\s+)?(\p{Lu}[\p{L}-]+)(?![\p{L}\p{N}])/u;

/** The name the question asks about on its own, as written; undefined when it asks about none so. */
export const aloneAsked = (question: string): string | undefined => {
  const found = ALONE_ASKED.exec(question);
  return found === null ? undefined : (found[1] ?? found[2]);
};

/** True when the text speaks of the name on its own, not only together with another ("Africa and Asia"). */
export const saysAlone = (text: string, name: string): boolean => {
  const at = new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'u');
  if (!at.test(text)) return false;
  const together = new RegExp(`(?<![\\p{L}\\p{N}])(?:${name}\\s*(?:,|and|&|or)\\s*\\p{Lu}[\\p{L}-]+|\\p{Lu}[\\p{L}-]+\\s*(?:,|and|&|or)\\s*${name})(?![\\p{L}\\p{N}])`, 'u');
  return !together.test(text);
};

/** What follows for someone or something ("what happens to councils that don't join?", "what would happen if…"): a passage must tell of a consequence. */
const CONSEQUENCE_ASKED = /\bwhat\s+(?:happens|will\s+happen|would\s+happen)\s+(?:to|if|when)\b/i;
/** Words telling what follows: what will or would be, what a place is destined or bound to, a risk, being left or falling behind, losing, suffering, a result. */
const TELLS_CONSEQUENCE = /\b(?:will|would|risks?|destined|doomed|bound\s+to|end(?:s)?\s+up|leads?\s+to|led\s+to|faces?|left\s+behind|falls?\s+behind|fell\s+behind|los(?:e|es|ing|t)|suffer\w*|results?\s+in|consequen\w*|decline\w*|miss(?:es)?\s+out)\b/i;

/** True when the text tells of a consequence. */
export const tellsConsequence = (text: string): boolean => TELLS_CONSEQUENCE.test(text);

/** True when the text tells that something began. */
export const tellsBeginning = (text: string): boolean => TELLS_BEGINNING.test(text);

/** How often something happens (`RECURRENCE_SOURCE`): not a date. */
const RECURRENCE = new RegExp(String.raw`\b(?:${RECURRENCE_SOURCE})\b`, 'gi');

/** True when the text gives a date, not only how often something happens ("In South Africa, held every year, …" gives none). */
export const givesDate = (text: string): boolean => answerCue('when')?.test(text.replace(RECURRENCE, ' ')) ?? false;

/** A question about when a text was written or published ("…published?", "what year is it from?", "when did it come out?"): a credit line's year dates the text it credits, not what the text tells of. */
const PUBLISHED_ASKED = /\b(?:publish\w*|writ(?:e|es|ten|ing)|wrote|issued|released|printed|produced|drafted|dated|put\s+out|cited|credited|adapted|quoted|edition)\b|\b(?:from|c[ao]mes?\s+out)[\s?.!]*$/i;
/** A figure asked for as it is now: "how many are there now?", "…its membership today". */
const NOW_ASKED = /\b(?:now|today|currently|at\s+present|these\s+days|nowadays|to\s+date)\b/i;
/** A year of the last two centuries or this one: a figure given as of it is a past figure. */
const YEAR = /\b(?:1[89]|20)\d\d\b/;
/** Words that give a figure as current: "Now, LCN has 80 member cities". */
const NOW_SAID = /\b(?:now|today|currently|at\s+present|presently)\b/i;

/** True when a figure in the text may be the one asked for now: it is said to be current, or dated to no year. */
export const givesCurrentFigure = (text: string): boolean => NOW_SAID.test(text) || !YEAR.test(text);

/** A figure asked for as it was at a time past: a year, or when something began ("…when it was first set up in 1996?"). */
const THEN_ASKED = new RegExp(String.raw`${YEAR.source}|\bwhen\s+(?:it|they|the\s+[\w\s-]{1,40}?)\s+(?:was\s+|were\s+)?(?:first\s+)?(?:started|began|begun|launched|founded|set\s+up|established|created)\b`, 'i');

/** A count asked for since a year ("how many more have been designated since 2008?"): group 1 is the year. */
const SINCE_ASKED = /\b(?:since|after)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?((?:1[89]|20)\d\d)\b/i;

/** The year a how-many question counts from ("…since 2008?"); undefined when it counts from none. */
export const countedSince = (question: string): number | undefined => {
  const year = SINCE_ASKED.exec(question)?.[1];
  return year === undefined ? undefined : Number(year);
};

/** The patterns {@link givesFigureSince} reads a text with, per year: a range closing in it, and "since" it. A year is 1800–2099 ({@link SINCE_ASKED}), so few are ever kept. */
const SINCE_PATTERNS = new Map<number, { range: RegExp; since: RegExp }>();
const sincePatterns = (year: number): { range: RegExp; since: RegExp } => {
  let patterns = SINCE_PATTERNS.get(year);
  if (patterns === undefined) {
    patterns = {
      range: new RegExp(String.raw`\b(?:from\s+)?(?:1[89]|20)\d\d\s*(?:-|–|to|until)\s*${year}\b`, 'gi'),
      since: new RegExp(String.raw`\b(?:since|from|after)\s+(?:(?:the\s+)?[\w-]+\s+){0,6}?${year}\b`, 'i'),
    };
    // Any number may be passed in; the years a question can ask about are far fewer than this.
    if (SINCE_PATTERNS.size >= 400) SINCE_PATTERNS.clear();
    SINCE_PATTERNS.set(year, patterns);
  }
  return patterns;
};

/**
 * True when a figure in the text may be one counted since the year asked about: the text dates it
 * to a later year, says it counts since that year, or says it is current. "Up to 2008, a total of
 * 76…" does not say how many were added since 2008.
 */
export const givesFigureSince = (text: string, year: number): boolean => {
  const { range, since } = sincePatterns(year);
  // A year in brackets cites a source ("(UNESCO, 2010)"); one closing a range from an earlier year is as of that year.
  const said = text.replace(/\([^()]*\)/gu, ' ').replace(range, ' ');
  return (
    NOW_SAID.test(said) ||
    since.test(said) ||
    [...said.matchAll(/\b(?:1[89]|20)\d\d\b/g)].some((found) => Number(found[0]) > year)
  );
};

/** True when a figure in the text may be the one asked for as of a time past: it is not said to be the current one ("Now, LCN has 80…"). */
export const givesPastFigure = (text: string): boolean => !NOW_SAID.test(text);

/** Why one thing was chosen among others ("Why was Venice picked as the example…?"): a passage that only gives the example does not say why. */
const CHOICE_ASKED = /\bwhy\b[^?.!]{0,80}?\b(?:chosen|chose|choose|picked|pick|selected|select|singled\s+out|(?:used|given|cited|offered)\s+as)\b/i;

/** How long something takes to do ("How long does it take to fill in the survey?"): a year does not say. */
const SPAN_ASKED = /\bhow\s+long\s+(?:does|did|do|will|would|should|might)\b[^?.!]{0,60}?\btakes?\b/i;
/** A stretch of time: "20 minutes", "two days", "a few weeks". */
const GIVES_SPAN = /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several|some)\s+(?:[\w-]+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|terms?|sessions?)\b/i;
/** A time of year asked for ("Which month does the festival take place?", "what time of year is it held?"): a year does not say. */
const MONTH_ASKED = /\b(?:which|what)\s+(?:month|season|time\s+of\s+(?:the\s+)?year|day\s+of\s+the\s+week)\b|\bin\s+(?:which|what)\s+month\b/i;
/** A time of year: a month or season by name. "May" only with a capital, as a month is written. */
const GIVES_MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\b(?:spring|summer|autumn|fall|winter)(?:time)?\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b/;

/** True when the question asks how long something takes to do. */
export const asksSpan = (question: string): boolean => SPAN_ASKED.test(question);
/** True when the text gives a stretch of time. */
export const givesSpan = (text: string): boolean => GIVES_SPAN.test(text);
/** True when the question asks for a month, a season or a day of the week. */
export const asksMonth = (question: string): boolean => MONTH_ASKED.test(question);
/** True when the text names a month, a season or a day of the week. */
export const givesMonth = (text: string): boolean => GIVES_MONTH.test(text);

/** True when the text gives a figure: the answer cue of a how-many question (a number that is not a year). */
export const givesFigure = (text: string): boolean => answerCue('count')?.test(text) ?? false;

/** True when the text gives a reason: the answer cue of a why question ("because", "in order to", "in response to"…). */
export const givesReason = (text: string): boolean => answerCue('why')?.test(text) ?? false;

/** A figure asked for by name rather than by "how many" ("any stats?", "a stat on…", "put a number on it", "what overall score did…"): a sentence without one does not answer. */
const FIGURE_ASKED = /\b(?:stats?|statistics|figures)\b|\ba\s+(?:baseline\s+)?figure\b(?!\s+(?:of\s+speech|out)\b)|\bput\s+a\s+number\s+on\b|\b(?:a|the|any)\s+(?:minimum|maximum)\b|\bwhat\s+(?:(?:overall|average|total|final|actual)\s+)?(?:score|rating|mark)s?\s+(?:did|does|do|was|were|is|has|have|had)\b/i;

/** A share asked for ("what percentage of…", "what proportion…", "how many per cent"): a count that is no share does not answer. */
const SHARE_ASKED = /\b(?:what|which)\s+(?:\w+\s+)?(?:share|percentage|proportion|fraction)\b|\b(?:percentage|proportion)\s+of\b|\bpercentage\s*[?.!]*\s*$|\bper\s*cent\b|\bpercent\b/i;
/** A share given: a percentage, a fraction ("more than half", "a third"), a majority, "one in five". */
const GIVES_SHARE = /\d\s*%|\bper\s*cent\b|\bpercent(?:age)?\b|\bproportion\b|\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|majority|minority|fraction)\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)\b/i;

/** A percentage: a share, not a count of anything. */
const PERCENTAGES = /\d+(?:[.,]\d+)?\s*(?:%|per\s*cent\b|percent\b)/gi;

/** True when the text gives a figure other than a percentage: "just over 50% on these measures" counts no people. */
export const givesCount = (text: string): boolean => givesFigure(text.replace(PERCENTAGES, ' '));

/** True when the text gives a share ({@link GIVES_SHARE}). */
export const givesShare = (text: string): boolean => GIVES_SHARE.test(text);

/** Whether something goes on today ("does Birmingham still run the survey?", "is the network still going?"), asked yes or no, or which still do ("which of them are still active today?"). */
const STILL_ASKED = /^\s*(?:and\s+|so\s+)?(?:is|are|does|do|has|have|can)\b[^?.!]{0,60}?\bstill\b|\b(?:is|are)\s+(?:[\w'’-]+\s+){0,2}?still\s+(?:active|going|running|operating|in\s+(?:place|operation|existence)|members?|around)\b|\b(?:any\s*more|any\s+longer)\s*[?.!]*\s*$/i;
/** A sentence saying what goes on now, or goes on still. */
const GOES_ON = /\b(?:now|today|currently|at\s+present|presently|still|continues|continuing|ongoing|remains|every\s+year|each\s+year|annually)\b/i;

/**
 * How to do something oneself: "How do I carry out a stakeholder audit?", "how can our council
 * get started?", "What's the procedure for a municipality to get designated?", "What questions
 * should I put in a survey?". Not how a text describes something ("How does the ELLI define…?").
 */
const HOW_TO_ASKED =
  /^\s*(?:(?:so|and|ok|okay|but)[\s,]+|(?:[\w'’-]+\s+){0,3}?[\w'’-]+,\s*)?(?:how\s+(?:do|can|should|would|could|might)\s+(?:i|we|one|a\s+(?:council|city|town|municipality|region|local\s+authority)|our\s+[\w'’-]+|my\s+[\w'’-]+)\b|what(?:'s|’s|\s+is|\s+are)\s+the\s+(?:(?:application|joining|designation|selection|nomination)\s+)?(?:procedure|process|steps?)\b|what\s+(?:steps|questions)\s+should\s+(?:i|we)\b)/i;
/** Words that tell how something is done: a way, steps, what should or must be done, guidance. */
const TELLS_HOW = /\b(?:how\s+to|steps?|stages?|should|must|needs?\s+to|has\s+to|have\s+to|by\s+[\w'’-]+ing|guid(?:e|ance)|process|procedure|apply|application|criteria|starting\s+(?:point|with)|start\s+(?:by|with))\b/i;

/**
 * A choice between things asked for advice: "Should my council join the UNESCO network or the UK
 * network?", "Should a small town join A or B?", "which is better for a small town, …?", "is a
 * festival better than a campaign?", "which strand should a new town tackle first?", "are festivals good
 * value for money compared with other ways…?".
 */
const COMPARE_ASKED = /\b(?:should|would)\s+(?:i|we|my\s+[\w'’-]+|our\s+[\w'’-]+)\b[^?.!]{0,120}\bor\b|^\s*(?:(?:so|and|but)\s+)?should\s+(?:a|an|the|my|our|their|its|each|every)\s+(?:[\w'’-]+\s+){0,4}?(?:join|choose|pick|use|adopt|follow|start\s+with|go\s+(?:for|with)|prioriti[sz]e|focus\s+on|tackle|begin\s+with)\b[^?.!]{0,120}\bor\b|\bwhich\b[^?.!]{0,80}\bshould\b[^?.!]{0,80}\b(?:first|before\s+the\s+others)\s*[?.!]*\s*$|\b(?:which|what)\b[^?.!]{0,120}\bbetter\b|\bbetter\s+than\b|\bwhich\b[^?.!]{0,80}\bworks?\s+best\b|^\s*(?:(?:so|and|but)\s+)?(?:is|are|was|were|do|does|did)\b[^?.!]{0,100}?\b(?:good|bad|better|worse|high|low|strong|weak|effective|successful|cheap|expensive|value\s+for\s+money)\b[^?.!]{0,60}?\bcompared\s+(?:with|to)\b/i;
/** Words that weigh one thing against another. */
const COMPARES = /\b(?:better|worse|rather\s+than|instead\s+of|compared|comparison|whereas|unlike|prefer\w*|advantages?|disadvantages?)\b|\b(?:more|less|fewer)\s+(?:[\w'’-]+\s+){0,3}?than\b/i;

/** True when the question asks which of several choices to make. */
export const asksComparison = (question: string): boolean => COMPARE_ASKED.test(question);

/** True when the text weighs one thing against another. */
export const compares = (text: string): boolean => COMPARES.test(text);

/** True when the question asks how to do something oneself. */
export const asksHowTo = (question: string): boolean => HOW_TO_ASKED.test(question);

/** "a way of…", "ways to…": how to do what follows. */
const WAY_OF = /\b(?:an?|the|one|other)\s+(?:[\w'’-]+\s+)?ways?\s+(?:of|to)\b/i;

/**
 * True when the text tells how something is done. "A way of…" tells how to do what follows it,
 * not how to do what stands before it: "Learning festivals as a way of broadcasting the message"
 * tells how to get a message out, not how to organise a festival. `asked` says whether words
 * before it are what the question asks how to do.
 */
export const tellsHow = (text: string, asked: (before: string) => boolean = () => false): boolean => {
  if (TELLS_HOW.test(text)) return true;
  const way = WAY_OF.exec(text);
  return way !== null && !asked(text.slice(0, way.index));
};

/** True when the text says what goes on now: an answer to whether something still goes on. */
export const saysGoingOn = (text: string): boolean => GOES_ON.test(text);

/**
 * What came after a point asks about: "what became of the ELLI after its 1998 charter?", "what did
 * Germany do after the programme ended?", "did the score go up after 2004?", "has the network
 * grown since?". Group 1, when there is one, is the year after which.
 */
const LATER_ASKED =
  /\bwhat\s+(?:has\s+)?bec[oa]me\s+of\b|\b(?:the|that)\s+(?:following|next|subsequent)\s+years?\b|\b(?:after|since)\s+(?:the\s+|its\s+|their\s+|that\s+|this\s+)?(?:[\w'’-]+\s+){0,5}?(?:ended|finished|closed|expired|stopped|wound\s+up)\b|\b(?:go(?:ne)?|went|goes)\s+(?:up|down)\s+(?:after|since)\b|\b(?:grown|grew|risen|rose|fallen|fell|improved|increased|declined|changed|expanded)\b[^?.!]{0,40}\b(?:since|after)\b|\bwhat\s+(?:happened|has\s+happened|came|followed|did\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+do)\b[^?.!]{0,60}\b(?:after|since)\b/i;
/** A year in a question about what came after it. */
const AFTER_YEAR = /\b(?:after|since|beyond)\s+(?:the\s+|its\s+|their\s+)?((?:19|20)\d\d)\b/i;
/** Words that tell of what came later. */
const LATER = /\b(?:after(?:wards)?|later|since|subsequently|followed|went\s+on|goes\s+on|continues|continued|now|today|currently)\b/i;
/** A year in a text, not one closing a citation ("Longworth (2006)", "(Longworth, 2010)"): that dates a source, not what it tells. */
const YEAR_IN = /\b(?:19|20)\d\d\b(?!\s*\))/g;

/** What the question asks came after, when it asks so: the year after which, or 0 when it names none. */
export const laterAsked = (question: string): number | undefined => {
  const year = AFTER_YEAR.exec(question);
  if (year === null && !LATER_ASKED.test(question)) return undefined;
  return Number(year?.[1] ?? 0);
};

/** True when the text tells of something after the point asked about: a later year, or words of what followed. */
export const tellsLater = (text: string, after: number): boolean =>
  LATER.test(text) || (after > 0 && [...text.matchAll(YEAR_IN)].some((year) => Number(year[0]) > after));

/** "What does TELS stand for?", "what is ELLI short for?", "what does the acronym PALLACE mean?" */
const ACRONYM_ASKED = [
  /\b(?:does|do|did)\s+(?:the\s+)?(?:acronym\s+|abbreviation\s+|initials\s+)?(\p{Lu}[\p{Lu}\p{Ll}&]{1,11})\s+(?:acronym\s+|abbreviation\s+|initials\s+)?stand\s+for\b/u,
  /\b(\p{Lu}[\p{Lu}\p{Ll}&]{1,11})\s+(?:is\s+)?short\s+for\b/u,
  /\b(?:acronym|abbreviation|initials)\s+(\p{Lu}[\p{Lu}\p{Ll}&]{1,11})\s+(?:mean|stand)/u,
];

/** The acronym whose long form the question asks for, in capitals; undefined when it asks for none. */
export const acronymAsked = (question: string): string | undefined => {
  for (const pattern of ACRONYM_ASKED) {
    const found = pattern.exec(question)?.[1];
    // At least two capitals: "what does Birmingham stand for?" asks about values, not letters.
    if (found !== undefined && (found.match(/\p{Lu}/gu)?.length ?? 0) >= 2) return found.replace(/[^\p{Lu}]/gu, '');
  }
  return undefined;
};

/** Small words a long form may hold without a letter of its own ("Towards a European Learning Society"). */
export const SKIPPABLE = new Set(['a', 'an', 'the', 'of', 'and', 'for', 'in', 'on', 'to', 'at', 'by', 'with', '&']);

/**
 * True when the text spells out the acronym: words, one after another, whose first letters are its
 * letters in order, small words allowed between them ("Towards a European Learning Society" for
 * TELS, "Global Network of Learning Cities" for GNLC).
 */
export const spellsOut = (text: string, acronym: string): boolean => {
  const letters = acronym.toLowerCase();
  if (letters.length < 2) return false;
  const tokens = text.toLowerCase().match(/[\p{L}&]+/gu) ?? [];
  const matchFrom = (token: number, letter: number): boolean => {
    if (letter === letters.length) return true;
    const word = tokens[token];
    if (word === undefined) return false;
    if (word.startsWith(letters[letter] ?? '') && matchFrom(token + 1, letter + 1)) return true;
    return letter > 0 && SKIPPABLE.has(word) && matchFrom(token + 1, letter);
  };
  for (let start = 0; start < tokens.length; start++) if (tokens[start]?.startsWith(letters[0] ?? '') && matchFrom(start, 0)) return true;
  return false;
};

const NUMBER_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
/** Numbers up to twelve as words, as a refusal says them ("list no five of them"). */
const NUMBER_NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(NUMBER_WORDS).map(([word, n]) => [n, word]));
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
/** The number a {@link COUNT} match says, in words or figures ("three", "3"). */
const countOf = (said: string): number => NUMBER_WORDS[said.toLowerCase()] ?? Number(said);
/** "What are the five key components…?", "Which three Korean cities…?", "list the 33 elements": a list of so many things. */
const ITEMS_ASKED = [
  new RegExp(`\\b(?:what|which)\\s+(?:(?:are|were|is|was)\\s+)?(?:the\\s+|its\\s+|their\\s+)?(?:other\\s+)?${COUNT}\\s+(?!years?\\b|months?\\b|weeks?\\b|days?\\b|times?\\b|per\\b|percent\\b|%)[\\p{L}]`, 'iu'),
  new RegExp(`\\b(?:list|name)\\s+(?:of\\s+)?(?:all\\s+)?(?:the\\s+|its\\s+|their\\s+)?(?:other\\s+)?${COUNT}\\s+[\\p{L}]`, 'iu'),
];

/** How many things the question asks to be listed; undefined when it asks for no list of a given length. */
export const itemsAsked = (question: string): number | undefined => {
  for (const pattern of ITEMS_ASKED) {
    const found = pattern.exec(question)?.[1]?.toLowerCase();
    if (found === undefined) continue;
    const n = countOf(found);
    if (n >= 2) return n;
  }
  return undefined;
};

/** Words that qualify the kind counted ("the other three key pillars"), not name it. */
const OTHERS_MODIFIER = String.raw`(?:key|main|major|big|core|central|principal|primary|important|basic|essential|fundamental)`;
/**
 * "What are the other three pillars…?", "Learning Cape other three pillars", "the remaining two
 * themes": the others of a counted set, one of which the question names. Group 1 is how many,
 * group 2 the words naming the kind, group 3 a word after them that may name it instead.
 */
const OTHERS_ASKED = new RegExp(`\\b(?:other|remaining)\\s+${COUNT}\\s+((?:${OTHERS_MODIFIER}\\s+)?[\\p{L}'’-]+)(?:\\s+([\\p{Ll}'’-]+))?`, 'iu');
/** The others of a set are listed: more than this many are a figure, not a list ("the other 70 regions"). */
const MAX_OTHERS = 12;
/** A word that looks like an adjective by its ending ("international", "important", "active"): the kind follows it. */
const ADJECTIVE = /(?:al|ant|ent|ive|ic|ous|ful|ed|ing|ary|ory|ible|able|ish|less)$/u;
/** Words after the number that are no kind of thing: "the other three ones". */
const NO_KIND = /^(?:ones?|of|more|too|as|still)$/u;

/** The others of a counted set a question asks for: how many, and of what kind. */
export interface OthersAsked {
  count: number;
  /** The stem of the kind ("pillar"). */
  kind: string;
  /** The kind as the question words it ("pillars"), for a refusal. */
  said: string;
}

/** {@link OthersAsked} of a question; undefined when it asks for no others of a set. */
export const othersAsked = (question: string): OthersAsked | undefined => {
  const found = OTHERS_ASKED.exec(question);
  const counted = found?.[1]?.toLowerCase();
  if (found === null || counted === undefined) return undefined;
  const count = countOf(counted);
  if (!(count >= 1 && count <= MAX_OTHERS)) return undefined;
  // "key pillars": the kind is the last word; "two international efforts": the word after an adjective, written in lower case.
  const first = (found[2] ?? '').split(/\s+/u).at(-1)?.toLowerCase() ?? '';
  const next = found[3]?.toLowerCase();
  const said = next !== undefined && !isStopWord(next) && !NO_KIND.test(next) && ADJECTIVE.test(first) ? next : first;
  return said !== '' && !isStopWord(said) && !NO_KIND.test(said) ? { count, kind: stem(said), said } : undefined;
};

/** "one of the four key pillars": a set counted, of which the text names one. */
const ONE_OF_COUNTED = new RegExp(`\\bone\\s+of\\s+(?:the\\s+|its\\s+|their\\s+|our\\s+)?${COUNT}\\s+((?:${OTHERS_MODIFIER}\\s+)?[\\p{L}'’-]+)`, 'giu');

/**
 * True when the text counts the set the others are asked from and names only one of them ("…as one
 * of the four key pillars for economic and social development" lists no other pillar).
 */
export const countsOneOf = (text: string, others: OthersAsked): boolean => {
  for (const match of text.matchAll(ONE_OF_COUNTED)) {
    const kind = (match[2] ?? '').split(/\s+/u).at(-1) ?? '';
    if (countOf(match[1] ?? '') === others.count + 1 && stem(kind.toLowerCase()) === others.kind) return true;
  }
  return false;
};

/** "How many councils…", "the number of sessions": what is counted is named right after them. */
const COUNTED_ASKED = /\b(?:how\s+many|(?:total\s+)?number\s+of)\s+((?:[\p{L}'’-]+(?:\s+|$)){0,3})/iu;

/**
 * The words naming what a how-many question counts: those after "how many" up to the first stop
 * word ("councils" of "how many councils belong…?", "Korean local governments" of "how many Korean
 * local governments…"). Undefined when it asks no such count.
 */
export const countedAsked = (question: string): string[] | undefined => {
  const after = COUNTED_ASKED.exec(question)?.[1];
  if (after === undefined) return undefined;
  const named = words(after);
  // Up to a stop word, or a word saying what the counted do ("people living in cities", "people
  // attended festivals"): one ending in -ing or -ed before a stop word or after a plural. Not one
  // saying what they are ("Korean learning cities", "EU funded projects").
  const end = named.findIndex(
    (word, i) => isStopWord(word) || (i > 0 && /(?:ing|ed)$/u.test(word) && (named[i + 1] === undefined || isStopWord(named[i + 1] ?? '') || /(?:s|people)$/u.test(named[i - 1] ?? ''))),
  );
  const counted = end === -1 ? named : named.slice(0, end);
  return counted.length > 0 ? counted : undefined;
};

/** A figure: digits, or a number written out. */
const FIGURE = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens)$/u;
/** Words after a figure that may stand before what it counts: "80 member cities", "three rather synchronised international efforts". */
const COUNTED_WITHIN = 4;

/**
 * True when the sentence counts what `counts` recognises: a figure followed, within a few words,
 * by it ("around 200 cities", "LCN has 80 member cities"). "Municipalities of more than 5,000
 * people" gives no number of municipalities.
 */
export const countsThe = (text: string, counts: (stems: readonly string[], at: number) => boolean): boolean => {
  const said = words(text);
  const stems = said.map(stem);
  for (let i = 0; i < said.length; i++) {
    if (!FIGURE.test(said[i] ?? '') || /^(?:1[5-9]|20)\d\d$/u.test(said[i] ?? '')) continue;
    for (let at = i + 1; at <= i + COUNTED_WITHIN && at < stems.length; at++) if (counts(stems, at)) return true;
  }
  return false;
};

/**
 * The most things the text lists in one place: list items one after another, or parts of one line
 * separated by commas or semicolons, with a last one after "and" or "or" ("partnership,
 * participation and performance" is three).
 */
export const longestList = (text: string): number => {
  let longest = 0;
  let run = 0;
  for (const line of text.split(/\n+/u)) {
    run = LIST_ITEM.test(line) ? run + 1 : 0;
    longest = Math.max(longest, run);
    for (const sentence of line.split(/(?<=[.!?])\s+/u)) longest = Math.max(longest, listedIn(sentence));
  }
  return longest;
};

/** Words an item of a list run in with commas has at most: "one of the nine provinces in South Africa" is an aside, not an item. */
const LIST_ITEM_WORDS = 6;

/**
 * How many things one sentence lists: parts between semicolons, or short parts between commas,
 * after any lead-in ending in a colon. A run of commas ending in "and" or "or" also counts the
 * item the lead carries ("…for the fostering of personal growth, the maintenance of social
 * cohesion, and the creation of prosperity" is three). Commas around asides ("In 2001, the
 * Western Cape, one of the nine provinces in South Africa, started…") list nothing.
 */
const listedIn = (sentence: string): number => {
  const body = sentence.slice(sentence.indexOf(': ') + 1);
  const separator = body.includes(';') ? ';' : ',';
  const parts = body.split(separator);
  if (parts.length < 2) return 0;
  const wordsIn = (part: string): number => part.trim().split(/\s+/u).filter((word) => word !== '').length;
  const opensWithAnd = (part: string): boolean => /^\s*(?:and|or)\s/i.test(part);
  const joined = (part: string): boolean => /\s(?:and|or)\s/i.test(part) && !opensWithAnd(part);
  const lastPart = parts.at(-1) ?? '';
  if (separator === ';') return parts.length + (joined(lastPart) ? 1 : 0);
  // The last part may run on after its item ("…and other services more efficiently than elsewhere").
  const itemOf = (part: string, i: number): string => (i === parts.length - 1 && joined(part) ? (part.split(/\s(?:and|or)\s/i)[0] ?? '') : part.replace(/^\s*(?:and|or)\s/i, ''));
  const short = parts.map((part, i) => wordsIn(itemOf(part, i)) <= LIST_ITEM_WORDS);
  let best = 0;
  let run = 0;
  for (const isShort of short) {
    run = isShort ? run + 1 : 0;
    best = Math.max(best, run);
  }
  // A run of short parts up to a last one with "and" or "or": the items, the one joined in, and the one the lead carries.
  let trailing = 0;
  for (let i = parts.length - 1; i >= 0 && short[i]; i--) trailing++;
  if (trailing > 0 && (joined(lastPart) || opensWithAnd(lastPart))) {
    best = Math.max(best, trailing + (joined(lastPart) ? 1 : 0) + (trailing < parts.length ? 1 : 0));
  }
  return best >= 2 ? best : 0;
};

/** A question told within a sentence: "my manager wants a stat on how many cities…", "wondering why Swansea…"; not words looked up ("gnlc membership cost when joining"). */
const TOLD_QUESTION = /\b(?:know|knows|wondering|wonder|ask(?:s|ed|ing)?|wants?|need(?:s)?|tell\s+(?:me|us)|find\s+out|work\s+out|understand|learn|explain|interested|keen|curious|sure|question|stats?|statistics?|figures?)\b[^?.!]{0,40}?\b(?:how|whether|why|when|where|who|which|what)\s+[a-z'’]+/i;

/**
 * True when a message asks something ("what is the limerick declaration?", "tell me about…", "my
 * manager wants to know how many…"), rather than listing words to look up ("stakeholder audits
 * learning cities regions access").
 */
const asks = (question: string): boolean =>
  /\?/u.test(question) ||
  /^\s*(?:what|whats|how|why|when|where|who|whom|whose|which|does|do|did|is|are|was|were|can|could|should|would|will|has|have|tell|explain|describe|define)\b/i.test(withoutPreamble(question)) ||
  TOLD_QUESTION.test(question);

/**
 * Words to look up ("wolverhampton learning city budget", "swansea learning city coordinator
 * name") ask for a form by its noun alone, as a question asks by its wording: a sum, or someone in
 * a part.
 */
const LISTED_MONEY = /\b(?:budgets?|costs?|fees?|prices?|spending|spend)\b/i;
/** Words looked up that ask for a date ("Learning City Toolkit publication date"). */
const LISTED_DATE = /\b(?:date|dates|dated)\b/i;
const LISTED_ROLES: ReadonlyArray<[RoleAsked, RegExp]> = [
  ['author', /\bauthors?\b/i],
  ['chair', /\bchair(?:man|woman|person)?\b/i],
  ['leader', /\b(?:lead\s+officer|leaders?|coordinators?|directors?|managers?)\b/i],
  ['contact', /\bcontacts?\b/i],
  ['founder', /\bfounders?\b/i],
];

/** A source asked for ("…source?", "references", "link"), or a work that may be one ("Vancouver's lifelong learning strategy", "the report"). */
const SOURCE_NAMED = /\b(?:sources?|references?|links?|citations?|cited|strateg(?:y|ies)|reports?|plans?|charters?|books?|papers?|documents?|stud(?:y|ies)|publications?|declarations?)\b/i;

/**
 * True when a credit line ("Source: …, 2006.") may answer the message: it names the words to look
 * up rather than asking ("vancouver lifelong learning strategy 2006"), asks where something comes
 * from ("where was that list adapted from?", "which author is it quoted from?"), or asks about a
 * work that may be the one credited ("whats the lifelong learning strategy of vancouver"). "Is
 * Vancouver a learning city?" is not answered by a passage that only credits Vancouver's strategy.
 */
export const creditsAsked = (question: string): boolean => !asks(question) || PUBLISHED_ASKED.test(question) || SOURCE_NAMED.test(question);

/**
 * A question asking for a web address: "what is the GNLC's website address?", "url for the
 * toolkit", "vancouver learning city strategy link?", "what's their website?". Not where the asker
 * read something ("what does the website say…") nor a link between two things.
 */
const LINK_ASKED =
  /\bweb\s*(?:site\s+)?address(?:es)?\b|\burls?\b|\b(?:web\s*site|homepage|web\s*page)\s+(?:link|url)s?\b|\b(?:a|the|any|their|its)\s+(?:web\s+)?links?\s+(?:to|for)\s+(?:the\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:web\s*site|site|page|homepage|report|strategy|document|toolkit|guide)\b|\b(?:send|give|share|post)\s+(?:me|us)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,4}?link\b|(?<!\b(?:international|national|global|local|regional|strong|close|direct|causal|clear|missing)\s+)\blink\s*[?.!]*\s*$|\b(?:have|has)\s+(?:a|an)\s+(?:web\s*site|homepage)\b|\bwhat(?:'s|’s|\s+is|\s+are)\s+(?:the\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?(?:web\s*sites?|homepages?)(?:\s+(?:for|of)\b|\s*[?.!]*\s*$)/i;

/** "link" as a relation: "a link between…", "does it link to the strategy?", "is learning linked to health?". */
const LINK_AS_RELATION = /\bbetween\b|\b(?:does|do|did|is|are|was|were|can|could|should|will|would|how)\b[^?.!]{0,60}?(?<!\b(?:a|an|the|any|their|its|web)\s+)\blink(?:s|ed|ing)?\s+(?:to|with|up|in)\b/i;

/** A web address in a text: a scheme, "www." or a lower-case domain name. */
const LINK = /\bhttps?:\/\/|\bwww\.|(?<![\p{L}\p{N}.-])[a-z0-9-]*[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:org|com|net|gov|int|edu|uk|ca|eu|au|de|io|info)(?![\p{L}\p{N}])/u;

/** True when the question asks for a web address, not for a link between two things. */
export const asksForLink = (question: string): boolean => LINK_ASKED.test(question) && !LINK_AS_RELATION.test(question);

/** True when the text gives a web address. */
export const givesLink = (text: string): boolean => LINK.test(text);

/**
 * A question about what a work holds: what it covers, contains, discusses or asks ("What does
 * session 4.3 of the active learning materials cover?", "what questions does the audit ask?").
 */
const CONTENTS_ASKED =
  /\b(?:what|which)\b(?:[^?.!]|\.(?=\d)){0,80}?\b(?:cover(?:s|ed)?|contain(?:s|ed)?|ask(?:s|ed)?|discuss(?:es|ed)?|teach(?:es)?|address(?:es|ed)?)\b|\b(?:what|which)\s+(?:[\w'’-]+\s+){0,2}?(?:questions|topics?|subjects?|themes?)\b|\bwhat(?:'s|’s|\s+is)\s+in\b/i;
/** A passage that only points to works elsewhere: headed "Learn more", "Further reading" or "Resources", or leading into such a list ("Learn More From:", "You can also access…"). */
const POINTER_HEADING = /^\s*(?:(?:learn|read|find\s+out)\s+more\b|further\s+(?:reading|information|resources)\b|see\s+also\b|(?:useful\s+)?(?:links|resources|references)\s*(?::|$))/i;
const POINTER_LEAD = /^\s*(?:(?:learn|read|find\s+out)\s+more\s+(?:from|at|in)\b|you\s+can\s+(?:also\s+)?(?:access|find|download|read)\b|further\s+reading\b|see\s+also\b)/im;

/** True when the passage only points to works elsewhere (see {@link POINTER_HEADING}): it names them, it does not say what they hold. */
export const onlyPoints = (heading: string, text: string): boolean => POINTER_HEADING.test(heading) || POINTER_LEAD.test(text);

/** A question answered yes or no: its asking part opens with a verb ("Is Retford…?", "Have Sheffield and Hull taken up…?"). */
const YES_NO = /^\s*(?:is|are|was|were|isn't|aren't|wasn't|do|does|did|don't|doesn't|didn't|has|have|had|hasn't|haven't|can|could|should|would|will)\b/i;

/** True when the question asks yes or no: its asking part (see `askingPart`), after a polite preamble ("can you tell me whether…"). */
const asksYesNo = (asking: string): boolean => {
  const part = asking.replace(/’/gu, "'");
  const rest = withoutPreamble(part);
  return YES_NO.test(rest) || /\b(?:whether|if)\s*$/i.test(part.slice(0, part.length - rest.length));
};

/** What a question asks for, read once per question: every passage judged for it is checked against the same form. */
export interface AskedForm {
  type: QuestionType;
  /** A sum of money. */
  money: boolean;
  /** A list of so many things. */
  items: number | undefined;
  /** The long form of this acronym. */
  acronym: string | undefined;
  /** Who plays this part ("who wrote…?"). */
  role: RoleAsked | undefined;
  /** Whether a goal was reached ("did it actually hit its 2020 target?"). */
  outcome: boolean;
  /** How to join something ("how do we join the GNLC?"). */
  joining: boolean;
  /** A web address ("what is the GNLC's website address?"). */
  link: boolean;
  /** The kind of thing whose names it asks for ("which universities…?"): its answering sentences must name one. */
  names: string | undefined;
  /** Which one of a series it asks about ("the second congress"): the passage must name that one. */
  ordinal: OrdinalAsked | undefined;
  /** A count asked for as it is now ("how many are there now?"): one dated to a past year does not answer. */
  current: boolean;
  /** The year a count is asked since ("how many more since 2008?"): a figure dated up to that year does not answer. */
  since: number | undefined;
  /** A count asked for as it was then ("how many members did it have in 1996?"): one said to be current does not answer. */
  past: boolean;
  /** The message asks, rather than lists words to look up. */
  asks: boolean;
  /** It asks yes or no ("Is Retford a learning town?"), not what, when or who. */
  yesNo: boolean;
  /** The others of a counted set, one of which it names ("the other three pillars"): the passage must list them. */
  others: OthersAsked | undefined;
  /** The forms a sentence's words can show that it asks for, a date or a count: one is enough ("when…, and how many…?"). */
  checked: QuestionType[];
  /** The words naming what a how-many question counts ("councils"): a passage that speaks of it must give a figure of it. */
  counted: string[] | undefined;
  /** It asks which of several came out best or worst ("which of the 33 elements scored worst?"): the passage must rank them. */
  ranked: boolean;
  /** It asks when something ended ("when did the programme come to an end?"): a date it began does not answer. */
  ending: boolean;
  /** It asks when something was written or published: the year of a source's credit line answers it. */
  published: boolean;
  /** It asks when something happened the first time, or started ("When was the first festival held?", "when did it start?"): "held every year" does not answer it. */
  once: boolean;
  /** It asks for a figure by name ("any stats?"): the passage must give a number. */
  figure: boolean;
  /** It asks when something began ("when was the IAEC founded?"): the passage must tell of a beginning, not only date something else. */
  began: boolean;
  /** A name asked about on its own ("Africa alone"): the passage must speak of it so, not only together with another. */
  alone: string | undefined;
  /** It asks what follows for someone ("what happens to councils that don't join?"): the passage must tell of a consequence. */
  consequence: boolean;
  /** It asks for a share ("what percentage of the world's population…?"): the passage must give one, not only a count. */
  share: boolean;
  /** It asks how long something takes to do ("how long does the survey take?"): the passage must give a stretch of time. */
  span: boolean;
  /** It asks for a time of year ("which month is the festival?"): the passage must name a month or season. */
  month: boolean;
  /** It asks why one thing was chosen ("Why was Venice picked as the example…?"): the passage must give a reason. */
  choice: boolean;
  /** It asks whether something still goes on ("does Birmingham still run the survey every year?"): a passage telling only of its past does not answer. */
  still: boolean;
  /** It asks how to do something oneself ("How do I carry out a stakeholder audit?"): a passage that only names the thing does not say how. */
  howTo: boolean;
  /** It asks which of several choices to make ("Should my council join A or B?"): the passage must weigh them. */
  compare: boolean;
  /** It asks what came after a point ("what became of the ELLI after its 1998 charter?"): the year after which, 0 for none named; a passage telling only of that point does not answer. */
  later: number | undefined;
  /** It asks what a work covers, contains or asks ("what topics do sessions 8.4 and 8.5 cover?"): a passage that only points to the work does not answer. */
  contents: boolean;
}

/** {@link AskedForm} of a question; `type` when the caller has read it already. */
export const askedForm = (question: string, type: QuestionType = questionType(question)): AskedForm => {
  // Every type the question asks and whether it asks for now, read once: several forms depend on them.
  const types = questionTypes(question);
  const count = types.includes('count');
  const now = NOW_ASKED.test(question);
  const asking = asks(question);
  // What the asker says about themselves is left out where only the question itself counts.
  const part = askingPart(question) ?? question;
  const since = count ? countedSince(question) : undefined;
  return {
    type,
    money: asksForMoney(question) || (!asking && LISTED_MONEY.test(question)),
    items: itemsAsked(question),
    others: othersAsked(question),
    acronym: acronymAsked(question),
    role: roleAsked(question) ?? (asking ? undefined : LISTED_ROLES.find(([, pattern]) => pattern.test(question))?.[0]),
    outcome: asksOutcome(question),
    joining: asksJoining(question),
    link: asksForLink(question),
    names: namesAsked(question),
    ordinal: ordinalAsked(question),
    current: now && count,
    since,
    past: !now && count && since === undefined && THEN_ASKED.test(question),
    asks: asking,
    yesNo: asksYesNo(part),
    checked: type === 'when' || type === 'count' ? types.filter((asked) => asked === 'when' || asked === 'count') : !asking && LISTED_DATE.test(question) ? ['when'] : [],
    counted: count ? countedAsked(question) : undefined,
    ranked: RANKED_ASKED.test(part),
    ending: type === 'when' && ENDING_ASKED.test(question),
    published: PUBLISHED_ASKED.test(question),
    once: type === 'when' && ONCE_ASKED.test(question),
    began: type === 'when' && BEGAN_ASKED.test(part),
    alone: aloneAsked(part),
    consequence: CONSEQUENCE_ASKED.test(part),
    contents: CONTENTS_ASKED.test(part),
    still: STILL_ASKED.test(part),
    later: laterAsked(part),
    howTo: asksHowTo(part),
    compare: asksComparison(part),
    choice: CHOICE_ASKED.test(part),
    figure: FIGURE_ASKED.test(question),
    share: SHARE_ASKED.test(part),
    span: asksSpan(part),
    month: asksMonth(part),
  };
};

/** True when the question asks for an answer of a form a passage can be checked for: a date or count, a sum, a list of so many, a long form, a person, an outcome or how to join. */
export const formAsked = (form: AskedForm): boolean =>
  form.checked.length > 0 || form.ranked || form.ending || form.money || form.items !== undefined || form.others !== undefined || form.acronym !== undefined || form.role !== undefined || form.outcome || form.joining || form.link || form.names !== undefined || form.ordinal !== undefined || form.contents || form.still || form.later !== undefined || form.howTo || form.compare || form.choice || form.figure || form.share || form.span || form.month || form.began || form.alone !== undefined || form.consequence;

/**
 * True when the passage (heading and text) lacks a form the question asks for that only these
 * checks can see: a sum of money, a list of so many things, an acronym's long form, someone in the
 * part asked about, how a goal turned out, how to join. Dates and numbers are checked sentence by sentence by
 * the caller.
 */
export const lacksAskedForm = (form: AskedForm, heading: string, text: string): boolean =>
  (form.money && !givesMoney(text)) ||
  (form.items !== undefined && form.items > longestList(`${heading}\n${text}`)) ||
  (form.acronym !== undefined && !spellsOut(`${heading}\n${text}`, form.acronym)) ||
  (form.role !== undefined && !namesRole(`${heading}\n${text}`, form.role)) ||
  (form.outcome && !givesOutcome(text)) ||
  (form.joining && !saysHowToJoin(`${heading}\n${text}`)) ||
  (form.link && !givesLink(text)) ||
  (form.ordinal !== undefined && !givesOrdinal(`${heading}\n${text}`, form.ordinal)) ||
  (form.contents && onlyPoints(heading, text));

/**
 * What a refusal says when the passages closest to the question lack the form of its answer: no
 * sum of money, no long form of the acronym, no list that long, nobody in the part asked about,
 * nothing of how a goal turned out, no date or no figure.
 */
export const formNote = (form: AskedForm): string | undefined => {
  if (form.acronym !== undefined) return ` They do not spell out “${form.acronym}”.`;
  if (form.money) return ' They give no sums of money.';
  if (form.link) return ' They give no web address for it.';
  if (form.others !== undefined) return ` The passages closest to it do not list the other ${NUMBER_NAMES[form.others.count] ?? form.others.count} ${form.others.said}.`;
  if (form.items !== undefined) return ` The passages closest to it list no ${NUMBER_NAMES[form.items] ?? form.items} of them.`;
  if (form.role !== undefined) return ` The passages closest to it ${ROLE_MISSING[form.role]}.`;
  if (form.outcome) return ' The passages closest to it do not say how it turned out.';
  if (form.ranked) return ' The passages closest to it do not say which came out best or worst.';
  if (form.ending) return ' The passages closest to it do not say when it ended.';
  if (form.names !== undefined) return form.names === ANY_NAME ? ' The passages closest to it give no name for it.' : ` The passages closest to it name no ${form.names}.`;
  if (form.ordinal !== undefined) return ` The passages closest to it say nothing of the ${typeof form.ordinal === 'string' ? form.ordinal : (ORDINAL_NAMES[form.ordinal] ?? `${form.ordinal}th`)} one.`;
  if (form.type === 'when') return form.began ? ' The passages closest to it give no date, or not of when it began.' : ' The passages closest to it give no date.';
  if (form.share) return ' The passages closest to it give no share or percentage.';
  if (form.span) return ' The passages closest to it do not say how long it takes.';
  if (form.consequence) return ' The passages closest to it do not say what follows.';
  if (form.alone !== undefined) return ` The passages closest to it speak of ${form.alone} only together with others.`;
  if (form.month) return ' The passages closest to it name no month or season.';
  // One word is what is counted ("councils"); of several, some may be what it does ("people live").
  if (form.type === 'count') return form.counted?.length === 1 ? ` The passages closest to it give no number of ${form.counted[0]}.` : ' The passages closest to it give no figure.';
  if (form.joining) return ' The passages closest to it say nothing about joining.';
  if (form.figure) return ' The passages closest to it give no figure.';
  if (form.choice) return ' The passages closest to it do not say why.';
  if (form.still) return ' The passages closest to it do not say whether it still goes on.';
  if (form.later !== undefined) return ' The passages closest to it do not say what came after.';
  if (form.howTo) return ' The passages closest to it do not say how it is done.';
  if (form.compare) return ' The passages closest to it do not weigh one against the other.';
  if (form.contents) return ' The passages closest to it only say where to find it, not what it holds.';
  return undefined;
};
