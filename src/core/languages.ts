/**
 * Telling a question asked in another language written in Latin letters ("¿qué es una ciudad del
 * aprendizaje?") from an English one, so that the bot can say that the documents are in English
 * instead of naming the foreign words as topics they lack. Only the little words of a language
 * count, and only those that are not English words too ("die", "was", "come" or "son" would
 * mislead) nor stand in names ("de", "la", "los", "des", "van", "von": Los Angeles, Des Moines).
 */
const FUNCTION_WORDS: ReadonlyArray<{ name: string; words: ReadonlySet<string>; alsoEnglish?: ReadonlySet<string> }> = [
  {
    name: 'Spanish',
    alsoEnglish: new Set(['a', 'no']),
    words: new Set(['qué', 'que', 'cómo', 'como', 'cuál', 'cual', 'cuáles', 'cuales', 'dónde', 'donde', 'cuándo', 'cuando', 'quién', 'quien', 'por', 'porqué', 'es', 'una', 'unas', 'unos', 'está', 'están', 'muy', 'pero', 'sobre', 'puede', 'pueden', 'tiene', 'tienen', 'nuestra', 'nuestro', 'nuestras', 'nuestros', 'ciudad', 'ciudades', 'aprendizaje', 'para', 'ser', 'hacer', 'cuántas', 'cuántos', 'cuantas', 'cuantos', 'ella', 'ellos', 'también']),
  },
  {
    name: 'French',
    alsoEnglish: new Set(['a', 'on']),
    words: new Set(['qu', 'est', 'une', 'quoi', 'comment', 'pourquoi', 'quand', 'où', 'qui', 'quel', 'quelle', 'quels', 'quelles', 'ville', 'villes', 'apprentissage', 'avec', 'pour', 'dans', 'sont', 'nous', 'vous', 'notre', 'nos', 'ce', 'cette', 'ces', 'elle', 'aux', 'pas', 'combien', 'peut', 'faire', 'sur', 'être']),
  },
  {
    name: 'German',
    alsoEnglish: new Set(['was', 'in', 'an', 'so', 'will']),
    words: new Set(['ist', 'sind', 'eine', 'ein', 'einer', 'einen', 'das', 'und', 'wie', 'warum', 'wann', 'wo', 'wer', 'welche', 'welcher', 'welches', 'stadt', 'städte', 'lernen', 'lernende', 'lernenden', 'nicht', 'für', 'auf', 'zu', 'ich', 'wir', 'unsere', 'unser', 'kann', 'können', 'gibt', 'es', 'viele', 'wieviele', 'bildung', 'dem']),
  },
  {
    name: 'Portuguese',
    alsoEnglish: new Set(['a', 'do', 'no', 'as']),
    words: new Set(['que', 'é', 'uma', 'cidade', 'cidades', 'aprendizagem', 'como', 'quais', 'qual', 'onde', 'quando', 'porque', 'são', 'não', 'nossa', 'nosso', 'para', 'quantas', 'quantos', 'pode', 'podem', 'tem', 'têm']),
  },
  {
    name: 'Italian',
    alsoEnglish: new Set(['a', 'in', 'come']),
    words: new Set(['che', 'cosa', 'è', 'una', 'della', 'delle', 'dello', 'degli', 'città', 'apprendimento', 'perché', 'quando', 'dove', 'chi', 'gli', 'nostra', 'nostro', 'quali', 'quale', 'quante', 'quanti', 'può', 'possono', 'sono', 'nel', 'nella']),
  },
  {
    name: 'Dutch',
    alsoEnglish: new Set(['is', 'in', 'was', 'an']),
    words: new Set(['wat', 'een', 'het', 'hoe', 'waarom', 'wanneer', 'waar', 'wie', 'welke', 'stad', 'steden', 'leren', 'niet', 'zijn', 'onze', 'voor', 'kunnen', 'hoeveel', 'lerende']),
  },
];

/**
 * English little words: a question that has as many of them as half its foreign ones is English
 * naming something foreign ("What is a Lernende Stadt?", "What is Lernen vor Ort und Bildung?").
 */
const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  'what', 'whats', 'which', 'who', 'how', 'why', 'when', 'where', 'is', 'are', 'was', 'does', 'do', 'did', 'can', 'could', 'should',
  'the', 'a', 'an', 'of', 'in', 'on', 'for', 'to', 'and', 'or', 'about', 'there', 'any', 'anything', 'this', 'that', 'with',
]);

const WORD = /[\p{Script=Latin}]+/gu;
/** Little words that, capitalised, are part of a name rather than of a sentence. */
const NAME_PARTS: ReadonlySet<string> = new Set(['São']);

/** Share of a question's words (three in ten) that must be one language's little words. */
const MIN_SHARE = 0.3;
/** …and at least this many of them. */
const MIN_WORDS = 2;

/**
 * The language a question in Latin letters is written in, when it is plainly not English: at
 * least two of its words, and three in ten, are that language's little words, at least twice as
 * many as its English ones. `undefined` for English and for anything it cannot tell.
 */
export const foreignLanguageOf = (text: string): string | undefined => {
  const written = text.match(WORD) ?? [];
  if (written.length < MIN_WORDS) return undefined;
  // A capitalised "São" names a place (São Paulo); "são" is a verb.
  const tokens = written.map((token) => (NAME_PARTS.has(token) ? '' : token.toLowerCase()));
  let best: { language: (typeof FUNCTION_WORDS)[number]; hits: number } | undefined;
  for (const language of FUNCTION_WORDS) {
    let hits = 0;
    for (const token of tokens) if (language.words.has(token)) hits++;
    if (hits > (best?.hits ?? 0)) best = { language, hits };
  }
  if (best === undefined || best.hits < MIN_WORDS || best.hits / tokens.length < MIN_SHARE) return undefined;
  // English little words that are the language's own too ("was" in German) do not count as English.
  const { alsoEnglish } = best.language;
  let english = 0;
  for (const token of tokens) if (ENGLISH_WORDS.has(token) && alsoEnglish?.has(token) !== true) english++;
  return best.hits >= 2 * english ? best.language.name : undefined;
};
