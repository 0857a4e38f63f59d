import { describe, expect, it } from 'vitest';
import { FINISH_OWN_FIRST, NOTHING_TO_CHOOSE, NOTHING_TO_STOP, NO_ASSESSMENT_RUNNING, STILL_OPEN, createBot, feedbackKeyFor } from '../../src/core/bot.js';
import type { AnswerPort, AssessmentPort, FeedbackStore, GroupRoundPort, KnowledgeAnswer } from '../../src/core/ports.js';
import { feedbackValue } from '../../src/core/replies.js';
import { SMALL_TALK_REPLIES } from '../../src/core/small-talk.js';
import { MemoryFeedbackStore } from '../../src/storage/memory-stores.js';
import { createFakeChat } from '../support/fake-chat.js';

const answers: AnswerPort = {
  answer: (question): KnowledgeAnswer =>
    question.includes('weather')
      ? { question, noAnswer: true, answer: 'The documents I have do not answer that.', sources: [], suggestions: ['Learning festivals'] }
      : {
          question,
          noAnswer: false,
          answer: 'A learning city mobilises its resources.',
          sources: [
            { source: 'a.txt', title: 'A', passage: 'p1', score: 0.9 },
            { source: 'a.txt', title: 'A', passage: 'p2', score: 0.8 },
            { source: 'b.txt', title: 'B', passage: 'p3', score: 0.5 },
          ],
          suggestions: [],
        },
  topics: () => ['Learning festivals', 'Partnerships'],
};

describe('the bot core', () => {
  it('answers a question with unique citations and a feedback key', async () => {
    const chat = createFakeChat(createBot({ answers }));
    const [reply] = await chat.userSays('what is a learning city?');
    expect(reply).toMatchObject({
      kind: 'answer',
      text: 'A learning city mobilises its resources.',
      citations: [{ title: 'A', source: 'a.txt' }, { title: 'B', source: 'b.txt' }],
      feedbackKey: feedbackKeyFor('what is a learning city?'),
    });
  });

  it('takes a lone number with nothing waiting for it as a stale choice, not a question; `ask 3` still asks', async () => {
    const chat = createFakeChat(createBot({ answers }));
    for (const text of ['1', '2.', '(3)']) {
      await chat.userSays(text);
      expect(chat.last()).toBe(NOTHING_TO_CHOOSE);
    }
    await chat.userSays('ask 3');
    expect(chat.last()).toContain('A learning city mobilises its resources.');
    await chat.userSays('2004');
    expect(chat.last()).toContain('A learning city mobilises its resources.');
  });

  it('says when the documents do not answer, and offers the nearest topics', async () => {
    const chat = createFakeChat(createBot({ answers }));
    await chat.userSays('weather tomorrow?');
    expect(chat.last()).toMatch(/do not answer that.*\n\nNearest topics in the documents: Learning festivals\./s);
    expect(chat.sent[0]?.citations).toBeUndefined();
  });

  it('answers greetings, thanks and "ok" as conversation, not from the documents; "what can you do" gets the help', async () => {
    const asked: string[] = [];
    const chat = createFakeChat(createBot({ answers: { ...answers, answer: (question, context) => (asked.push(question), answers.answer(question, context)) } }));
    for (const text of ['hello', 'Hi there!', 'good morning']) {
      await chat.userSays(text);
      expect(chat.last(), text).toBe(SMALL_TALK_REPLIES.greeting);
    }
    for (const text of ['thanks!', 'Thank you so much', 'cheers', 'ok thanks']) {
      await chat.userSays(text);
      expect(chat.last(), text).toBe(SMALL_TALK_REPLIES.thanks);
    }
    for (const text of ['ok', 'Okay.', 'got it']) {
      await chat.userSays(text);
      expect(chat.last(), text).toBe(SMALL_TALK_REPLIES.ack);
    }
    for (const text of ['what can you do?', 'Who are you']) {
      await chat.userSays(text);
      expect(chat.last(), text).toContain('Topics the documents cover: Learning festivals; Partnerships.');
    }
    expect(asked).toEqual([]);
    // A question that opens with a greeting is the question alone; `ask hello` still searches.
    await chat.userSays('hi, what is a learning city?');
    await chat.userSays('OK so who funds it?');
    await chat.userSays('Hello bot - thanks for this: what is a learning region?');
    await chat.userSays('ask hello');
    expect(asked).toEqual(['what is a learning city?', 'who funds it?', 'what is a learning region?', 'hello']);
  });

  it('shows help for help and for a bare ask, and one line on how to get help for an empty message', async () => {
    const chat = createFakeChat(createBot({ answers }));
    for (const text of ['help', 'ask']) {
      await chat.userSays(text);
      expect(chat.last()).toMatch(/Ask a question in plain words/);
      expect(chat.last()).toMatch(/Learning festivals; Partnerships/);
    }
    for (const text of ['', '   ', '\u200b']) {
      const replies = await chat.userSays(text);
      expect(replies).toEqual([{ text: 'Type `help` to see what I can do, or just ask a question.', kind: 'info' }]);
    }
  });

  it('says the documents are in English for questions in other scripts, and answers what can be matched', async () => {
    const asked: string[] = [];
    const recording = { ...answers, answer: (question: string) => (asked.push(question), answers.answer(question)) };
    const chat = createFakeChat(createBot({ answers: recording }));
    const [arabic] = await chat.userSays('ما هي المدينة المتعلمة؟');
    expect(arabic?.text).toMatch(/^The documents are in English, so I can only match the English words, names and numbers in your question\. There are none in this one; please ask in English\. I can help with topics such as: Learning festivals; Partnerships\.$/);
    const [mixed] = await chat.userSays('UNESCO 的 GNLC 有多少城市？');
    expect(asked).toEqual(['UNESCO GNLC']);
    expect(mixed?.text).toMatch(/^_The documents are in English, so I can only match the English words, names and numbers in your question\. I looked up: “UNESCO GNLC”\._/);
    const [emoji] = await chat.userSays('🤔🏙️📚');
    expect(emoji?.text).toMatch(/^The documents are in English, and there are no words in that for me to look up\. Please ask in English words/);
    expect(asked).toEqual(['UNESCO GNLC']);
  });

  it('explains that assessments are not set up when they are not', async () => {
    const chat = createFakeChat(createBot({ answers }));
    await chat.userSays('assess');
    expect(chat.last()).toMatch(/not set up/);
  });

  it('records 👍/👎 feedback in the store', async () => {
    const feedback = new MemoryFeedbackStore();
    const chat = createFakeChat(createBot({ answers, feedback, clock: { now: () => new Date('2026-03-03T10:00:00Z') } }));
    await chat.userChooses(feedbackValue('abc123', true));
    await chat.userChooses(feedbackValue('def456', false));
    expect((await feedback.listByWorkspace('console:local')).map((f) => [f.key, f.helpful])).toEqual(
      expect.arrayContaining([['abc123', true], ['def456', false]]),
    );
    expect(chat.last()).toMatch(/did not help/);
  });

  it('sends text to a running assessment, but explicit commands still work', async () => {
    const inputs: string[] = [];
    const assessments: AssessmentPort = {
      start: async () => [{ text: 'started', kind: 'prompt' }],
      input: async (_origin, input) => {
        inputs.push('text' in input ? input.text : input.choice);
        return [{ text: 'next question', kind: 'prompt' }];
      },
      hasActive: async () => true,
      frameworks: () => [{ text: 'the frameworks' }],
      results: async (_origin, city) => [{ text: `results for ${city}` }],
      exportCsv: async () => [{ text: 'csv' }],
    };
    const chat = createFakeChat(createBot({ answers, assessments }));
    await chat.userSays('<@U1> developing');
    expect(inputs).toEqual(['developing']);
    // Each command is answered, and the assessment says it is still open.
    expect((await chat.userSays('results Leeds')).map((reply) => reply.text)).toEqual(['results for Leeds', STILL_OPEN]);
    expect((await chat.userSays('frameworks')).map((reply) => reply.text)).toEqual(['the frameworks', STILL_OPEN]);
    expect((await chat.userSays('ask what is a learning city?')).map((reply) => reply.text)).toEqual(['A learning city mobilises its resources.', STILL_OPEN]);
    expect(inputs).toEqual(['developing']);
  });

  it('says no assessment is running when a step word is typed without one; `ask stop` still asks', async () => {
    const assessments: AssessmentPort = {
      start: async () => [{ text: 'started', kind: 'prompt' }],
      input: async () => undefined,
      hasActive: async () => false,
      frameworks: () => [],
      results: async () => [],
      exportCsv: async () => [],
    };
    const chat = createFakeChat(createBot({ answers, assessments }));
    for (const text of ['back', 'skip', 'resume', 'progress', 'next.', 'question 3']) {
      await chat.userSays(text);
      expect(chat.last()).toBe(NO_ASSESSMENT_RUNNING);
    }
    // "stop" or "cancel" may be meant for any prompt (forget me, a round): the reply names none.
    for (const text of ['stop', 'Cancel']) {
      await chat.userSays(text);
      expect(chat.last()).toBe(NOTHING_TO_STOP);
    }
    await chat.userSays('ask stop');
    expect(chat.last()).toBe('A learning city mobilises its resources.');
    await chat.userSays('how do we stop people dropping out?');
    expect(chat.last()).toBe('A learning city mobilises its resources.');
    // Without assessments on the bot, their steps are searched as before.
    const plain = createFakeChat(createBot({ answers }));
    await plain.userSays('skip');
    expect(plain.last()).toBe('A learning city mobilises its resources.');
  });

  it('starts no round run beside an own assessment under way, and sends typed input to the one under way', async () => {
    let running = true;
    const own: string[] = [];
    const round: string[] = [];
    const assessments: AssessmentPort = {
      start: async () => [],
      input: async (_origin, input) => {
        own.push('text' in input ? input.text : input.choice);
        return running ? [{ text: 'own step' }] : undefined;
      },
      hasActive: async () => true,
      ownState: async () => (running ? 'running' : 'paused'),
      frameworks: () => [],
      results: async () => [],
      exportCsv: async () => [],
    };
    const rounds: GroupRoundPort = {
      start: async () => [],
      close: async () => [],
      join: async () => [{ text: 'round joined' }],
      input: async (_origin, text) => (round.push(text), [{ text: 'round step' }]),
      choose: async (_origin, value) => (value.startsWith('group:') ? [{ text: 'round button' }] : undefined),
    };
    const chat = createFakeChat(createBot({ answers, assessments, rounds }));
    for (const value of ['group:r1:join', 'group:r1:change']) {
      await chat.userChooses(value);
      expect(chat.last()).toBe(FINISH_OWN_FIRST);
    }
    await chat.userSays('take part');
    expect(chat.last()).toBe(FINISH_OWN_FIRST);
    await chat.userSays('cancel');
    expect(chat.last()).toBe('own step');
    expect(round).toEqual([]);
    // Paused: the round's run takes typed input first, "cancel" included.
    running = false;
    await chat.userSays('take part');
    expect(chat.last()).toBe('round joined');
    await chat.userSays('cancel');
    expect(chat.last()).toBe('round step');
    expect(round).toEqual(['cancel']);
  });

  it('turns a failure inside into a short apology instead of throwing', async () => {
    const broken: AnswerPort = { answer: () => { throw new Error('index gone'); }, topics: () => [] };
    const errors: string[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (obj: object) => void errors.push(JSON.stringify(obj)) };
    const chat = createFakeChat(createBot({ answers: broken, logger }));
    const [reply] = await chat.userSays('anything');
    expect(reply).toMatchObject({ kind: 'error' });
    expect(reply?.text).toMatch(/Sorry, something went wrong/);
    expect(errors[0]).toMatch(/index gone/);
  });

  it('says so when a button has expired', async () => {
    const store: FeedbackStore = { recordFeedback: async () => undefined };
    const chat = createFakeChat(createBot({ answers, feedback: store }));
    await chat.userChooses('assess:answer:2');
    expect(chat.last()).toMatch(/no longer active/);
  });
});
