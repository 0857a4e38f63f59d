import type { Passage } from './chunk.js';
import type { BuiltIndex } from './index-build.js';
import type { DocumentKind } from './front-matter.js';
import { CHAMPION_MIN_PASSAGES, type ScoreClause } from './lunr-compact.js';
import { BoundedCache } from './bounded-cache.js';
import { defaultRankWeights, type RankWeights } from './rank-weights.js';
import { ConceptBuilder, type Concept } from './concepts.js';
import { isFollowUp, namesOwnSubject, withPrevious } from './follow-ups.js';
import { aboutTheQuestion } from './asker-context.js';
import { creditsAsked } from './answer-forms.js';
import { HEADING_ASKED, HEADING_CLOSING, HEADING_MATCH, HeadingIndex } from './heading-match.js';
import { buildShape, hasAny, holdsConcept, type PassageSentence, type PassageShape, type Terms } from './passage-shape.js';
import type { StemPhrase, SynonymTable } from './synonyms.js';
import { TypoCorrector } from './typos.js';
import { INDIRECT_DEFINITION, withoutPreamble } from './quote.js';
import type { WordNet } from './wordnet.js';

export type { Concept } from './concepts.js';
export type { RankWeights } from './rank-weights.js';

export interface ScoredPassage {
  passage: Passage;
  /** Final ranking score, 0-1. */
  score: number;
  /** Share of the question's weight that the passage matches, 0-1. */
  coverage: number;
  /** The stems the passage contains, in any field. */
  terms: Set<string>;
  /** Coverage by the passage's best single sentence (with its heading); for the best candidates only. */
  sentenceCoverage: number;
}

export interface SearchResult {
  concepts: Concept[];
  hits: ScoredPassage[];
}

/** At most this many sections found by their heading join the candidates Lunr found (see `search`). */
const MAX_HEADED_ADDED = 50;
/** Documents whose stems are kept together (see `documentTerms`). */
const DOCUMENTS_KEPT = 64;
/** How many Lunr hits are re-ranked; the rest are too weak to matter. */
const CANDIDATES = 30;
/** Boost of a synonym or corrected spelling relative to the user's own word. */
const ALTERNATIVE_BOOST = 0.5;
/** "What is a …?" asks for a definition: passages that define things are preferred. */
const DEFINITION_QUESTION = /^\s*(?:what\s+(?:is|are|was|were|does|do)\b|what's\b|define\b|definition\b|meaning\s+of\b|describe\b)/i;
const DEFINITION_CUES = ['definit', 'defin', 'mean'];
/** What a question asking for a definition asks to be defined: "a learning city" of "What is a learning city?" or "definition of a learning city" (and of "what a learning city is": `INDIRECT_DEFINITION`). */
const DEFINITION_SUBJECT = /^\s*(?:(?:what\s+(?:is|are)|what's|whats)\s+(?:the\s+)?(?:(?:definition|meaning)\s+of\s+)?|define\s+|(?:the\s+)?(?:definition|meaning)\s+of\s+)(.+?)\s*[?.!]*\s*$/i;
/** "Definition" as askers type it. */
const DEFINITION_WORD = String.raw`(?:definition|defin[ai]?tion|defenition|definiton)`;
/**
 * A definition asked for later in a message, with what is to be defined: "How does UNESCO define a
 * learning city?", "How is a learning community defined?", "…and need a definition of a learning
 * city, town or region from the World of Learning Cities page". Read in the message's last sentence.
 */
const DEFINITION_LATER = [
  /\bhow\s+(?:do|does|did|would|should|can)\b[^?.!]{0,80}?\bdefine\s+([^?.!]{1,80}?)\s*[?.!]*\s*$/i,
  /\bhow\s+(?:is|are|was|were)\s+([^?.!]{1,80}?)\s+defined\b/i,
  new RegExp(String.raw`\b${DEFINITION_WORD}\s+of\s+([^?.!]{1,80}?)(?:\s+(?:from|in|on|according|by|that|which|to|for)\b[^?.!]{0,120})?\s*[?.!]*\s*$`, 'i'),
];

/** Whether a message asks for a definition, and of what when it says so ("a learning city"). */
const definitionAsked = (asked: string): { definitional: boolean; subject?: string } => {
  if (DEFINITION_QUESTION.test(asked) || INDIRECT_DEFINITION.test(asked)) {
    const subject = (DEFINITION_SUBJECT.exec(asked) ?? INDIRECT_DEFINITION.exec(asked))?.[1];
    return subject === undefined ? { definitional: true } : { definitional: true, subject };
  }
  const last = asked.split(/(?<=[.?!])\s+/u).at(-1) ?? asked;
  for (const pattern of DEFINITION_LATER) {
    const subject = pattern.exec(last)?.[1];
    if (subject !== undefined) return { definitional: true, subject };
  }
  return { definitional: false };
};
/** Terms in more than this share of passages are not sent to Lunr (see selectiveTerms). */
const COMMON_TERM_SHARE = 0.05;
/** …but small collections always query terms found in up to this many passages. */
const COMMON_TERM_MIN_PASSAGES = 50;
/**
 * Lunr's cost grows with the postings it scores: a query asks it for at most this many. A term found
 * in more passages than that is never sent; its champion list (built with the index) stands in.
 */
const POSTING_BUDGET = CHAMPION_MIN_PASSAGES;

/** Concepts kept from one message: real questions have far fewer; the rest would only cost time. */
const MAX_CONCEPTS = 24;
/** Candidates re-ranked with word order and their best sentence, from each passage's cached shape. */
const ORDERED_CANDIDATES = 10;

/** A question that says it was read in slides: "what does the deck say…", "in the presentation", "a slide about…". */
const READ_IN_SLIDES = /\b(?:slides?|slide\s+deck|deck|presentation|powerpoint)\b/i;

/** "What are the…", "list the…", "the three strands": a question asking for several things. */
const LIST_QUESTION = /^\s*(?:what|which)\s+(?:are|were)\b|\blist\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+\w+s\b/i;
/** A list quoted with its lead-in ("…namely: Partnership; Participation; Performance."), as `unitsOf` joins it. */
const isList = (text: string): boolean => /:\s/u.test(text) && text.includes('; ');
/** A list this close to the passage's best sentence answers a question asking for several things. */
const LIST_NEAR_BEST = 0.8;
/** Passages whose term sets and word sequences are kept between questions. */
const PASSAGE_CACHE_SIZE = 2_000;

/**
 * Searches passages for a question without ever handing user text to Lunr's query parser:
 * words are folded, stop words dropped, stemmed, typos corrected against the documents'
 * vocabulary, synonyms added, and the query built term by term with `idx.query()`.
 */
export class PassageSearch {
  private readonly termSets = new BoundedCache<number, Set<string>>(PASSAGE_CACHE_SIZE);
  /** Each document's kind (page, slides, report…), by its source name. */
  private readonly kinds: Map<string, DocumentKind>;
  /** {@link documentTerms}, for the documents asked about most recently. */
  private readonly byDocument = new BoundedCache<string, Set<string>>(DOCUMENTS_KEPT);
  /** Each document's passages, by source, listed on first use. */
  private refsBySource: Map<string, number[]> | undefined;
  private readonly shapes = new BoundedCache<Passage, PassageShape>(PASSAGE_CACHE_SIZE);
  /** Passages by id, built at the first {@link passageAfter}. */
  private byId: Map<string, Passage> | undefined;
  private readonly builder: ConceptBuilder;
  private readonly total: number;
  /** Passages by their heading, built at the first question. */
  private headings: HeadingIndex | undefined;
  /** Bound once: the term-set cache calls it for a passage it does not hold yet. */
  private readonly termsOf = (ref: number): Set<string> => this.built.termsOf(ref);

  constructor(
    private readonly built: BuiltIndex,
    synonyms: SynonymTable,
    private readonly wordnet?: WordNet,
    private readonly weights: RankWeights = defaultRankWeights,
  ) {
    this.total = Math.max(1, built.passages.length);
    this.kinds = new Map(built.documents.map((document) => [document.source, document.kind]));
    const vocabulary = {
      frequency: (term: string) => this.frequency(term),
      idf: (term: string) => this.idf(term),
      unknownWeight: Math.log(1 + (this.total - 0.5) / 1.5),
      names: built.names,
    };
    const stems = new Map(built.compact.terms.map((term, i) => [term, built.compact.frequencies[i] ?? 0]));
    this.builder = new ConceptBuilder(vocabulary, synonyms, new TypoCorrector(built.vocabulary), wordnet, new TypoCorrector(stems));
    // A collection that fits the cache has every passage's pairs and sentences built at load, not per question.
    if (built.passages.length <= PASSAGE_CACHE_SIZE) for (const passage of built.passages) this.shapeOf(passage);
  }

  /** Number of passages containing a stem (stored with the index: a lookup, not a count). */
  private frequency(term: string): number {
    return this.built.frequency(term);
  }

  private idf(term: string): number {
    const df = this.frequency(term);
    return Math.log(1 + (this.total - df + 0.5) / (df + 0.5));
  }

  /** A passage's word pairs and sentences, built once per passage and kept while it stays in use. */
  private shapeOf(passage: Passage): PassageShape {
    return this.shapes.get(passage, buildShape);
  }

  /** A passage's sentences with their stems, cached with the passage: answers quote from them. */
  sentencesOf(passage: Passage): readonly PassageSentence[] {
    return this.shapeOf(passage).sentences;
  }

  /** Each sentence's stems with those of the passage's heading and title. */
  sentenceTerms(passage: Passage): ReadonlyArray<Set<string>> {
    return this.shapeOf(passage).underHeading;
  }

  /**
   * The best coverage by one sentence of a passage read under its heading, 0 for a passage without
   * sentences. A credit line ("Source: Lifelong Learning Strategy for the City of Vancouver, 2006.")
   * says where the passage comes from, not what it says: it counts only when `credits` (the
   * question looks up or asks for a source).
   */
  private bestSentenceCoverage(concepts: readonly Concept[], shape: PassageShape, credits: boolean): number {
    let best = 0;
    for (const [i, terms] of shape.underHeading.entries()) if (credits || !shape.credits[i]) best = Math.max(best, this.coverage(concepts, terms));
    return best;
  }

  /** The stems of every passage of a document, by its source: what the document as a whole speaks of. */
  documentTerms(source: string): ReadonlySet<string> {
    return this.byDocument.get(source, () => {
      // Each document's passages are listed once; a document's stems are then gathered from its own passages only.
      if (this.refsBySource === undefined) {
        this.refsBySource = new Map();
        for (const [ref, passage] of this.built.passages.entries()) {
          const refs = this.refsBySource.get(passage.source) ?? [];
          refs.push(ref);
          this.refsBySource.set(passage.source, refs);
        }
      }
      const terms = new Set<string>();
      for (const ref of this.refsBySource.get(source) ?? []) for (const term of this.built.termsOf(ref)) terms.add(term);
      return terms;
    });
  }

  /** True when some document uses the folded word as written. */
  usesWord(word: string): boolean {
    return this.built.vocabulary.has(word);
  }

  /** True when the folded word is a name: the documents write it as one ("sheffield"; see `collectionNames`), or WordNet knows it only as one ("edinburgh", listed only at line starts). */
  isName(word: string): boolean {
    return this.built.names.has(word) || this.wordnet?.kind(word) === 'name';
  }

  /** The passage after this one in its document ("…md#3" after "…md#2"), when there is one. */
  passageAfter(passage: Passage): Passage | undefined {
    const at = /^(.*#)(\d+)$/u.exec(passage.id);
    if (!at) return undefined;
    this.byId ??= new Map(this.built.passages.map((known) => [known.id, known]));
    return this.byId.get(`${at[1] ?? ''}${Number(at[2]) + 1}`);
  }

  /** True when WordNet knows the folded word only as the name of a place ("venice", "spain"), not of a person or a body. */
  isPlaceName(word: string): boolean {
    return this.wordnet?.isPlace(word) === true;
  }

  /** True when WordNet knows the folded word only as the name of a city or town ("beijing", "liverpool"), not of a country or a body ("eu"). */
  isTownName(word: string): boolean {
    return this.wordnet?.isTown(word) === true;
  }

  /** True when WordNet knows the folded word only as a name ("vancouver", "beijing"); the documents' capitals are not asked. */
  isNameInWordNet(word: string): boolean {
    return this.wordnet?.kind(word) === 'name';
  }

  /** Weight of the rarest word of the collection: what an unknown word weighs at most. */
  maxWeight(): number {
    return Math.log(1 + (this.total - 0.5) / 1.5);
  }

  /** Turns a question into weighted concepts. Never uses Lunr's query syntax, so every text is safe. */
  concepts(question: string, previous?: string): Concept[] {
    const own = this.ownConcepts(question);
    if (previous === undefined) return own;
    // The question before is read as a question too: what its asker said about themselves ("I'm a coordinator in Cork") is not carried over as its subject.
    return withPrevious(question, own, () => this.ownConcepts(previous), MAX_CONCEPTS);
  }

  /** True when the question before would change this one's concepts: it is a follow-up ("and who funds it?"). */
  readsPrevious(question: string): boolean {
    return isFollowUp(question, this.ownConcepts(question));
  }

  /**
   * What a question after this one leans on when it is a follow-up: the question before, when this
   * one was read with it and kept its subject ("and who funds it?" after "what is the UK Learning
   * Cities Network?"), so "when was it set up?" next is about the network too. Undefined when this
   * question stands on its own, or names a subject of its own ("and Bristol?"): a follow-up to it
   * leans on it.
   */
  leansOn(question: string, previous: string | undefined): string | undefined {
    if (previous === undefined || !this.readsPrevious(question)) return undefined;
    return namesOwnSubject(this.ownConcepts(question), this.ownConcepts(previous)) ? undefined : previous;
  }

  /** A question's concepts read on their own, without what its asker says of themselves. */
  private ownConcepts(question: string): Concept[] {
    const build = (text: string): Concept[] => this.builder.build(text, MAX_CONCEPTS);
    return aboutTheQuestion(question, build(question), build);
  }

  /** True when the stems hold the concept (its phrase or an alternative): `coverage([concept], terms) > 0`, without the array. */
  covers(concept: Concept, terms: Terms): boolean {
    return concept.weight !== 0 && Number.isFinite(concept.weight) && holdsConcept(concept, terms);
  }

  /** Share of the concepts' weight that a set of stems covers. */
  coverage(concepts: readonly Concept[], terms: Terms): number {
    // Plain loops: this runs for every sentence of every candidate, so no closures per call.
    let total = 0;
    let matched = 0;
    for (const concept of concepts) {
      total += concept.weight;
      if (holdsConcept(concept, terms)) matched += concept.weight;
    }
    return total === 0 ? 0 : matched / total;
  }

  /** Share of the question's adjacent word pairs that also stand next to each other in the passage. */
  private adjacency(pairs: readonly string[], passagePairs: Set<string>): number {
    if (pairs.length === 0) return 0;
    let found = 0;
    for (const pair of pairs) if (passagePairs.has(pair)) found++;
    return found / pairs.length;
  }

  /** Terms in more passages than this are not selective enough to be worth Lunr's scoring. */
  private selectiveLimit(): number {
    return Math.max(COMMON_TERM_MIN_PASSAGES, this.total * COMMON_TERM_SHARE);
  }

  /**
   * Which terms to ask Lunr for. Lunr scores every passage a term occurs in, so a word found in
   * most passages costs much and ranks little: such words are left to the re-ranking. Terms are
   * taken rarest first within a budget of postings; a term too common for any budget contributes
   * the passages it weighs most in (its champion list) instead.
   */
  private plan(concepts: Concept[]): { terms: Set<string>; champions: Set<number> } {
    // Every term once, in the order the concepts name them, with its frequency looked up once; the
    // sort is stable, so terms as frequent as each other keep that order.
    const seen = new Set<string>();
    const all: Array<{ term: string; df: number }> = [];
    const add = (phrase: StemPhrase): void => {
      for (const term of phrase) {
        if (seen.has(term)) continue;
        seen.add(term);
        const df = this.frequency(term);
        if (df > 0) all.push({ term, df });
      }
    };
    for (const concept of concepts) {
      add(concept.phrase);
      for (const alternative of concept.alternatives) add(alternative);
    }
    all.sort((a, b) => a.df - b.df);
    const limit = this.selectiveLimit();
    const terms = new Set<string>();
    const champions = new Set<number>();
    let postings = 0;
    let championTerms = 0;
    for (const { term, df } of all) {
      if (df > POSTING_BUDGET) {
        // With nothing rarer to ask for, the two rarest common terms bring their champions.
        if (terms.size === 0 && championTerms < 2) {
          championTerms += 1;
          for (const ref of this.built.champions(term) ?? []) champions.add(ref);
        }
      } else if (terms.size === 0 || (df <= limit && postings + df <= POSTING_BUDGET)) {
        terms.add(term);
        postings += df;
      }
    }
    return { terms, champions };
  }

  /** Best passages for a question, best first. Never throws for any input string. */
  search(question: string, limit = 5, previous?: string): SearchResult {
    const concepts = this.concepts(question, previous);
    if (concepts.length === 0) return { concepts, hits: [] };
    const asked = withoutPreamble(question);
    const { definitional, subject } = definitionAsked(asked);
    // "What does the deck say about…": where the asker read it says which documents to look in.
    const inSlides = READ_IN_SLIDES.test(question);
    const { terms, champions } = this.plan(concepts);
    const clauses: ScoreClause[] = [];
    if (terms.size > 0 || definitional) {
      if (definitional) {
        // Cues only help while they are selective; in a large collection they are everywhere.
        for (const cue of DEFINITION_CUES) {
          const df = this.frequency(cue);
          if (df > 0 && df <= this.selectiveLimit()) clauses.push({ term: cue, boost: 1 });
        }
      }
      for (const concept of concepts) {
        const boost = 1 + concept.weight;
        for (const term of concept.phrase) if (terms.has(term)) clauses.push({ term, boost });
        for (const alternative of concept.alternatives) {
          for (const term of alternative) if (terms.has(term)) clauses.push({ term, boost: boost * ALTERNATIVE_BOOST });
        }
      }
    }
    const top = this.built.score(clauses, CANDIDATES);
    const best = top[0]?.score ?? 0;
    const candidates = new Map<number, number>(top.map((result) => [result.ref, best > 0 ? result.score / best : 0]));
    for (const ref of champions) if (!candidates.has(ref)) candidates.set(ref, 0);
    this.headings ??= new HeadingIndex(this.built.passages);
    const headed = new Set([...this.headings.headedBy(asked), ...this.headings.whyFor(asked)]);
    // Reasons asked for what a heading asks why of ("Why cities?"), or a heading quoted, ask what that section answers.
    const askedBy = new Set([...this.headings.reasonsFor(asked), ...this.headings.quotedIn(question)]);
    for (const ref of askedBy) headed.add(ref);
    // "In the wrap-up…", "according to the deck's final slide": the section closing a document.
    const closing = new Set(this.headings.closingFor(asked));
    for (const ref of closing) headed.add(ref);
    if (subject !== undefined) for (const ref of this.headings.definingFor(subject)) headed.add(ref);
    // Sections found by their heading join the candidates while they are few: in a large collection
    // a heading shared by thousands of sections ("Conclusions") only lifts those found by their words.
    if (headed.size <= MAX_HEADED_ADDED) for (const ref of headed) if (!candidates.has(ref)) candidates.set(ref, 0);
    // First by coverage, Lunr's score and definitions (from the index alone), then word order for the best.
    const hits: ScoredPassage[] = [];
    const w = this.weights;
    for (const [ref, lunrScore] of candidates) {
      const passage = this.built.passages[ref];
      if (!passage) continue;
      const terms = this.termSets.get(ref, this.termsOf);
      const coverage = this.coverage(concepts, terms);
      const defines = definitional && hasAny(DEFINITION_CUES, terms) ? 1 : 0;
      const heading = askedBy.has(ref) ? HEADING_ASKED : closing.has(ref) ? HEADING_CLOSING : headed.has(ref) ? HEADING_MATCH : 0;
      const readIn = inSlides && this.kinds.get(passage.source) === 'slides' ? w.readIn : 0;
      hits.push({ passage, score: w.coverage * coverage + w.lunr * lunrScore + w.defines * defines + heading + readIn, coverage, terms, sentenceCoverage: 0 });
    }
    hits.sort((a, b) => b.score - a.score);
    // The question's adjacent pairs, once: each candidate then looks them up among its own pairs.
    const pairs = new Set<string>();
    for (let i = 1; i < concepts.length; i++) {
      const left = concepts[i - 1]?.phrase.at(-1);
      const right = concepts[i]?.phrase[0];
      if (left && right) pairs.add(`${left} ${right}`);
    }
    const questionPairs = [...pairs];
    const listAsked = LIST_QUESTION.test(asked);
    const credits = creditsAsked(asked);
    for (const hit of hits.slice(0, ORDERED_CANDIDATES)) {
      const shape = this.shapeOf(hit.passage);
      hit.sentenceCoverage = this.bestSentenceCoverage(concepts, shape, credits);
      hit.score += w.adjacency * this.adjacency(questionPairs, shape.pairs) + w.sentence * hit.sentenceCoverage;
      if (listAsked && shape.sentences.some((unit) => isList(unit.text) && this.coverage(concepts, shape.underHeading[unit.position] ?? unit.terms) >= hit.sentenceCoverage * LIST_NEAR_BEST)) {
        hit.score += w.list;
      }
    }
    hits.sort((a, b) => b.score - a.score);
    return { concepts, hits: hits.slice(0, limit) };
  }
}

