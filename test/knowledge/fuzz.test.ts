import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { consoleOrigin } from '../support/fake-chat.js';
import { realKnowledgeBase } from '../support/knowledge.js';

const kb = await realKnowledgeBase();
const bot = createBot({ answers: kb });
const origin = consoleOrigin();

const lunrSyntax = fc.constantFrom(':', '^', '~', '-', '+', '*', '\\', '"', "'", '(', ')', '{', '}', '[', ']');
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.array(fc.oneof(lunrSyntax, fc.constantFrom('learning', 'city', 'venice', ' ', '\u0000', '\u202e', '🎓', '\n')), { maxLength: 40 }).map((parts) => parts.join('')),
);

describe('no input crashes the bot', () => {
  it('answers or declines any string, through the knowledge base', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const answer = kb.answer(text);
        expect(typeof answer.noAnswer).toBe('boolean');
        expect(typeof answer.answer).toBe('string');
        if (!answer.noAnswer) expect(answer.sources.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('replies to any string, through the core', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, async (text) => {
        const replies = await bot.handle({ type: 'message', origin, text });
        expect(replies.length).toBeGreaterThan(0);
        for (const reply of replies) expect(reply.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('replies to any button value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (value) => {
        const replies = await bot.handle({ type: 'choice', origin, value });
        expect(replies.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('copes with 100 KB, emoji, control characters and right-to-left text', async () => {
    const inputs = [
      'learning city '.repeat(8_000),
      'a'.repeat(100_000),
      '🎓🏙️📚'.repeat(10_000),
      '\u0000\u0001\u0002\u001b[31mlearning\u0007',
      'مدينة التعلم',
      '学习型城市',
      '\ud800 lone surrogate',
    ];
    for (const text of inputs) {
      const replies = await bot.handle({ type: 'message', origin, text });
      expect(replies.length, text.slice(0, 20)).toBeGreaterThan(0);
    }
    const long = await bot.handle({ type: 'message', origin, text: `venice learning city state ${'x '.repeat(50_000)}` });
    expect(long.map((r) => r.text).join(' ')).toMatch(/first 4000 characters/);
  });
});
