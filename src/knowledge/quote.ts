import type { PassageSentence } from './passage-shape.js';
import type { Concept, PassageSearch, ScoredPassage } from './search.js';
import { SENTENCE_BREAK } from './text.js';

/** What a question asks for, which decides the sentence that answers it. */
export type QuestionType = 'definition' | 'who' | 'when' | 'count' | 'why' | 'other';

const TYPE_PATTERNS: Array<[QuestionType, RegExp]> = [
  // "how much the towns differ" asks a degree in a clause, not a figure.
  ['count', /\bhow\s+(?:many|much(?!\s+(?:the|this|that|these|those|their|its|our|they|it|we|you|he|she|people|a|an)\b)|big|large)\b|\bnumber\s+of\b|\bwhat\s+(?:share|percentage|proportion)\b|\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?population\b/i],
  // "When confronting deprivation…, where…?", "When it comes to…, which…?" set a scene: the question comes after the comma.
  ['when', /^\s*(?:and\s+)?when\b(?!\s+(?:[\w’'-]+ing|it\s+comes\s+to)\b[^?.!]*,)|\bhow\s+often\b|\b(?:what|which)\s+year\b|\b(?:since|until|till)\s+when\b|\bhow\s+long\s+ago\b|\bdeadlines?\b|\bclosing\s+date\b/i],
  ['who', /^\s*(?:and\s+)?(?:who|whom|whose)\b|\b(?:which|what)\s+(?:organi[sz]ations?|bodies|body|author|people|person|cities|city|countries|country|partners?)\b/i],
  ['why', /^\s*(?:and\s+)?why\b|\bwhat\s+for\b|\breasons?\b|\bhow\s+come\b/i],
  ['definition', /^\s*(?:what\s+(?:is|are|'s)\b|whats\b|define\b|definition\b|meaning\s+of\b)|\bdefin(?:e|ition)\b|\bwhat\s+does\s+.+\bmean\b/i],
];

/**
 * The words a question may open with before its question word: "can you tell me", "do you know",
 * "I'd like to know", "I was wondering whether". The question word then opens the rest.
 */
const PREAMBLE =
  /^\s*(?:(?:and|so|ok|okay|well|hi|hello|hey)[\s,]+)*(?:(?:please\s+)?(?:can|could|would|will)\s+(?:you|anyone|someone)\s+(?:please\s+)?(?:tell|show|explain|say|remind)(?:\s+(?:me|us))?|(?:please\s+)?(?:tell|explain\s+to|show)\s+(?:me|us)|(?:do|does)\s+(?:you|anyone|anybody)\s+know|i(?:'d|’d|\s+would)\s+(?:like|love)\s+to\s+(?:know|understand)|i(?:\s+was|'m|’m|\s+am)?\s+wondering|i\s+wonder|any\s+idea)[\s,:]+(?:if\s+|whether\s+)?(?!(?:me|us)\b)/i;

/** Question words as they are often mistyped, read as the word meant. */
const MISTYPED_QUESTION_WORDS: Readonly<Record<string, string>> = {
  wat: 'what', wht: 'what', whta: 'what', waht: 'what', whut: 'what', wot: 'what', wats: "what's", wots: "what's",
  hw: 'how', howw: 'how', hwo: 'how',
  wen: 'when', whn: 'when', wehn: 'when',
  wich: 'which', whcih: 'which', wihch: 'which',
  wher: 'where', whre: 'where', wy: 'why', whyy: 'why',
};
const MISTYPED_OPENING = new RegExp(
  `(^|[.?!]\\s+|\\s[-–—]\\s+)(\\s*(?:(?:hi|hello|hey|ok|okay|so|and|but|well)[\\s,]+)?)(${Object.keys(MISTYPED_QUESTION_WORDS).join('|')})(?=[\\s,?]|$)`,
  'gi',
);

/**
 * The question with a mistyped question word opening it or one of its clauses, after a greeting
 * or "so" too, mended ("wat is…" → "what is…", "…entreprenerial culture - wats that about?").
 */
export const mendQuestionWords = (question: string): string =>
  question.replace(MISTYPED_OPENING, (_, start: string, before: string, word: string) => `${start}${before}${MISTYPED_QUESTION_WORDS[word.toLowerCase()] ?? word}`);

/** The question without a polite preamble, as {@link PREAMBLE} reads it; the question itself when there is none. */
export const withoutPreamble = (question: string): string => {
  const rest = question.replace(PREAMBLE, '');
  return rest.trim() === '' ? question : rest;
};

/** "what a learning city is": a definition asked as an indirect question, after a preamble; its group is what is to be defined. */
export const INDIRECT_DEFINITION = /^\s*what\s+(?!is\b|are\b|does\b|do\b|did\b)([\p{L}\p{N}' -]{1,80}?)\s+(?:is|are|means?)\s*[?.!]*\s*$/iu;

/** Every type a question asks, in {@link TYPE_PATTERNS}' order: "when did Liverpool…, and how many members…?" asks a count and a date. */
export const questionTypes = (question: string): QuestionType[] => {
  const asked = withoutPreamble(question);
  return TYPE_PATTERNS.filter(([, pattern]) => pattern.test(asked)).map(([type]) => type);
};

export const questionType = (question: string): QuestionType => {
  const asked = withoutPreamble(question);
  return TYPE_PATTERNS.find(([, pattern]) => pattern.test(asked))?.[0] ?? (INDIRECT_DEFINITION.test(asked) ? 'definition' : 'other');
};

/** How often something happens: "every year", "each month", "annually", "termly"; a when-cue, though not a date. */
export const RECURRENCE_SOURCE = String.raw`annual(?:ly)?|daily|weekly|monthly|yearly|(?:every|each|once\s+an?|twice\s+an?)\s+(?:(?:other|few|two|three|six)\s+)?(?:years?|months?|weeks?|days?|terms?|seasons?|quarters?|fortnight)|quarterly|fortnightly|biannual(?:ly)?|termly`;

/** Marks of a sentence that answers each type of question. */
const ANSWER_CUES: Record<QuestionType, RegExp | undefined> = {
  definition: /\bdefin\w*|\b(?:is|are)\s+(?:an?|the)\b|\bmeans\b|\brefers\s+to\b|\bconsists\s+of\b|\bdescribed\s+as\b/i,
  who: /(?<!^)\b\p{Lu}[\p{L}]+|\b(?:by|partners?|stakeholders?|members?)\b/u,
  // May the month, not "cities may join": after "in", "every", "since"… or beside a day or year.
  when: new RegExp(
    String.raw`\b(?:1[5-9]|20)\d\d\b|\b(?:january|february|march|april|june|july|august|september|october|november|december|spring|summer|autumn|winter|century|decade|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?|${RECURRENCE_SOURCE})\b|\b(?:in|every|since|until|till|by|from|during|early|late|mid-?)\s+may\b|\bmay\s+(?:[1-9]|[12]\d|3[01]|(?:1[5-9]|20)\d\d)\b|\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+may\b`,
    'i',
  ),
  // A year ("In 1996, …", "the 1990s") is no count: "Now, LCN has 80 member cities" answers how many.
  count: /(?<![\d,.])(?!(?:1[5-9]|20)\d\d(?:s|'s)?\b)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|million|billion|half|dozens?)\b/i,
  why: /\bbecause\b|\bso\s+that\b|\bin\s+order\s+to\b|\bin\s+response\s+to\b|\bdue\s+to\b|\bowing\s+to\b|\bas\s+a\s+result\s+of\b|\barose\b|\bkey\s+to\b|\breasons?\b|\bneeds?\b|\bessential\b|\bcrucial\b|\burgent\b|\bdestined\b|\btherefore\b|\bbenefits?\b|\bimportan\w+\b/i,
  other: undefined,
};

/** The mark of a sentence that answers a question of this type, if the type has one. */
export const answerCue = (type: QuestionType): RegExp | undefined => ANSWER_CUES[type];

/** Each type's bit in a sentence's `cuesTested` and `cuesFound`. */
const CUE_BITS: Record<QuestionType, number> = { definition: 1, who: 2, when: 4, count: 8, why: 16, other: 32 };

/**
 * True when a passage's sentence bears the answer cue of `type`. The text never changes, so each
 * sentence is tested once per type, however many questions quote from it.
 */
export const hasAnswerCue = (sentence: PassageSentence, type: QuestionType): boolean => {
  const bit = CUE_BITS[type];
  if ((sentence.cuesTested & bit) === 0) {
    sentence.cuesTested |= bit;
    if (ANSWER_CUES[type]?.test(sentence.text)) sentence.cuesFound |= bit;
  }
  return (sentence.cuesFound & bit) !== 0;
};

/** A line that is a list item: a bullet or a number before its text. */
export const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+/u;

/** A list item without its marker and its trailing "; and" (the list is joined again with "; "). */
const itemText = (line: string): string => line.replace(LIST_ITEM, '').replace(/(?:[.;,]?\s+(?:and|or))?[.;,]*\s*$/u, '');

/** A sentence, or a list shown whole with its lead-in. */
interface Unit {
  text: string;
  position: number;
  /** The label of the item the sentence goes on ("South Korea" for "In 2001, the first 3 cities…" after "South Korea: The Lifelong Education Law…"). */
  label?: string;
}

/** A line's sentences, trimmed. */
const splitSentences = (line: string): string[] =>
  line.split(SENTENCE_BREAK).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');

/** Sentences of a passage; a list and the sentence that introduces it stay one unit. */
export const unitsOf = (text: string): Unit[] => {
  const units: Unit[] = [];
  const lines = text.split(/\n+/u).map((line) => line.trim()).filter((line) => line !== '');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const items: string[] = [];
    while (LIST_ITEM.test(lines[i + 1 + items.length] ?? '')) items.push(itemText(lines[i + 1 + items.length] ?? ''));
    if (LIST_ITEM.test(line) && units.length === 0) items.unshift(itemText(line));
    if (items.length > 0) {
      // Only the line's last sentence introduces the list; those before it are sentences of their own.
      const said = LIST_ITEM.test(line) ? [] : splitSentences(line);
      const leadIn = said.pop();
      for (const sentence of said) units.push({ text: sentence, position: units.length });
      units.push({ text: `${leadIn === undefined ? '' : `${leadIn} `}${items.join('; ')}.`, position: units.length });
      i += items.length - (LIST_ITEM.test(line) ? 1 : 0);
      continue;
    }
    // The sentences after the first of an item under a label ("South Korea: …. In 2001, …") are about what it names.
    // A passage may hold several items on one line ("South Korea: …. South Africa: …."): each label opens an item.
    let label: string | undefined;
    for (const sentence of splitSentences(line)) {
      const opens = labelOf(sentence);
      units.push({ text: sentence, position: units.length, ...(opens === undefined && label !== undefined ? { label } : {}) });
      label = opens ?? label;
    }
  }
  return units;
};

/** A sentence opening with a word that points back ("However, …", "This means…", "Its schools…") needs the one before it. */
export const LEANS_BACK = /^(?:however|but|yet|still|also|moreover|furthermore|therefore|thus|hence|so|instead|nevertheless|in addition|as a result|since then|after that|afterwards|then|this|these|that|those|it|its|they|their|such|he|she|his|her)\b/i;
/** A sentence opening an item of its own under a label: "South Africa: In 2001, …", "Germany: the national programme…". */
export const LABELLED = /^\p{Lu}[\p{L}’'. -]{0,40}:\s/u;
/** Labels that say what kind of line follows, not what it is about: "Note: …", "Source: …", "Key findings: …". */
const GENERIC_LABEL = /^(?:notes?|sources?|references?|background|context|examples?|summary|answers?|questions?|updates?|tips?|warning|aims?|goals?|purpose|objectives?|outcomes?|results?|(?:key\s+)?findings|definitions?|challenges?|next\s+steps|actions?|key\s+\p{L}+|see\s+also|adapted\s+from)$/iu;

/** The name an item opens with ("South Korea" of "South Korea: The Lifelong Education Law…"); undefined for a line that opens with none, or with a label such as "Note:". */
const labelOf = (sentence: string): string | undefined => {
  const label = LABELLED.exec(sentence)?.[0].replace(/:\s$/u, '');
  return label === undefined || GENERIC_LABEL.test(label) ? undefined : label;
};
/** Sentences put before a key sentence that leans back, at most. */
const MAX_LEADS = 2;

/** A sentence wholly in brackets ("(ELLI definition, quoted from Longworth, 1999).") says where the one before comes from. */
const ASIDE = /^\(.*\)\W*$/u;
/** A line crediting a slide's source ("Source: Lifelong Learning Strategy for the City of Vancouver, 2006. http://…"). */
const CREDIT = /^(?:(?:sources?|references?)\s*:|adapted\s+from\b)/i;

/** True for a sentence wholly in brackets: it says where the sentence before it comes from ("(ELLI definition, quoted from Longworth, 1999)."). */
export const isAside = (text: string): boolean => ASIDE.test(text);

/** True for a sentence that says where something comes from rather than what it says. */
export const isAttribution = (text: string): boolean => ASIDE.test(text) || CREDIT.test(text);

/** A sentence that asks rather than tells: the documents' own question, answered by what follows it. */
const ASKS = /\?["”’')\]]*\s*$/u;
const MAX_SENTENCES = 3;
/** Share of the question's weight that a sentence of another passage must add to what the first passage holds to be quoted after it. */
const ADDED_SHARE = 0.3;
/** How much less a sentence's coverage counts when it needs the words of the aside crediting it. */
const CREDITED_BELOW = 0.1;
export const MAX_ANSWER_CHARS = 700;

/**
 * Share of what a sentence gains by being read under its heading that counts when the key sentence
 * is chosen. On the eleven tuning halves, answers quoting an expected phrase were 576 of 613 without
 * it, 578 at 0.25, 581 at 0.5, 584 at 0.65, 589 at 0.75 and 592 at 0.85; from 0.85 on, a sentence
 * that only shares the heading's words ("what is ELLI?" under an ELLI heading) displaces the one
 * that answers, or a list's lead-in.
 */
const HEADING_SHARE = 0.75;

interface Candidate extends Unit {
  rank: number;
  score: number;
  /** What the key sentence is chosen by: its score with the sentence read under its heading (first passage only). */
  key: number;
  terms: ReadonlySet<string>;
}

/** Cuts at a word boundary; only ever applied to the last sentence shown. */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
};

/**
 * The sentences that answer: the best passage's sentence that matches the question most (with a
 * bonus for the kind of sentence the question type asks for), its neighbours when they say more,
 * and at most one sentence of another passage that adds something. The first is always from the
 * first passage cited.
 */
export const quoteSentences = (
  search: PassageSearch,
  question: string,
  concepts: Concept[],
  hits: ScoredPassage[],
  type: QuestionType = questionType(question),
  /** For a question asking for names ("which towns…?"): true for a text naming something the question does not. */
  givesNames?: (text: string) => boolean,
): string[] => {
  const candidates: Candidate[] = [];
  hits.forEach((hit, rank) => {
    const units = search.sentencesOf(hit.passage);
    const underHeading = rank === 0 ? search.sentenceTerms(hit.passage) : [];
    for (const unit of units) {
      // A sentence going on an item under a label is read with the label ("South Korea: …. Up to 2008, a total of 76…").
      // One credited by an aside after it is read with the aside too, a little below what it says itself;
      // not for a question only about what the aside names: "what is ELLI?" is not asking for the ELLI's definition.
      const own = search.coverage(concepts, unit.labelled);
      const aside = units[unit.position + 1];
      const credited = unit.credited === undefined || aside === undefined || search.coverage(concepts, aside.terms) >= 1 ? 0 : search.coverage(concepts, unit.credited) - CREDITED_BELOW;
      const terms = credited > own && unit.credited !== undefined ? unit.credited : unit.labelled;
      const coverage = Math.max(own, credited);
      const cue = hasAnswerCue(unit, type) || (givesNames !== undefined && givesNames(unit.text));
      const score = coverage + (cue ? 0.2 : 0) - (unit.text.length < 25 ? 0.2 : 0) - (isAttribution(unit.text) ? 0.3 : 0);
      // The key sentence is chosen as read under its heading, in part: what the heading or title says
      // (a city, a survey) the sentence need not repeat. What else is quoted is weighed by the sentence alone.
      const headed = rank === 0 ? search.coverage(concepts, underHeading[unit.position] ?? unit.labelled) : 0;
      const key = score + HEADING_SHARE * Math.max(0, headed - coverage);
      candidates.push({ text: unit.text, position: unit.position, terms, rank, score, key, ...(unit.label === undefined ? {} : { label: unit.label }) });
    }
  });
  const first = candidates.filter((c) => c.rank === 0).sort((a, b) => b.key - a.key || a.position - b.position)[0];
  if (!first) return [];
  const chosen: Candidate[] = [first];
  let length = first.text.length;
  const covered = (candidate: Candidate): Concept[] => concepts.filter((concept) => search.covers(concept, candidate.terms));
  // An item under a label of its own ("Australia: …") that names none of the question's names that
  // the first passage names ("the UK Learning Cities Network") is about something else, however well
  // it matches the rest; one naming another of them ("…in Korea and in Japan?") is not.
  const firstTerms = hits[0]?.terms;
  const names = firstTerms === undefined ? [] : concepts.filter((concept) => concept.entity && search.covers(concept, firstTerms));
  const aboutOther = (candidate: Candidate): boolean => names.length > 0 && (LABELLED.test(candidate.text) || candidate.label !== undefined) && !names.some((concept) => search.covers(concept, candidate.terms));
  // What the chosen sentences cover changes only when one is chosen.
  let already: Set<Concept> | undefined;
  const adds = (candidate: Candidate): boolean => {
    already ??= new Set(chosen.flatMap(covered));
    const known = already;
    return covered(candidate).some((concept) => !known.has(concept));
  };
  const rest = candidates.filter((c) => c !== first && c.score > 0).sort((a, b) => b.score - a.score);
  const totalWeight = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  const addedWeight = (candidate: Candidate, terms: ReadonlySet<string>): number =>
    covered(candidate).filter((concept) => !search.covers(concept, terms)).reduce((sum, concept) => sum + concept.weight, 0);
  for (const candidate of rest) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (length + candidate.text.length > MAX_ANSWER_CHARS || aboutOther(candidate)) continue;
    // The next sentence of the same passage reads on when it says something too; elsewhere it must add.
    const next = candidate.rank === 0 && chosen.some((c) => c.rank === 0 && Math.abs(c.position - candidate.position) === 1);
    const good = next ? candidate.score >= first.score * 0.5 : candidate.score >= first.score * 0.8 && adds(candidate);
    if (!good) continue;
    if (candidate.rank > 0 && chosen.some((c) => c.rank > 0)) continue;
    // Another passage's sentence must add what the first passage lacks altogether, not only what the
    // sentences chosen from it leave out ("Cities generate jobs" is no challenge of building one), and
    // more of it than a word that says little ("pre-start" for "why did Birmingham start…?").
    if (candidate.rank > 0 && firstTerms !== undefined) {
      const added = addedWeight(candidate, firstTerms);
      if (added === 0 || added < ADDED_SHARE * totalWeight) continue;
    }
    chosen.push(candidate);
    already = undefined;
    length += candidate.text.length;
  }
  // The sentence after the key one that leans on it ("Since then, …", "It uses learning to…") goes on
  // with its thought, however few of the question's words it repeats; so does the one after a key
  // sentence that is itself a question ("So where do we start tackling these challenges?"): it answers it.
  const asking = chosen.filter((c) => c.rank === 0 && ASKS.test(c.text)).sort((a, b) => b.position - a.position)[0];
  const after = candidates.find((c) => c.rank === 0 && c.position === (asking ?? first).position + 1);
  // …and one naming what a question asking for names asks for, when the key sentence names none ("…from Liverpool, Sheffield and Hull…").
  const named = givesNames !== undefined && after !== undefined && !givesNames(first.text) && givesNames(after.text);
  if (after !== undefined && !chosen.includes(after) && chosen.length < MAX_SENTENCES && (asking !== undefined || named || LEANS_BACK.test(after.text)) && !isAttribution(after.text) && length + after.text.length <= MAX_ANSWER_CHARS) {
    chosen.push(after);
    length += after.text.length;
  }
  // An item under a label opened by the key sentence is quoted whole while there is room: "Canada: In
  // 2003, Victoria set a goal… Vancouver aims to be a Learning City. St. John's and Edmonton have…".
  const label = labelOf(first.text);
  for (let at = first.position + 1; label !== undefined && chosen.length < MAX_SENTENCES; at++) {
    const next = candidates.find((c) => c.rank === 0 && c.position === at);
    if (next === undefined || next.label !== label || isAttribution(next.text) || length + next.text.length > MAX_ANSWER_CHARS) break;
    if (chosen.includes(next)) continue;
    chosen.push(next);
    length += next.text.length;
  }
  // A key sentence that leans on the one before ("However, it is also clear…") comes after it.
  const leads: Candidate[] = [];
  // A credit line ("Source: …") chosen first says where the sentences before it come from: they lead too.
  // So does the start of an item whose label the key sentence goes on under, when it does not name
  // what the label names itself ("South Korea: …. Up to 2008, a total of 76…").
  const underLabel = (candidate: Candidate): boolean => candidate.label !== undefined && !candidate.text.toLowerCase().includes(candidate.label.toLowerCase());
  for (let lead = first; (LEANS_BACK.test(lead.text) || isAttribution(lead.text) || underLabel(lead)) && leads.length < MAX_LEADS; ) {
    const before = candidates.find((c) => c.rank === 0 && c.position === lead.position - 1);
    if (before === undefined) break;
    const taken = chosen.indexOf(before);
    // Chosen already as a neighbour, it moves before the key sentence; otherwise it is added if there is room.
    if (taken >= 0) chosen.splice(taken, 1);
    else if (length + before.text.length > MAX_ANSWER_CHARS) break;
    else length += before.text.length;
    leads.unshift(before);
    lead = before;
  }
  // An item longer than that still opens with its label: its first sentence comes first, apart.
  const opener = underLabel(first) && (leads[0] ?? first).label !== undefined ? [...candidates].reverse().find((c) => c.rank === 0 && c.position < (leads[0] ?? first).position && c.label === undefined) : undefined;
  if (opener !== undefined && !leads.includes(opener) && length + opener.text.length <= MAX_ANSWER_CHARS) {
    const taken = chosen.indexOf(opener);
    if (taken >= 0) chosen.splice(taken, 1);
    else length += opener.text.length;
    leads.unshift(opener);
  }
  // The key sentence leads; the others of its passage follow in their own order, then the other passage.
  const ordered = [...leads, first, ...chosen.slice(1).sort((a, b) => a.rank - b.rank || a.position - b.position)];
  const paragraphs: string[] = [];
  ordered.forEach((candidate, i) => {
    const previous = ordered[i - 1];
    const text = truncate(candidate.text, MAX_ANSWER_CHARS);
    if (previous === undefined || previous.rank !== candidate.rank || candidate.position < previous.position) paragraphs.push(text);
    else paragraphs[paragraphs.length - 1] += candidate.position === previous.position + 1 ? ` ${text}` : `\n\n${text}`;
  });
  return paragraphs;
};
