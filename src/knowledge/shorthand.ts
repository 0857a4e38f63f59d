/**
 * Chat shorthand, written out before a question is read: "who came up w the idea", "adult ed",
 * "a stat on how many cities". Left as they are, such words are unknown to the documents, and an
 * unknown word of four letters or more is taken for a name the documents lack.
 */

/** Shorthand and what it stands for; an empty expansion is chat that says nothing about the topic. */
const SHORTHAND: Readonly<Record<string, string>> = {
  w: 'with',
  abt: 'about',
  bout: 'about',
  b4: 'before',
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ppl: 'people',
  govt: 'government',
  govts: 'governments',
  gov: 'government',
  stat: 'statistic',
  stats: 'statistics',
  exec: 'executive',
  execs: 'executives',
  info: 'information',
  org: 'organisation',
  orgs: 'organisations',
  dept: 'department',
  depts: 'departments',
  intl: 'international',
  natl: 'national',
  approx: 'approximately',
  yr: 'year',
  yrs: 'years',
  n: 'and',
  sth: 'something',
  smth: 'something',
  skool: 'school',
  tho: 'though',
  thru: 'through',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  lol: '',
  ha: '',
  haha: '',
  lmao: '',
  tbh: '',
  imo: '',
  imho: '',
  btw: '',
  fyi: '',
  ngl: '',
  idk: '',
};

/** Words written out only after the word before them: "adult ed" is adult education, "Ed" alone may be a name. */
const AFTER: ReadonlyArray<[RegExp, string]> = [
  [/\b(adult|further|higher|community)\s+ed\b\.?/gi, '$1 education'],
  // "sth" is "something", but "south" before a point of the compass's places ("sth korea", "Sth Africa").
  [/\bsth\.?(?=\s+(?:korea|africa|america|australia|wales|east|west|of)\b)/gi, 'south'],
  // "quick q": chat saying a question follows, not a name the documents lack; a lone "Q" may be one ("Q&A", "Q3").
  [/\b(?:quick|another|one\s+more|small|simple|silly|dumb|random|daft)\s+(?:q|qs|qn|qq)\b(?![&\p{N}-])\s*[:,–—-]?\s*/giu, ''],
];

const WORD = new RegExp(`(?<![\\p{L}\\p{N}'’.=/-])(${Object.keys(SHORTHAND).join('|')})(?![\\p{L}\\p{N}'’=/-]|\\.\\p{L})`, 'giu');

/** Chat is typed in lower case: "stats" or "Stats" is shorthand, "U.K.", "W3C" or "EXEC" is not, nor a short one capitalised before another capital ("Ha Long Bay", "N Ireland"; "Ha, does…" and "Ur toolkit" are chat). */
const typedAsChat = (found: string, after: string): boolean =>
  found === found.toLowerCase() || (found.slice(1) === found.slice(1).toLowerCase() && (found.length > 2 || !/^\s+\p{Lu}/u.test(after)));

/** "US" or "U.S." in capitals is the country, as the documents write it ("Pittsburgh, USA"), not "us": read so unless the whole message is in capitals. */
const US_COUNTRY = /(?<![\p{L}\p{N}.])(?:U\.S\.(?:A\.)?|US)(?![\p{L}\p{N}]|\.\p{L})/gu;

/**
 * A year written with two figures: "'96", or "96" after "in", "since", "back in"… at the end of its
 * clause ("what happened internationally in 96?"), not "in 96 cities". 70–99 are of the 1900s, 00–29 of the 2000s.
 */
const SHORT_YEAR = /(?:(?<=\b(?:in|since|from|by|until|till|before|after)\s)['’]?|(?<![\p{L}\p{N}])['’])([7-9]\d|[0-2]\d)(?![\p{L}\p{N}%'’.,]\p{N}|\s*%)(?=\s{0,3}(?:[?.!,;:)]|$)|\s(?:and|or|to|until|when|what|where|who|why|how|then)\b|(?<=['’]\d\d)s)/giu;
const fullYear = (two: string): string => `${Number(two) >= 70 ? '19' : '20'}${two}`;

/** The question with chat shorthand written out; "Victoria BC" and other capitals are left alone. */
export const expandShorthand = (question: string): string => {
  let text = /\p{Ll}/u.test(question) ? question.replace(US_COUNTRY, 'USA') : question;
  text = text.replace(SHORT_YEAR, (_found: string, two: string) => fullYear(two));
  for (const [pattern, replacement] of AFTER) text = text.replace(pattern, replacement);
  return text
    .replace(WORD, (found: string, _word: string, at: number, whole: string) => (typedAsChat(found, whole.slice(at + found.length)) ? (SHORTHAND[found.toLowerCase()] ?? found) : found))
    .replace(/[ \t]{2,}/gu, ' ')
    .trim();
};
