import type { AnswerContext, KnowledgeAnswer } from '../core/ports.js';
import { answerQuestion, readsPrevious } from './answer.js';
import { BoundedCache } from './bounded-cache.js';
import type { ConfidenceModel } from './confidence.js';
import type { PassageSearch } from './search.js';

/** Answers one knowledge base keeps for questions asked again (about 4 KB each). */
export const ANSWERS_KEPT = 1_000;
/** Answers kept for each workspace's own collection searched beside it: workspaces are many (32 kept per instance). */
export const ANSWERS_KEPT_PER_WORKSPACE = 100;

const frozen = (answer: KnowledgeAnswer): KnowledgeAnswer => {
  for (const source of answer.sources) Object.freeze(source);
  Object.freeze(answer.sources);
  Object.freeze(answer.suggestions);
  return Object.freeze(answer);
};

/**
 * Answers already given, kept for the questions practitioners ask again ("what is a learning
 * city?"). An answer follows from the question, the collections searched and, for a follow-up
 * only, the question before it; a collection never changes (a reload or a workspace's new
 * documents make a new one), so a kept answer stays right for as long as its collection is
 * searched. `more` (passages already shown) is answered afresh. The least recently asked
 * question is forgotten first; kept answers are frozen, since every asker shares them.
 */
export class AnswerMemo {
  readonly #answers: BoundedCache<string, KnowledgeAnswer>;

  constructor(private readonly limit: number = ANSWERS_KEPT) {
    this.#answers = new BoundedCache(limit, true);
  }

  answer(searches: PassageSearch | readonly PassageSearch[], question: string, model: ConfidenceModel, context: AnswerContext = {}): KnowledgeAnswer {
    const shown = context.shown ?? [];
    if (this.limit <= 0 || shown.length > 0) return answerQuestion(searches, question, model, context.previous, shown);
    // A question that does not lean on the one before is answered alike after any question.
    const previous = context.previous !== undefined && readsPrevious(searches, question) ? context.previous : undefined;
    const key = previous === undefined ? question : `${question}\u0000${previous}`;
    return this.#answers.get(key, () => frozen(answerQuestion(searches, question, model, previous)));
  }
}
