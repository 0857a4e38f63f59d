import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { NO_ENGLISH_WORDS, answerQuestion, lookedUpNote, matchablePart, otherLanguageNote } from '../../src/core/ask.js';
import { endQuietlyWhenOutputCloses } from '../../src/cli/args.js';
import { errorMessage } from '../../src/core/errors.js';
import { cleanInput } from '../../src/core/intents.js';
import type { KnowledgeAnswer } from '../../src/core/ports.js';
import { knowledgePaths } from '../../src/knowledge/default-paths.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { createLogger } from '../../src/logger.js';
import { renderConsoleReply } from './console-render.js';

const usage = `Usage:
  npm run --silent ask -- "your question"      answer one question
  npm run --silent ask -- --json < questions    one question per line in, one JSON object per line out`;

/** The knowledge base's answer; a question in another language that it does not answer says so, as in chat. */
const answerSafely = (kb: KnowledgeBase, question: string): KnowledgeAnswer => {
  try {
    // Another script: only its English words, names and numbers can be looked up, as in chat.
    const matchable = matchablePart(question);
    if (matchable === '') return { question, noAnswer: true, confidence: 'none', answer: NO_ENGLISH_WORDS, sources: [], suggestions: [] };
    if (matchable !== undefined) {
      const answer = kb.answer(matchable);
      return { ...answer, question, answer: `${lookedUpNote(matchable)}\n\n${answer.answer}` };
    }
    const answer = kb.answer(cleanInput(question));
    const note = otherLanguageNote(question, answer);
    return note === undefined ? answer : { ...answer, answer: note, suggestions: [] };
  } catch (error) {
    return { question, noAnswer: true, confidence: 'none', answer: `Could not answer: ${errorMessage(error)}`, sources: [], suggestions: [] };
  }
};

/** One question answered as the bot answers it in chat (other scripts and languages included), as console text. */
const answerText = (kb: KnowledgeBase, question: string): string => {
  try {
    return answerQuestion(kb, cleanInput(question)).map((reply) => renderConsoleReply(reply, () => undefined).text).join('\n\n');
  } catch (error) {
    return `Could not answer: ${errorMessage(error)}`;
  }
};

/** The scripting contract: one object per question. */
const toJson = (question: string, answer: KnowledgeAnswer): string =>
  JSON.stringify({
    question,
    noAnswer: answer.noAnswer,
    confidence: answer.confidence ?? (answer.noAnswer ? 'none' : 'high'),
    answer: answer.answer,
    sources: answer.sources.map(({ source, title, page, passage, score }) => ({ source, title, ...(page === undefined ? {} : { page }), passage, score })),
  });

/** JSON lines: exactly the scripting contract, nothing else on standard output. */
const runJson = async (kb: KnowledgeBase): Promise<void> => {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    process.stdout.write(`${toJson(line, answerSafely(kb, line))}\n`);
  }
};

const main = async (): Promise<number> => {
  endQuietlyWhenOutputCloses();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const kb = await openKnowledgeBase(knowledgePaths(process.env.KNOWLEDGE_DIR), logger);
  const question = positionals.join(' ');
  if (values.json && question === '') {
    await runJson(kb);
    return 0;
  }
  if (question.trim() === '') {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (values.json) {
    process.stdout.write(`${toJson(question, answerSafely(kb, question))}\n`);
    return 0;
  }
  process.stdout.write(`${answerText(kb, question)}\n`);
  return 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ask: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
