import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../src/core/ports.js';
import { projectRoot } from '../../src/knowledge/default-paths.js';
import { buildIndex } from '../../src/knowledge/index-build.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { realKnowledgeBase } from '../support/knowledge.js';

interface Asked {
  question: string;
  previous?: string;
}

const tuningQuestions = (): Asked[] => {
  const set = JSON.parse(readFileSync(join(projectRoot, 'test/fixtures/eval/tuning.json'), 'utf8')) as { answerable: Asked[]; unanswerable: Asked[] };
  return [...set.answerable, ...set.unanswerable];
};

describe('answers kept for questions asked again', () => {
  it('are what answering afresh gives, whatever was asked before, follow-ups included', async () => {
    const shared = await realKnowledgeBase();
    const kept = new KnowledgeBase(shared.built, shared.synonymTable);
    const fresh = new KnowledgeBase(shared.built, shared.synonymTable, undefined, undefined, 0);
    const asked = tuningQuestions();
    const followUps = asked.filter((q) => q.previous !== undefined);
    expect(followUps.length).toBeGreaterThan(5);
    // Each question three times: after its own question before (if any), after another question, and on its own.
    const contexts = (q: Asked, i: number): AnswerContext[] => [
      { previous: q.previous },
      { previous: asked[(i + 1) % asked.length]?.question },
      {},
    ];
    for (let round = 0; round < 2; round++) {
      asked.forEach((q, i) => {
        for (const context of contexts(q, i)) expect(kept.answer(q.question, context), `${q.question} after ${String(context.previous)}`).toEqual(fresh.answer(q.question, context));
      });
    }
    // The question before does change what a follow-up is answered with, so keeping answers by question alone would be wrong.
    const changed = followUps.filter((q) => JSON.stringify(kept.answer(q.question, { previous: q.previous })) !== JSON.stringify(kept.answer(q.question)));
    expect(changed.length).toBeGreaterThan(followUps.length / 2);
  });

  it('are shared, frozen, and bounded: the least recently asked is answered afresh', async () => {
    const shared = await realKnowledgeBase();
    const kb = new KnowledgeBase(shared.built, shared.synonymTable, undefined, undefined, 2);
    const first = kb.answer('What is a learning city?');
    expect(kb.answer('What is a learning city?')).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.sources) && first.sources.every((source) => Object.isFrozen(source))).toBe(true);
    expect(() => {
      (first.sources as unknown[]).push('changed');
    }).toThrow(TypeError);

    kb.answer('Who funds the UK Learning Cities Network?');
    expect(kb.answer('What is a learning city?')).toBe(first); // asked again: now the most recent
    kb.answer('What are the key features of learning cities?');
    expect(kb.answer('What is a learning city?')).toBe(first);
    kb.answer('Who funds the UK Learning Cities Network?');
    kb.answer('What are the key features of learning cities?');
    const again = kb.answer('What is a learning city?');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('are kept apart for each collection searched beside the shared one', async () => {
    const shared = await realKnowledgeBase();
    const kb = new KnowledgeBase(shared.built, shared.synonymTable);
    const question = 'When is the Leeds learning festival?';
    const page = (body: string) => kb.searchOver(buildIndex([{ file: 'festival.md', title: 'Festival notes', source: 'festival.md', kind: 'page', body }]));
    const june = kb.answerWith(page('## Learning festivals\n\nThe Leeds learning festival runs every June in libraries.'), question);
    const october = kb.answerWith(page('## Learning festivals\n\nThe Leeds learning festival runs every October in community centres.'), question);
    expect(june.answer).toMatch(/June/);
    expect(october.answer).toMatch(/October/);
    expect(kb.answerWith(undefined, question).sources.some((source) => source.source === 'festival.md')).toBe(false);
  });
});
