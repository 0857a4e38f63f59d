import { britishSpelling, foldText, words } from './text.js';

/** A word and what stands before it on its line: sentence starts are told apart from names. */
const TOKEN = /[\p{L}\p{N}'’]+/gu;
/** What ends a sentence or starts a list item or line: a capital after it says nothing. */
const SENTENCE_BREAK = /[.!?:;•*#>\-–—(\n"“‘]$/u;

/**
 * The words a collection writes as names: capitalised inside a sentence at least once and never
 * in lower case anywhere ("Birmingham", "UNESCO", but not "Learning" of "Learning City", which is
 * also written "lifelong learning"). A question may then write them in lower case and still be
 * understood to name a place or body. Folded as `words` folds them.
 */
export const collectionNames = (texts: Iterable<string>): Set<string> => {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(TOKEN)) {
      const token = match[0];
      const first = token[0] ?? '';
      if (/^\p{N}/u.test(first)) continue;
      const word = britishSpelling(foldText(token).replace(/'s$/u, '').replace(/'/gu, ''));
      if (word === '') continue;
      if (first === first.toLowerCase()) {
        lower.add(word);
        continue;
      }
      const before = text.slice(Math.max(0, match.index - 3), match.index).trimEnd();
      if (before !== '' && !SENTENCE_BREAK.test(before)) capitalised.add(word);
    }
  }
  for (const word of lower) capitalised.delete(word);
  return capitalised;
};

/** A capitalised word and a space just before a two-letter code: "Victoria BC", "Perth WA". */
const NAME_BEFORE_CODE = /\p{Lu}[\p{L}'’]+ $/u;

/**
 * Folded words the question writes as names (capitalised inside a sentence: not its first word,
 * nor one after a full stop), acronyms and years. A two-letter code right after a name ("Victoria
 * BC") says which place of that name is meant, and a name joined by a hyphen to the word after it
 ("European-funded") says how; neither names anything the documents must hold.
 */
export const entityWords = (question: string): Set<string> => {
  const found = new Set<string>();
  for (const match of question.matchAll(TOKEN)) {
    const token = match[0];
    if (/^\p{Lu}{2}$/u.test(token) && NAME_BEFORE_CODE.test(question.slice(Math.max(0, match.index - 41), match.index))) continue;
    // "European-funded", "UK-based": a name that qualifies a word after a hyphen says how, not what about.
    if (/^-\p{Ll}/u.test(question.slice(match.index + token.length, match.index + token.length + 2))) continue;
    const acronym = /^\p{Lu}{2,}s?$/u.test(token);
    const before = question.slice(Math.max(0, match.index - 3), match.index).trimEnd();
    const name = before !== '' && !/[.!?\n]$/u.test(before) && /^\p{Lu}\p{Ll}/u.test(token);
    const year = /^(?:1[5-9]|20)\d\d$/u.test(token);
    if (acronym || name || year) for (const word of words(token)) found.add(word);
  }
  return found;
};

/** A capitalised word and what stands before it on its line: "European" before "Year". */
const CAPITALISED_BEFORE = /(\p{Lu}[\p{L}'’]*)[ \t]+$/u;

/**
 * Folded words the question writes capitalised as part of a name of several words, after another
 * capitalised word that is itself a content word ("Year" of "European Year of Lifelong Learning"):
 * there they name something, even when, alone, they would be filler ("what year…?"). Not in a
 * message written in title case ("Can You Tell Me What Year…"), where capitals name nothing.
 */
export const wordsOfNames = (question: string, isFiller: (word: string) => boolean): Set<string> => {
  const found = new Set<string>();
  const tokens = [...question.matchAll(TOKEN)].filter((match) => /^\p{L}{2}/u.test(match[0]));
  // Title case capitalises the small words too ("What Year The…"); a name among them does not ("…of Lifelong Learning").
  const small = tokens.slice(1).filter((match) => words(match[0]).every(isFiller));
  if (small.filter((match) => /^\p{Lu}/u.test(match[0])).length * 2 > small.length) return found;
  for (const match of tokens) {
    if (!/^\p{Lu}\p{Ll}/u.test(match[0])) continue;
    const before = CAPITALISED_BEFORE.exec(question.slice(Math.max(0, match.index - 40), match.index))?.[1];
    if (before === undefined || words(before).every(isFiller)) continue;
    for (const word of words(match[0])) found.add(word);
  }
  return found;
};
