import type { AnswerContext, AnswerPort, KnowledgeAnswer } from './ports.js';
import { foreignLanguageOf } from './languages.js';
import { keptFor } from './kept.js';
import { textReply, type Citation, type Reply } from './replies.js';
import { createHash } from 'node:crypto';

/** Stable short key for an answered question, carried by the 👍/👎 buttons. */
export const feedbackKeyFor = (question: string): string =>
  createHash('sha256').update(question.toLowerCase()).digest('hex').slice(0, 16);

/** Unique citations (document and page) in the order the answer used them. */
const citationsOf = (answer: KnowledgeAnswer): Citation[] => {
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const { source, title, page } of answer.sources) {
    const key = `${source}\u0000${page ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    citations.push(page === undefined ? { title, source } : { title, source, page });
  }
  return citations;
};

/** Replies to the answers the knowledge base keeps (frozen, shared by everyone who asks the same). */
const keptReplies = new WeakMap<KnowledgeAnswer, Reply>();

/**
 * Renders a knowledge answer as a neutral reply. A kept answer (frozen) gets one frozen reply,
 * made once, so what adapters render from it can be kept too.
 */
export const answerReply = (answer: KnowledgeAnswer): Reply =>
  keptFor(keptReplies, answer, replyTo, (reply) => {
    if (reply.citations !== undefined) Object.freeze(reply.citations);
    return Object.freeze(reply);
  });

const replyTo = (answer: KnowledgeAnswer): Reply => {
  if (answer.noAnswer) {
    const topics = answer.suggestions.length > 0 ? `\n\nNearest topics in the documents: ${answer.suggestions.join('; ')}.` : '';
    return { kind: 'answer', text: `${answer.answer}${topics}` };
  }
  return {
    kind: 'answer',
    text: answer.answer,
    citations: citationsOf(answer),
    feedbackKey: feedbackKeyFor(answer.question),
    shareable: true,
  };
};

const LETTER = /\p{L}/u;
/** ASCII only: its letters are all Latin, so nothing is foreign. */
const ASCII = /^[\u0000-\u007f]*$/u;
const ASCII_WORD = /[A-Za-z0-9]/u;
const LATIN = /\p{Script=Latin}/u;
/** Words the English documents can match: Latin-script words and numbers (GNLC, UNESCO, 2013). */
const MATCHABLE = /[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}'’-]*/gu;

/**
 * The answer to a question in Latin letters. One the documents do not answer is checked for being
 * in another language ("¿qué es una ciudad del aprendizaje?"): rather than naming its words as
 * topics the documents lack, the reply says that they are in English.
 */
const answerLatin = (answers: AnswerPort, question: string, context: AnswerContext): Reply => {
  const answer = answers.answer(question, context);
  const note = otherLanguageNote(question, answer);
  return note === undefined ? answerReply(answer) : textReply(note);
};

/** What a refusal says instead when the question is in another language written in Latin letters; undefined otherwise. */
export const otherLanguageNote = (question: string, answer: KnowledgeAnswer): string | undefined => {
  const language = answer.noAnswer ? foreignLanguageOf(question) : undefined;
  return language === undefined
    ? undefined
    : `That looks like ${language}. The documents are in English, and I can only answer questions asked in English: please ask again in English, for example “what is a learning city?”.`;
};

export const ENGLISH_ONLY_NOTE = 'The documents are in English, so I can only match the English words, names and numbers in your question.';
/** Said of a question in another script with no English word, name or number in it. */
export const NO_ENGLISH_WORDS = `${ENGLISH_ONLY_NOTE} There are none in this one; please ask in English.`;
/** Said before the answer to the English words of a question in another script. */
export const lookedUpNote = (matchable: string): string => `${ENGLISH_ONLY_NOTE} I looked up: “${matchable}”.`;

/**
 * For a question written partly or wholly in another script: the English words, names and numbers
 * it contains, which are all the documents can match ("" when there are none); undefined for a
 * question in Latin letters only.
 */
export const matchablePart = (question: string): string | undefined => {
  if (ASCII.test(question)) return undefined;
  const foreign = [...question].filter((char) => LETTER.test(char) && !LATIN.test(char)).length;
  return foreign === 0 ? undefined : (question.match(MATCHABLE) ?? []).join(' ');
};

/**
 * Answers a question from the knowledge base. The documents are in English: a question written
 * partly or wholly in another script (Arabic, Chinese) is told so and answered from the English
 * words, names and numbers it contains; one in another language written in Latin letters that
 * they do not answer is told so; one with no words at all (emoji) is told how to ask.
 */
export const answerQuestion = (answers: AnswerPort, question: string, context: AnswerContext = {}): Reply[] => {
  // Most questions are ASCII with a letter or digit: nothing in them to count character by character.
  if (ASCII.test(question) && ASCII_WORD.test(question)) return [answerLatin(answers, question, context)];
  const topics = answers.topics();
  const topicLine = topics.length > 0 ? ` I can help with topics such as: ${topics.join('; ')}.` : '';
  if (!LETTER.test(question) && !/\p{N}/u.test(question)) {
    return [textReply(`The documents are in English, and there are no words in that for me to look up. Please ask in English words, for example “what is a learning city?”.${topicLine}`)];
  }
  const matchable = matchablePart(question);
  if (matchable === undefined) return [answerLatin(answers, question, context)];
  if (matchable.trim() === '') return [textReply(`${NO_ENGLISH_WORDS}${topicLine}`)];
  const answer = answerReply(answers.answer(matchable, context));
  return [{ ...answer, text: `_${lookedUpNote(matchable)}_\n\n${answer.text}` }];
};
