import { describe, expect, it } from 'vitest';
import { NOTHING_BEFORE_MORE, STILL_OPEN, createBot } from '../../src/core/bot.js';
import { workspaceKey } from '../../src/core/events.js';
import type { AnswerContext, AnswerPort, AssessmentPort } from '../../src/core/ports.js';
import { RecentQuestions } from '../../src/core/recent-questions.js';
import { consoleOrigin } from '../support/fake-chat.js';

describe('the last question of each conversation', () => {
  it('hands back the previous question and forgets the oldest conversation beyond its limit', () => {
    const recent = new RecentQuestions(2);
    const at = new Date('2025-01-01T10:00:00Z');
    expect(recent.swap('a', 'first in a', at)).toBeUndefined();
    expect(recent.swap('a', 'second in a', at)).toBe('first in a');
    recent.swap('b', 'first in b', at);
    recent.swap('c', 'first in c', at);
    expect(recent.size).toBe(2);
    expect(recent.swap('a', 'third in a', at)).toBeUndefined();
    expect(recent.swap('c', 'second in c', at)).toBe('first in c');
    // Asked in an assessment started later, a question does not lean on one asked before it.
    expect(recent.swap('c', 'third in c', new Date('2025-01-01T10:06:00Z'), new Date('2025-01-01T10:05:00Z'))).toBeUndefined();
  });

  it('reaches the answer port with the same conversation’s previous question only', async () => {
    const contexts: Array<[string, AnswerContext | undefined]> = [];
    const answers: AnswerPort = {
      answer: (question, context) => {
        contexts.push([question, context]);
        return { question, noAnswer: true, confidence: 'none', answer: 'No answer.', sources: [], suggestions: [] };
      },
      topics: () => [],
    };
    const bot = createBot({ answers });
    const here = consoleOrigin({ channelId: 'here' });
    const elsewhere = consoleOrigin({ channelId: 'elsewhere' });
    await bot.handle({ type: 'message', origin: here, text: 'what is the toolkit?' });
    await bot.handle({ type: 'message', origin: elsewhere, text: 'who funds festivals?' });
    await bot.handle({ type: 'message', origin: here, text: 'and who wrote it?' });
    expect(contexts).toEqual([
      ['what is the toolkit?', { previous: undefined, workspace: workspaceKey(here) }],
      ['who funds festivals?', { previous: undefined, workspace: workspaceKey(elsewhere) }],
      ['and who wrote it?', { previous: 'what is the toolkit?', workspace: workspaceKey(here) }],
    ]);
  });
});

describe('a chain of follow-ups', () => {
  it('leans on the question that started it, as long as each answer says it kept that subject', async () => {
    const contexts: Array<[string, string | undefined]> = [];
    const answers: AnswerPort = {
      answer: (question, context) => {
        contexts.push([question, context?.previous]);
        // The knowledge base reads a question saying "it" as a follow-up keeping the subject of the question before.
        const leansOn = context?.previous !== undefined && /\bit\b/u.test(question) ? { leansOn: context.previous } : {};
        return { question, noAnswer: true, confidence: 'none', answer: 'No answer.', sources: [], suggestions: [], ...leansOn };
      },
      topics: () => [],
    };
    const bot = createBot({ answers });
    const origin = consoleOrigin({ channelId: 'chain' });
    for (const text of ['what is the UK network?', 'and who funds it?', 'when was it set up?', 'what is the GNLC?', 'who runs it?']) {
      await bot.handle({ type: 'message', origin, text });
    }
    expect(contexts).toEqual([
      ['what is the UK network?', undefined],
      ['and who funds it?', 'what is the UK network?'],
      ['when was it set up?', 'what is the UK network?'],
      ['what is the GNLC?', 'what is the UK network?'],
      ['who runs it?', 'what is the GNLC?'],
    ]);
  });
});

describe('more on the last question', () => {
  const P1 = 'Belfast believes that learning matters. Belfast Learning City raises aspirations. It works with partners across the city.';
  const P1_UNQUOTED = 'Belfast believes that learning matters.\n\nIt works with partners across the city.';
  const P2 = 'Partners of Belfast meet every month.';
  const passages = [P1, P2];
  const contexts: Array<AnswerContext | undefined> = [];
  const answers: AnswerPort = {
    answer: (question, context) => {
      contexts.push(context);
      const next = passages.find((passage) => !(context?.shown ?? []).includes(passage));
      if (question.includes('Leeds') || next === undefined) return { question, noAnswer: true, confidence: 'none', answer: 'No answer.', sources: [], suggestions: [] };
      // The middle sentence only of P1, with what it left out; P2 whole.
      const source = { source: 'b.txt', title: 'Learning Cities', passage: next, score: 1 };
      if (next === P2) return { question, noAnswer: false, confidence: 'high', answer: next, sources: [source], suggestions: [] };
      return { question, noAnswer: false, confidence: 'high', answer: 'Belfast Learning City raises aspirations.', sources: [source], suggestions: [], unquoted: P1_UNQUOTED };
    },
    topics: () => [],
  };

  it('shows what the answer left out of the passage it quoted, then the next passage, then says that is all', async () => {
    const bot = createBot({ answers });
    const here = consoleOrigin({ channelId: 'more-here' });
    const say = async (text: string) => (await bot.handle({ type: 'message', origin: here, text }))[0]?.text ?? '';
    expect(await say('more')).toBe(NOTHING_BEFORE_MORE);
    expect(await say('what is Belfast doing?')).toBe('Belfast Learning City raises aspirations.');
    // Only what was not shown yet: the sentences before and after the one quoted.
    expect(await say('Tell me more!')).toBe(`More on “what is Belfast doing?”:\n\n${P1_UNQUOTED}`);
    expect(await say('more please')).toBe(`More on “what is Belfast doing?”:\n\n${P2}`);
    expect(contexts.at(-1)?.shown).toEqual([P1]);
    // P2 was shown whole already: nothing of it is left to show.
    expect(await say('go on')).toBe('That is all the documents say about “what is Belfast doing?”. Ask another question, or type `help`.');
    expect(contexts.at(-1)?.shown).toEqual([P1, P2]);
    // Another conversation has its own last question; "more about Leeds" is a question of its own.
    expect((await bot.handle({ type: 'message', origin: consoleOrigin({ channelId: 'more-elsewhere' }), text: 'more' }))[0]?.text).toBe(NOTHING_BEFORE_MORE);
    expect(await say('tell me more about *Leeds*')).toBe('No answer.');
    // The question is quoted back as text: its stars do not turn into bold.
    expect(await say('more')).toBe('That is all the documents say about “tell me more about \\*Leeds\\*”. Ask another question, or type `help`.');
  });

  it('during an assessment, goes on only from questions asked in it, however the assessment was started or the question asked', async () => {
    // An assessment started with a button: the bot never saw an `assess` command.
    let active = false;
    let now = new Date('2025-01-01T10:00:00Z');
    const startedAt = new Date('2025-01-01T10:05:00Z');
    const prompt = { text: 'Question 1 of 3', kind: 'prompt' as const };
    const assessments: AssessmentPort = {
      start: async () => [prompt],
      input: async (_origin, input, ask) => (active && 'text' in input && ask ? [...(await ask(input.text, startedAt)), prompt] : undefined),
      hasActive: async () => active,
      results: async () => [],
      frameworks: () => [],
      exportCsv: async () => [],
    };
    const bot = createBot({ answers, assessments, clock: { now: () => now } });
    const here = consoleOrigin({ channelId: 'more-in-assessment' });
    const say = async (text: string) => (await bot.handle({ type: 'message', origin: here, text })).map((reply) => reply.text);
    await say('what is Belfast doing?');
    active = true;
    now = new Date('2025-01-01T10:06:00Z');
    expect(await say('more')).toEqual([NOTHING_BEFORE_MORE, 'Question 1 of 3']);
    expect(await say('what is Belfast doing?')).toEqual(['Belfast Learning City raises aspirations.', 'Question 1 of 3']);
    expect(await say('more')).toEqual([`More on “what is Belfast doing?”:\n\n${P1_UNQUOTED}`, 'Question 1 of 3']);
    // A question asked with `ask` during the assessment counts as asked in it.
    expect(await say('ask what is Belfast doing?')).toEqual(['Belfast Learning City raises aspirations.', STILL_OPEN]);
    expect(await say('more')).toEqual([`More on “what is Belfast doing?”:\n\n${P1_UNQUOTED}`, 'Question 1 of 3']);
    // Once it is over, `more` goes on from the last question, wherever it was asked.
    active = false;
    expect(await say('more')).toEqual([`More on “what is Belfast doing?”:\n\n${P2}`]);
  });

});

