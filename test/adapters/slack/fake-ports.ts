import { conversationKey, type Origin } from '../../../src/core/events.js';
import type { AnswerPort, AssessmentPort, FeedbackStore, KnowledgeAnswer } from '../../../src/core/ports.js';
import type { Reply } from '../../../src/core/replies.js';

/** A 1×1 PNG, enough for upload tests. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

/** Answers from two fixed documents; "explode" throws; "long answer" returns ~10,000 characters. */
export const fakeAnswers = (longText?: string): AnswerPort & { questions: string[] } => {
  const questions: string[] = [];
  return {
    questions,
    answer(question: string): KnowledgeAnswer {
      questions.push(question);
      if (question.includes('explode')) throw new Error('index unavailable');
      const text = question.includes('long answer') && longText ? longText : 'A learning city mobilises its resources to promote inclusive learning.';
      return {
        question,
        noAnswer: false,
        answer: text,
        sources: [
          { source: 'unesco-key-features.md', title: 'Key Features of Learning Cities', passage: 'p', score: 2 },
          { source: 'beijing-declaration.md', title: 'Beijing Declaration', passage: 'p', score: 1 },
        ],
        suggestions: [],
      };
    },
    topics: () => ['learning cities'],
  };
};

export const fakeFeedback = (): FeedbackStore & { entries: Array<{ key: string; helpful: boolean; userId: string }> } => {
  const entries: Array<{ key: string; helpful: boolean; userId: string }> = [];
  return { entries, recordFeedback: async (entry) => void entries.push({ key: entry.key, helpful: entry.helpful, userId: entry.userId }) };
};

interface Run {
  city: string;
  answers: Array<number | null>;
}

const QUESTIONS = ['Is learning in the city’s strategy?', 'Do partners share data?', 'Are learning festivals held?'];

/**
 * Behaves like a three-question engine: values `assess:answer:N` and `assess:skip`, typed numbers
 * accepted, the last answer yields a `summary` with a PNG chart. Records every origin it was given.
 */
export const fakeAssessments = (): AssessmentPort & { origins: Origin[]; runs: Map<string, Run> } => {
  const runs = new Map<string, Run>();
  const origins: Origin[] = [];
  const key = (origin: Origin): string => `${conversationKey(origin)}|${origin.userId}`;
  const prompt = (run: Run): Reply => {
    const index = run.answers.length;
    return {
      kind: 'prompt',
      text: `*Question ${index + 1} of ${QUESTIONS.length}* (${run.city})\n${QUESTIONS[index] ?? ''}`,
      choices: [
        { label: '1 – Emerging', value: 'assess:answer:1' },
        { label: '2 – Developing', value: 'assess:answer:2' },
        { label: '3 – Established', value: 'assess:answer:3', style: 'primary' },
        { label: 'Skip', value: 'assess:skip' },
      ],
    };
  };
  const advance = (origin: Origin, run: Run, value: number | null): Reply[] => {
    run.answers.push(value);
    if (run.answers.length < QUESTIONS.length) return [prompt(run)];
    runs.delete(key(origin));
    const answered = run.answers.filter((answer): answer is number => answer !== null);
    const percent = Math.round((answered.reduce((sum, answer) => sum + answer, 0) / (3 * QUESTIONS.length)) * 100);
    return [
      {
        kind: 'summary',
        text: `*${run.city}: ${percent}%* overall`,
        image: { filename: 'leeds.png', mimeType: 'image/png', data: TINY_PNG, alt: `Bar chart: ${run.city} ${percent}%` },
      },
    ];
  };
  return {
    origins,
    runs,
    async start(origin, args) {
      origins.push(origin);
      const city = /for\s+(.+)$/u.exec(args)?.[1] ?? 'your city';
      const run: Run = { city, answers: [] };
      runs.set(key(origin), run);
      return [prompt(run)];
    },
    async input(origin, input) {
      origins.push(origin);
      const run = runs.get(key(origin));
      if (!run) return undefined;
      if ('choice' in input) {
        if (input.choice === 'assess:skip') return advance(origin, run, null);
        const level = /^assess:answer:(\d)$/u.exec(input.choice)?.[1];
        return level ? advance(origin, run, Number(level)) : undefined;
      }
      const typed = /^\d$/u.exec(input.text.trim())?.[0];
      return typed ? advance(origin, run, Number(typed)) : [{ kind: 'info', text: 'Please answer with a level number, or `skip`.' }];
    },
    hasActive: async (origin) => runs.has(key(origin)),
    frameworks: () => [{ kind: 'info', text: 'Frameworks: niace-quick' }],
    results: async (_origin, city) => [{ kind: 'info', text: `No results for ${city || 'any city'} yet.` }],
    exportCsv: async () => [{ kind: 'info', text: 'city,percent' }],
  };
};
