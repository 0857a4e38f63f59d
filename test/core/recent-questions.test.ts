import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { workspaceKey } from '../../src/core/events.js';
import type { AnswerContext, AnswerPort } from '../../src/core/ports.js';
import { RecentQuestions } from '../../src/core/recent-questions.js';
import { consoleOrigin } from '../support/fake-chat.js';

describe('the last question of each conversation', () => {
  it('hands back the previous question and forgets the oldest conversation beyond its limit', () => {
    const recent = new RecentQuestions(2);
    expect(recent.swap('a', 'first in a')).toBeUndefined();
    expect(recent.swap('a', 'second in a')).toBe('first in a');
    recent.swap('b', 'first in b');
    recent.swap('c', 'first in c');
    expect(recent.size).toBe(2);
    expect(recent.swap('a', 'third in a')).toBeUndefined();
    expect(recent.swap('c', 'second in c')).toBe('first in c');
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
