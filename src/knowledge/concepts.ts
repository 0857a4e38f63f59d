import { BoundedCache } from './bounded-cache.js';
import { commonestWords, everydayRank, rarity } from './common-english.js';
import { entityWords, wordsOfNames } from './names.js';
import { findSynonyms, phraseStems, type StemPhrase, type SynonymTable } from './synonyms.js';
import { FRAMING_WORDS, QUESTION_FILLERS, isStopWord, stem, words } from './text.js';
import { editDistance, editsOne, type TypoCorrector } from './typos.js';
import { RELATION_ORDER, type Relation, type RelatedWord, type WordNet } from './wordnet.js';

/** One idea of the question: the user's words (as stems) and other ways of saying them. */
export interface Concept {
  /** The words as the user wrote them, for messages. */
  surface: string;
  phrase: StemPhrase;
  alternatives: StemPhrase[];
  /** How much the concept says about a passage: its inverse document frequency, lowered for weak evidence. */
  weight: number;
  /** The user's own words occur in the documents. */
  known: boolean;
  /** A name, acronym or year: when the documents lack it, they do not answer the question. */
  entity: boolean;
  /** How the word was bridged onto the documents' words, when it was. */
  bridge?: Relation | 'spelling';
  /** Two words WordNet lists as one verb ("took part", "set up"): what is done, not what it is done to. */
  phrasalVerb?: true;
}

/** The concept's words as a pattern's source, each escaped, with `between` (a pattern) between them: "South Korea" and `[\s-]+` give `South[\s-]+Korea`. */
export const wordsPattern = (concept: Concept, between: string): string =>
  concept.surface.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join(between);

/** True when the concept reaches the documents through WordNet, not as the asker's own word, a synonym of the table or a corrected spelling. */
export const throughWordNet = (concept: Concept): boolean => concept.bridge !== undefined && concept.bridge !== 'spelling';

/**
 * True when the documents lack the concept: not the asker's word, and reached by nothing, or only
 * through a kind of it ("weather": the elements), which says nothing of the word itself.
 */
export const documentsLack = (concept: Concept): boolean => !concept.known && (concept.alternatives.length === 0 || concept.bridge === 'hyponym');

/** What the concept builder needs to know about the collection. */
export interface Vocabulary {
  frequency(term: string): number;
  idf(term: string): number;
  /** Weight of a word the documents never use: that of their rarest word. */
  unknownWeight: number;
  /** Folded words the documents write as names ("birmingham"), recognised in lower case too. */
  names?: ReadonlySet<string>;
}

/** Forms of "stand" that, before "for", ask what an acronym means. */
const STAND = new Set(['stand', 'stands']);

/** Share of its weight that a framing word ("goals", "purpose") keeps. */
const FRAMING_WEIGHT = 0.3;
/** Words found in nearly every passage still say something; this keeps them from weighing nothing. */
const MIN_WEIGHT = 0.25;
/** A bridged word weighs less than the user's own word: the nearer the relation, the more. */
const BRIDGE_WEIGHT: Record<Relation | 'spelling', number> = { spelling: 0.9, synonym: 0.7, derived: 0.6, hypernym: 0.45, hyponym: 0.45, part: 0.45 };
/** Share of its weight that the commonest English word keeps when the documents use it. */
const KNOWN_FLOOR = 0.1;
/** Words whose bridge is kept; beyond that the oldest are forgotten. */
const BRIDGES_KEPT = 20_000;
/** Related words kept per bridged word, nearest relations first. */
const MAX_BRIDGES = 8;
/** Content words read from one message. */
const MAX_WORDS = 60;
/**
 * WordNet lookups per message (a word the documents lack takes two: as a name and as a word);
 * questions have a handful of unknown words, hostile input many. A clause setting the scene
 * ("Our team in Nairobi is making the demographic case…") may take a dozen before the question
 * starts: at 12, "became" in "…when the majority of humanity became urban?" was left unbridged.
 */
const MAX_LOOKUPS = 32;
/** Each part of two everyday words written as one ("toolset") has at least this many letters. */
const MIN_PART = 3;
/** …and at most this many letters in all: longer strings are not two words. */
const MAX_COMPOUND = 24;
/** Words commoner than this rank are never taken for typos. */
const TYPO_RANK = 10_000;
/** Questions whose concepts are kept; a message longer than this is not a question asked again. */
const RECENT_QUESTIONS = 2_000;
const MAX_REMEMBERED_CHARS = 300;

let fillers: string[] | undefined;
/** Stop and filler words worth matching a typo against: all of them are among English's commonest words. */
const fillerWords = (): string[] =>
  (fillers ??= [...new Set([...commonestWords(2_000).filter(isStopWord), ...QUESTION_FILLERS])].filter((word) => word.length > 1));

/** A word one letter from a filler word ("wat", "anythin"), which the documents' vocabulary cannot correct. */
const isMistypedFiller = (word: string): boolean =>
  (everydayRank(word) ?? Infinity) >= TYPO_RANK &&
  fillerWords().some((filler) => Math.abs(filler.length - word.length) <= 1 && editDistance(word, filler, 1) <= 1);

/** Words this long or longer may be an everyday word misspelt; shorter ones are as likely names ("Derry"). */
const MISSPELT_MIN_LENGTH = 6;
/** …and no longer than this: English words are, and each letter costs some 54 strings to look up. */
const MISSPELT_MAX_LENGTH = 20;
/** An everyday word is one of English's this many commonest. */
const EVERYDAY_RANK = 20_000;

/** The everyday English word one edit from `word` ("recomend" → recommend), when there is one. */
const misspeltEveryday = (word: string): string | undefined => {
  if (word.length < MISSPELT_MIN_LENGTH || word.length > MISSPELT_MAX_LENGTH) return undefined;
  let best: string | undefined;
  let bestRank = EVERYDAY_RANK;
  for (const candidate of editsOne(word)) {
    const rank = everydayRank(candidate);
    if (rank !== undefined && rank < bestRank) [best, bestRank] = [candidate, rank];
  }
  return best;
};

/** The documents' words for a word they lack, the nearest relation found, and how rare those words are. */
interface Bridge {
  alternatives: StemPhrase[];
  relation: Relation;
  /** Rarity of the rarest word bridged to: a bridge never weighs more than that word would. */
  rarity: number;
  /** Alternatives that are places within a place within the one named ("Canadian": Vancouver, in British Columbia). */
  remote: StemPhrase[];
}

/** A decade: "1990s", "2000s", "the 90s", "the seventies" (the short forms taken as 1920–2010). */
const DECADE = /^(?:(?:1[5-9]|20)\d0s|\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)$/;
const DECADE_WORDS: Readonly<Record<string, number>> = { twenties: 1920, thirties: 1930, forties: 1940, fifties: 1950, sixties: 1960, seventies: 1970, eighties: 1980, nineties: 1990 };
/** The years of a decade, each as a one-stem phrase. */
const yearsOf = (decade: string): StemPhrase[] => {
  const short = /^(\d)0s$/.exec(decade)?.[1];
  const first = DECADE_WORDS[decade] ?? (short === undefined ? Number(decade.slice(0, 4)) : Number(short) >= 2 ? 1900 + Number(short) * 10 : 2000 + Number(short) * 10);
  return Array.from({ length: 10 }, (_, i) => [String(first + i)]);
};

/** Prefixes that make English words WordNet does not list ("redrawing", "underfunded"). */
const ENGLISH_PREFIX = /^(?:re|un|de|dis|mis|pre|non|over|under|out|co|sub|inter|anti|self)-?(\p{L}{4,})$/u;
/** A word and the second half of a compound written as one ("policymaking", "citywide", "placeshaping"): group 1 is the first. */
const COMPOUND_HEAD = /^(\p{L}{3,})(?:making|building|shaping|setting|based|wide|led|friendly|oriented|focused|driven|related|minded|holders?|owners?)$/u;

/** The ending of a comparative or superlative ("quicker", "biggest"). */
const DEGREE = /(?:er|est)$/;
/** Below this length, a word's "-er" or "-est" is rarely a degree ("her", "nest"). */
const DEGREE_FROM = 5;

/** An adjective's comparative and superlative, as spelt by rule: "fast" → faster, fastest; "big" → bigger; "easy" → easier. */
const inDegree = (adjective: string): string[] => {
  if (!/^\p{Ll}{2,}$/u.test(adjective)) return [];
  const base = /[^aeiou]y$/u.test(adjective) ? `${adjective.slice(0, -1)}i` : /e$/u.test(adjective) ? adjective.slice(0, -1) : /[^aeiou][aeiou][bdgmnpt]$/u.test(adjective) ? `${adjective}${adjective.slice(-1)}` : adjective;
  return [`${base}est`, `${base}er`];
};

/** How far a word is bridged: an ordinary word to any related word but a place within it; a name to its own forms and the places within it; or to its own forms only. */
type Reach = 'word' | 'name' | 'forms';
const REACHES: Readonly<Record<Reach, ReadonlySet<Relation>>> = {
  word: new Set(['synonym', 'derived', 'hypernym', 'hyponym']),
  name: new Set(['derived', 'part']),
  forms: new Set(['derived']),
};

/** Builds weighted concepts from a question; one instance per knowledge base, caches bounded by its parts. */
export class ConceptBuilder {
  /** Per word: its bridge, `unknown` when WordNet does not know the word, `none` when nothing it relates to is used. */
  private readonly bridges = new BoundedCache<string, Bridge | 'unknown' | 'none'>(BRIDGES_KEPT);
  /** Concepts of recent questions, oldest first. */
  private readonly recent = new Map<string, Concept[]>();

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly synonyms: SynonymTable,
    private readonly corrector: TypoCorrector,
    private readonly wordnet: WordNet | undefined,
    /** Corrects a stem against the documents' stems, for typos of a word in another form. */
    private readonly stemCorrector?: TypoCorrector,
  ) {}

  /** True when the documents use every word of the phrase (as stems). */
  private uses(phrase: StemPhrase): boolean {
    return phrase.every((term) => this.vocabulary.frequency(term) > 0);
  }

  /** The documents' own words for a word they lack, through WordNet; cached, bounded. */
  private bridge(word: string, entity: boolean): Bridge | 'unknown' | undefined {
    const found = this.bridges.get(`${entity ? '!' : ''}${word}`, () => this.lookUpBridge(word, entity ? 'name' : 'word'));
    return found === 'none' ? undefined : found;
  }

  /** {@link bridge}, looked up in WordNet. */
  private lookUpBridge(word: string, reach: Reach): Bridge | 'unknown' | 'none' {
    const all = this.wordnet?.related(word) ?? [];
    // A name is bridged only to its own forms and to the places within it ("Welsh" → Wales →
    // Swansea): Leeds is not any city, but a passage about Barcelona is about a place in Spain.
    const own = all.filter((other) => REACHES[reach].has(other.relation));
    const partsOf = (place: string): RelatedWord[] => (this.wordnet?.related(place) ?? []).filter((part) => part.relation === 'part');
    const parts = reach === 'name' ? [...own.filter((other) => other.relation === 'part'), ...own.filter((other) => other.relation === 'derived').flatMap((other) => partsOf(other.word))] : [];
    // And the places within those: a city within a province within the country ("Canadian" → Canada → British Columbia → Vancouver).
    const deeper = parts.flatMap((part) => partsOf(part.word));
    const within = [...parts.filter((part) => !own.includes(part)), ...deeper];
    const partWords = new Set(parts.map((part) => part.word));
    const remoteWords = new Set(deeper.map((part) => part.word).filter((place) => !partWords.has(place)));
    const related = [...own, ...within].sort((a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation]);
    const alternatives: StemPhrase[] = [];
    const remote: StemPhrase[] = [];
    const seen = new Set<string>();
    let relation: Relation | undefined;
    let targetRarity = 0;
    // "quicker" (than any other) is "fastest": a word of degree is bridged to the documents' word in either degree.
    const degree = reach === 'word' && word.length >= DEGREE_FROM && DEGREE.test(word);
    for (const { word: lemma, relation: how } of related) {
      const other = degree && !lemma.includes(' ') && !this.uses([stem(lemma)]) ? (inDegree(lemma).find((form) => this.uses([stem(form)])) ?? lemma) : lemma;
      const phrase = other.includes(' ') ? phraseStems(other) : [stem(other)];
      // "ask for" is not "ask": a lemma that loses a word to stop-word removal says something else.
      if (phrase.length !== other.split(' ').length) continue;
      const key = phrase.join(' ');
      if (phrase.length === 0 || seen.has(key) || !this.uses(phrase)) continue;
      seen.add(key);
      alternatives.push(phrase);
      if (remoteWords.has(lemma)) remote.push(phrase);
      relation ??= how;
      targetRarity = Math.max(targetRarity, Math.min(...other.split(' ').map(rarity)));
      if (alternatives.length >= MAX_BRIDGES) break;
    }
    return relation ? { alternatives, relation, rarity: targetRarity, remote } : all.length === 0 ? 'unknown' : 'none';
  }

  /** The other forms of a name that the documents use ("japanese" → japan), through WordNet's derived forms; cached with the bridges. */
  private ownForms(word: string): StemPhrase[] {
    const found = this.bridges.get(`=${word}`, () => this.lookUpBridge(word, 'forms'));
    const own = stem(word);
    return typeof found === 'object' ? found.alternatives.filter((phrase) => phrase.join(' ') !== own) : [];
  }

  /**
   * A name written in lower case: a word the documents write as a name ("birmingham", "oecd"), or
   * a word they lack that WordNet knows only as a name ("leeds"). Either way not an ordinary
   * English word: "council" stays a word however the documents capitalise it.
   */
  private writtenAsName(word: string, known: boolean, lookup: () => void): boolean {
    if (known && this.vocabulary.names?.has(word) !== true) return false;
    lookup();
    const kind = this.wordnet?.kind(word);
    return known ? kind !== 'word' : kind === 'name';
  }

  /** The first word of a compound written as one ("policy" of "policymaking"), when the documents use it. */
  private compoundHead(word: string): string | undefined {
    const head = COMPOUND_HEAD.exec(word)?.[1];
    if (head !== undefined) return this.uses([stem(head)]) ? head : undefined;
    // Two everyday words written as one ("toolset", "skillset"): its first word is what the documents may use.
    if (word.length > MAX_COMPOUND) return undefined;
    for (let at = word.length - MIN_PART; at >= MIN_PART; at--) {
      const first = word.slice(0, at);
      const second = word.slice(at);
      if ((everydayRank(first) ?? Infinity) < EVERYDAY_RANK && (everydayRank(second) ?? Infinity) < EVERYDAY_RANK && this.uses([stem(first)])) return first;
    }
    return undefined;
  }

  /**
   * An English word by SUBTLEX or WordNet, itself or after a prefix ("redrawing"), or an everyday
   * word written together with a word that makes compounds ("policymaking", "citywide"); short
   * words are chat spelling, not names.
   */
  private isEnglish(word: string): boolean {
    if (word.length <= 3 || everydayRank(word) !== undefined) return true;
    const english = (part: string): boolean => everydayRank(part) !== undefined || (this.wordnet?.kind(part) ?? 'name') === 'word';
    const rest = ENGLISH_PREFIX.exec(word)?.[1];
    const head = COMPOUND_HEAD.exec(word)?.[1];
    return (rest !== undefined && english(rest)) || (head !== undefined && english(head));
  }

  /**
   * The concepts of a question: the same question (asked again, by another person, or redelivered)
   * is taken apart once while it stays among the recent ones. Concepts are never changed after.
   */
  build(question: string, maxConcepts: number): Concept[] {
    if (question.length > MAX_REMEMBERED_CHARS) return this.take(question, maxConcepts);
    const key = `${maxConcepts}\u0000${question}`;
    const remembered = this.recent.get(key);
    if (remembered !== undefined) {
      // Most recently used last, so the oldest is the first to go.
      this.recent.delete(key);
      this.recent.set(key, remembered);
      return [...remembered];
    }
    const concepts = this.take(question, maxConcepts);
    // Without budget for a word this time, a later message may correct it: nothing is kept then.
    if (this.corrector.refused || this.stemCorrector?.refused === true) return concepts;
    if (this.recent.size >= RECENT_QUESTIONS) this.recent.delete(this.recent.keys().next().value as string);
    this.recent.set(key, concepts);
    return [...concepts];
  }

  /**
   * Two words that WordNet lists as one verb ("took part", "draw up") as one concept: its base form,
   * and what it means in the documents' words ("took part" → participate). Compound nouns stay two
   * words: "case studies" read as one lost what "studies" alone found. Undefined when WordNet does
   * not list the words together, or neither the phrase nor anything it means is used.
   */
  private collocation(written: string[], entities: Set<string>): Concept | undefined {
    const lemma = this.wordnet?.collocation(written);
    if (lemma === undefined) return undefined;
    const phrase = phraseStems(lemma);
    // "set up" loses "up" to no list, but "look for" would lose "for": such a phrase is not kept.
    if (phrase.length !== lemma.split(' ').length) return undefined;
    const own = written.map(stem);
    const bridged = this.bridge(lemma, false);
    const alternatives = [own, ...(typeof bridged === 'object' ? bridged.alternatives : [])].filter((alternative) => this.uses(alternative) && alternative.join(' ') !== phrase.join(' '));
    const known = this.uses(phrase);
    if (!known && alternatives.length === 0) return undefined;
    const idf = (stems: StemPhrase): number => Math.max(MIN_WEIGHT, ...stems.map((term) => this.vocabulary.idf(term)));
    // The phrase says as much as its rarest word; a bridge no more than the word it leads to.
    let weight: number;
    let rarest = Math.max(...written.map(rarity));
    let relation: Relation | undefined;
    if (known) weight = idf(phrase);
    else if (this.uses(own)) weight = idf(own);
    else {
      const bridge = bridged as Bridge;
      relation = bridge.relation;
      rarest = Math.min(rarest, bridge.rarity);
      weight = BRIDGE_WEIGHT[bridge.relation] * Math.max(...bridge.alternatives.map(idf));
    }
    weight *= KNOWN_FLOOR + (1 - KNOWN_FLOOR) * rarest;
    return {
      surface: written.join(' '),
      phrase,
      alternatives,
      weight,
      known,
      entity: written.some((word) => entities.has(word)),
      ...(relation ? { bridge: relation } : {}),
      phrasalVerb: true,
    };
  }

  private take(question: string, maxConcepts: number): Concept[] {
    this.corrector.startMessage();
    this.stemCorrector?.startMessage();
    const entities = entityWords(question);
    const entityStems = new Set([...entities].map(stem));
    // A message of hundreds of words is not a question: its first words are read, the rest cost nothing.
    const all = words(question).slice(0, MAX_WORDS * 3);
    // Where each content word stands in the message: only words standing together form a phrase.
    // A filler capitalised within a name of several words ("European Year of Lifelong Learning") names something.
    const named = wordsOfNames(question, isStopWord);
    const positions = all.flatMap((word, i) => (isStopWord(word) && !(named.has(word) && QUESTION_FILLERS.has(word)) ? [] : [i])).slice(0, MAX_WORDS);
    const content = positions.map((i) => all[i] ?? '');
    const stems = content.map(stem);
    const matches = new Map(findSynonyms(stems, this.synonyms).map((match) => [match.start, match]));
    const { unknownWeight } = this.vocabulary;
    const concepts: Concept[] = [];
    let lookups = 0;
    let phraseLookups = 0;
    for (let i = 0; i < stems.length; i++) {
      const match = matches.get(i);
      if (!match && !matches.has(i + 1) && positions[i + 1] === (positions[i] ?? 0) + 1 && phraseLookups < MAX_LOOKUPS) {
        phraseLookups++;
        const collocation = this.collocation(content.slice(i, i + 2), entities);
        if (collocation) {
          i += 1;
          if (!concepts.some((concept) => concept.phrase.join(' ') === collocation.phrase.join(' '))) concepts.push(collocation);
          if (concepts.length >= maxConcepts) break;
          continue;
        }
      }
      const length = match?.length ?? 1;
      const phrase = stems.slice(i, i + length);
      const surface = content.slice(i, i + length).join(' ');
      i += length - 1;
      // A repeated word adds nothing; a message of hundreds of words is not a question.
      const key = phrase.join(' ');
      if (concepts.some((concept) => concept.phrase.join(' ') === key)) continue;
      const alternatives = [...(match?.alternatives ?? [])];
      const known = this.uses(phrase);
      let entity = surface.split(' ').some((word) => entities.has(word)) || (length === 1 && lookups < MAX_LOOKUPS && this.writtenAsName(surface, known, () => lookups++));
      let weight = Math.max(MIN_WEIGHT, ...phrase.map((term) => (this.vocabulary.frequency(term) > 0 ? this.vocabulary.idf(term) : unknownWeight)));
      let bridge: Concept['bridge'];
      let bridgedRarity = 1;
      // A word the documents lack whose synonyms in the table they use ("budget" → funding, "two" →
      // 2) says what those words say, not what their rarest word would: a name keeps its weight.
      const tabled = !known && !entity && alternatives.some((alternative) => this.uses(alternative));
      if (tabled) weight = Math.max(MIN_WEIGHT, ...alternatives.flat().filter((term) => this.vocabulary.frequency(term) > 0).map((term) => this.vocabulary.idf(term)));
      if (!known && length === 1 && alternatives.length === 0) {
        // A common English word is not a typo, even when one letter away from a word of the documents,
        // nor is a rarer word the dictionary knows ("threads" is not "threats").
        const corrected =
          entity || (everydayRank(surface) ?? Infinity) < TYPO_RANK || (lookups < MAX_LOOKUPS && this.wordnet?.kind(surface) === 'word')
            ? undefined
            : this.corrector.correct(surface);
        // "wat" for "what": a mistyped filler word says nothing.
        if (corrected !== undefined ? isStopWord(corrected) : !entity && lookups < MAX_LOOKUPS && isMistypedFiller(surface)) continue;
        // A name is bridged only to its own forms ("Korean" to "Korea"): Leeds is not any city.
        const found = corrected === undefined && lookups++ < MAX_LOOKUPS ? this.bridge(surface, entity) : undefined;
        let compound: string | undefined;
        const bridged = typeof found === 'object' && found.alternatives.length > 0 ? found : undefined;
        // A word neither the documents nor WordNet know may be a typo of a form the documents use
        // ("tecnology" for "technologies"): its stem is corrected against their stems.
        const correctedStem =
          corrected === undefined && found === 'unknown' && !entity && (everydayRank(surface) ?? Infinity) >= TYPO_RANK
            ? this.stemCorrector?.correct(stem(surface))
            : corrected && stem(corrected);
        if (correctedStem !== undefined && this.vocabulary.frequency(correctedStem) > 0) {
          alternatives.push([correctedStem]);
          bridge = 'spelling';
          weight = BRIDGE_WEIGHT.spelling * Math.max(MIN_WEIGHT, this.vocabulary.idf(correctedStem));
        } else if (bridged) {
          // A place the question names itself is asked about by that name: in "which Canadian cities other than Victoria…?",
          // a passage on Victoria in Australia does not hold "Canadian" through the Victoria in British Columbia.
          alternatives.push(...bridged.alternatives.filter((alternative) => !bridged.remote.includes(alternative) || !alternative.every((term) => entityStems.has(term))));
          bridge = bridged.relation;
          bridgedRarity = bridged.rarity;
          weight = BRIDGE_WEIGHT[bridged.relation] * Math.max(MIN_WEIGHT, ...bridged.alternatives.flat().map((term) => this.vocabulary.idf(term)));
        } else if (!entity && found === 'unknown' && corrected === undefined && (compound = this.compoundHead(surface)) !== undefined) {
          // "policymaking" is a kind of what its first word names: "policies" are a step away, as one level up.
          const head = [stem(compound)];
          alternatives.push(head);
          bridge = 'hypernym';
          weight = BRIDGE_WEIGHT.hypernym * Math.max(MIN_WEIGHT, this.vocabulary.idf(head[0] ?? ''));
        } else if (!entity && found === 'unknown' && corrected === undefined && !this.isEnglish(surface)) {
          // In no dictionary, no document and no spelling near one: most likely a name ("kirklees");
          // one letter from an everyday word, that word misspelt ("recomend").
          const meant = misspeltEveryday(surface);
          if (meant === undefined) entity = true;
          else weight *= rarity(meant);
        } else if (!entity) {
          weight *= rarity(surface);
        }
      }
      // A decade ("the early 2000s") is any of its years: "…ran from 2005 to 2007" answers it.
      if (length === 1 && DECADE.test(surface)) {
        for (const year of yearsOf(surface)) {
          if (this.vocabulary.frequency(year[0] ?? '') > 0 && !alternatives.some((alternative) => alternative.join(' ') === year[0])) alternatives.push(year);
        }
      }
      // A name the documents use is also found in its other forms: "Japanese" in "…the first Lifelong Learning City in Japan".
      if (known && entity && length === 1 && alternatives.length === 0 && lookups++ < MAX_LOOKUPS) alternatives.push(...this.ownForms(surface));
      // An everyday word ("people", "up", "supposed") says less than a rare one, used or bridged.
      if ((known || bridge !== undefined || tabled) && !entity) weight *= KNOWN_FLOOR + (1 - KNOWN_FLOOR) * Math.min(rarity(surface), bridgedRarity);
      // "What does ELLI stand for?" asks what it means: "stand" frames the question as "mean" does.
      const standsFor = length === 1 && STAND.has(surface) && all[(positions[i] ?? -2) + 1] === 'for';
      if (FRAMING_WORDS.has(surface) || standsFor) weight *= FRAMING_WEIGHT;
      concepts.push({ surface, phrase, alternatives, weight, known, entity, ...(bridge ? { bridge } : {}) });
      if (concepts.length >= maxConcepts) break;
    }
    return concepts;
  }
}
