import lunr from 'lunr';
import { familyStem } from './stem-families.js';

// Lunr splits on whitespace and hyphens only, so "region/city/community", "City,Town" and
// "venice^10" would each be one word. Anything but letters, digits and apostrophes separates words,
// for documents and questions alike.
lunr.tokenizer.separator = /[^\p{L}\p{N}'’]+/u;

/**
 * Folds text for matching: lower case, accents removed, typographic quotes and dashes made plain.
 * Used on both documents and questions so they meet in the same form.
 */
export const foldText = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .toLowerCase();

/** Whitespace and quote folding used to compare phrases (evaluation, tests). */
export const foldForPhrase = (text: string): string =>
  foldText(text)
    .replace(/['"]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** American spellings whose British form differs by more than a suffix, and the form used for both. */
const SPELLINGS = new Map(
  [
    ['center', 'centre'], ['centers', 'centres'], ['program', 'programme'], ['programs', 'programmes'],
    ['labor', 'labour'], ['behavior', 'behaviour'], ['behaviors', 'behaviours'], ['neighbor', 'neighbour'],
    ['neighbors', 'neighbours'], ['neighborhood', 'neighbourhood'], ['neighborhoods', 'neighbourhoods'],
    ['color', 'colour'], ['favor', 'favour'], ['honor', 'honour'], ['catalog', 'catalogue'], ['defense', 'defence'],
    ['license', 'licence'], ['enroll', 'enrol'], ['enrollment', 'enrolment'], ['fulfill', 'fulfil'],
    ['skillful', 'skilful'], ['traveled', 'travelled'], ['traveling', 'travelling'], ['modeling', 'modelling'],
  ],
);
/** "-ize" and "-yze" forms ("organizations", "analyzed") and the words where "ize" is the root ("size", "prize"). */
const IZE = /^(\p{L}{4,}?)([iy])z(e|es|ed|ing|ation|ations|er|ers)$/u;
const IZE_ROOTS = /^(?:down|up|over|under|re|mid|king|super|out|bite|life|cap|full|plus|right|half)?siz(?:e|es|ed|ing|er|ers)$/u;

/**
 * One spelling for British and American forms, in documents and questions alike: "organization"
 * and "organisation", "center" and "centre" meet on the same word (the stemmer would keep them apart).
 */
export const britishSpelling = (word: string): string => {
  const mapped = SPELLINGS.get(word);
  if (mapped !== undefined) return mapped;
  if (IZE_ROOTS.test(word)) return word;
  return word.replace(IZE, (_, root: string, vowel: string, ending: string) => `${root}${vowel}s${ending}`);
};

/** Contractions written out, so that "they'll", "I'd" or "we'll" become stop words, not words ("theyll", "id", "well"). */
const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(i|you|he|she|it|we|they|who|that|there)'d\b/g, '$1 would'],
  [/\bi'm\b/g, 'i am'],
];
const writeOut = (folded: string): string => (folded.includes("'") ? CONTRACTIONS.reduce((text, [pattern, written]) => text.replace(pattern, written), folded) : folded);

/** Words of a text as Lunr sees them before stop words and stemming: trimmed of punctuation. */
export const words = (text: string): string[] =>
  lunr
    .tokenizer(writeOut(foldText(text)))
    .map((token) => lunr.trimmer(token))
    .filter((token): token is lunr.Token => token instanceof lunr.Token)
    .map((token) => token.toString())
    // Possessives and leftover apostrophes: "oecd's" -> "oecd".
    .map((word) => britishSpelling(word.replace(/'s$/u, '').replace(/'/g, '')))
    .filter((word) => word.length > 0);

/** Question words and fillers that say nothing about the topic, on top of Lunr's English stop words. */
export const QUESTION_FILLERS = new Set([
  'tell', 'please', 'need', 'want', 'know', 'say', 'says', 'said', 'give', 'explain', 'mention', 'mentions',
  'short', 'anything', 'something', 'thing', 'things', 'also', 'really', 'just', 'way', 'ways', 'kind', 'sort',
  'us', 'me', 'you', 'we', 'i', 'e.g', 'eg', 'etc', 'thanks', 'thank', 'cheers', 'hi', 'hello', 'hey', 'hiya', 'ok', 'okay', 'get', 'got', 'each', 'too', 'still',
  'itself', 'themselves', 'purely', 'mainly', 'doe', 'current', 'currently', 'today', 'this', 'year',
  'become', 'through', 'whether', 'actually', 'anyone', 'someone', 'there', 'here', 'happen', 'happens', 'happened', 'happening',
  // "What the heck is…": emphasis, not a topic.
  'heck', 'hell',
  // Where the asker read it, not what about: "does the world of learning cities page say…", "according to the slides".
  'page', 'pages', 'webpage', 'website', 'site', 'slide', 'slides', 'deck', 'presentation', 'article', 'diagram', 'according',
  // Contractions typed without their apostrophe.
  'whats', 'thats', 'doesnt', 'dont', 'didnt', 'isnt', 'arent', 'wasnt', 'cant', 'wont', 'im', 'ive', 'weve',
  'youre', 'theyre', 'theres', 'hows', 'whos', 'wheres', 'lets', 'theyll', 'youll', 'itll', 'thatll',
  'wouldnt', 'shouldnt', 'couldnt', 'hasnt', 'havent', 'werent',
  // Possessive pronouns Lunr's list leaves out: "how did Birmingham run theirs?"; and "those", which points back as "these" does.
  'theirs', 'ours', 'yours', 'those',
  // The particle of a compound split at its hyphen: "start-ups", "drop-outs", "ins and outs".
  'ups', 'outs', 'offs', 'ins', 'ons',
]);

/** True for words that carry no topic: Lunr's English stop words and question fillers. */
export const isStopWord = (word: string): boolean =>
  QUESTION_FILLERS.has(word) || lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;

const stems = new Map<string, string>();
/** Bounds the stem cache; a collection's vocabulary fits easily, hostile input cannot grow it forever. */
const STEM_CACHE_LIMIT = 200_000;

/**
 * Lunr's English stemmer on one word, cached: the stemmer is slow and words repeat. A word the
 * stemmer would merge with an unrelated one ("authority" with "author") keeps a stem of its own
 * (see `familyStem`).
 */
export const stem = (word: string): string => {
  const cached = stems.get(word);
  if (cached !== undefined) return cached;
  const stemmed = familyStem(word) ?? lunr.stemmer(new lunr.Token(word, {})).toString();
  if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
  stems.set(word, stemmed);
  return stemmed;
};

/** Abbreviations a full stop does not end a sentence after: "St. John's and Edmonton…", "e.g. Cork". */
const ABBREVIATION = String.raw`(?<!\b(?:St|Dr|Mr|Mrs|Ms|Prof|Mt|No|Nos|Vol|vs|e\.g|i\.e|cf|approx)\.)`;
/** Where one sentence of a line ends and the next begins: after a stop, before a capital or a digit. */
export const SENTENCE_BREAK = new RegExp(String.raw`(?<=[.!?;])${ABBREVIATION}\s+(?=["'‘“(]?[A-Z0-9•])`, 'u');

/** Splits prose into sentences, keeping list items and headings whole. */
export const sentences = (text: string): string[] =>
  text
    .split(/\n+/u)
    .flatMap((line) => line.split(SENTENCE_BREAK))
    .map((sentence) => sentence.replace(/^\s*(?:[-*•]|\d+[.)])\s+/u, '').trim())
    .filter((sentence) => sentence.length > 0);

/**
 * Words that frame what is asked about a topic ("Swansea's goals", "the purpose of the toolkit")
 * rather than name the topic. A passage that answers often does not repeat them, so they count
 * for less when judging whether a passage answers at all.
 */
export const FRAMING_WORDS = new Set([
  'goal', 'goals', 'aim', 'aims', 'objective', 'objectives', 'purpose', 'purposes', 'role', 'roles',
  'definition', 'define', 'defined', 'meaning', 'mean', 'means', 'example', 'examples', 'benefit', 'benefits',
  'advantage', 'advantages', 'idea', 'ideas', 'overview', 'summary', 'describe', 'description', 'main', 'key',
  'important', 'type', 'types', 'list', 'number', 'many', 'much', 'use', 'used', 'useful', 'work', 'works',
  'statistic', 'statistics', 'figure', 'figures',
  'happen', 'happened', 'help', 'helps', 'achieve', 'achieving', 'try', 'trying', 'want', 'wants', 'involve', 'involved', 'mention', 'mentioned', 'cause', 'causes', 'problem', 'problems',
]);
