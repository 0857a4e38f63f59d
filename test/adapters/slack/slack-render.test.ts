import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/slack/slack-render.js';
import { answerReply } from '../../../src/core/ask.js';
import type { KnowledgeAnswer } from '../../../src/core/ports.js';
import { SLACK_LIMITS, fromSlackText, splitText, toMrkdwn } from '../../../adapters/slack/slack-text.js';

describe('splitText', () => {
  it('keeps every piece within the limit and never cuts a word shorter than the limit', () => {
    const word = fc.stringMatching(/^[a-z&<>]{1,12}$/u);
    const separator = fc.constantFrom(' ', '. ', '\n', '\n\n');
    const text = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 200 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 300 }), (input, limit) => {
        const pieces = splitText(input, limit);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(limit);
        expect(pieces.join(' ').split(/\s+/u).filter(Boolean)).toEqual(input.split(/\s+/u).filter(Boolean));
      }),
    );
  });

  it('cuts a single over-long word without breaking an entity', () => {
    const pieces = splitText(`${'a'.repeat(9)}&amp;${'b'.repeat(10)}`, 12);
    expect(pieces).toEqual(['aaaaaaaaa', '&amp;bbbbbbb', 'bbb']);
  });
});

describe('text conversion', () => {
  it('escapes Slack control characters and maps Markdown', () => {
    expect(toMrkdwn('**Plan** for <city> & [UIL](https://uil.unesco.org)\n## Steps')).toBe(
      '*Plan* for &lt;city&gt; &amp; <https://uil.unesco.org|UIL>\n*Steps*',
    );
  });

  it('reads user text: bot mention removed, entities decoded, links readable', () => {
    expect(fromSlackText('<@U0BOT> remind every monday 9:00 to <#C0PROGRESS|progress>', 'U0BOT')).toBe(
      'remind every monday 9:00 to <#C0PROGRESS>',
    );
    expect(fromSlackText('<@U0BOT> ask <@U0ANNA|anna> about <#C1|general> &amp; <https://a.org|this>', 'U0BOT')).toBe(
      'ask @anna about <#C1> & this (https://a.org)',
    );
  });
});

describe('renderReply', () => {
  it('always sets text and keeps messages within 50 blocks', () => {
    const choices = Array.from({ length: 60 }, (_, i) => ({ label: `Option ${i} ${'x'.repeat(90)}`, value: `v${i}` }));
    const messages = renderReply({ text: 'Pick one', kind: 'prompt', choices });
    for (const message of messages) {
      expect(message.text.length).toBeGreaterThan(0);
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    }
    const buttons = messages.flatMap((message) => message.blocks).flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons).toHaveLength(60);
    expect(new Set(buttons.map((button) => ('action_id' in button ? button.action_id : ''))).size).toBe(60);
    for (const button of buttons) if (button.type === 'button') expect(button.text.text.length).toBeLessThanOrEqual(75);
  });

  it('names the page of a PDF source after its title', () => {
    const [message] = renderReply({
      text: 'Answer.',
      kind: 'answer',
      citations: [
        { title: 'UNESCO Guidelines for Building Learning Cities', source: 'unesco.pdf', page: 12 },
        { title: 'Notes & <tips>', source: 'notes.md' },
      ],
    });
    const context = message?.blocks.find((block) => block.type === 'context');
    expect(context).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '*Sources:* UNESCO Guidelines for Building Learning Cities, p. 12 (unesco.pdf); Notes &amp; &lt;tips&gt; (notes.md)' }],
    });
  });

  it('splits a 100,000-character answer over several messages under 40,000 characters each', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `Sentence ${i} about adult learning in neighbourhoods and libraries.`).join(' ').repeat(2);
    const messages = renderReply({ text, kind: 'answer', citations: [{ title: 'T', source: 't.md' }], feedbackKey: 'abc' });
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(40_000);
    expect(messages.at(-1)?.blocks.at(-1)?.type).toBe('actions');
  });
});

describe('a kept answer', () => {
  const answer = (): KnowledgeAnswer => ({
    question: 'What is a learning city?',
    noAnswer: false,
    confidence: 'high',
    answer: 'A learning city **mobilises** its resources & <partners>.',
    sources: [{ source: 'a.md', title: 'Learning Cities', passage: 'A learning city mobilises its resources.', score: 1 }],
    suggestions: [],
  });

  it('is turned into one reply and one rendering, shared and frozen, equal to a fresh one', () => {
    const kept = Object.freeze(answer());
    const reply = answerReply(kept);
    expect(answerReply(kept)).toBe(reply);
    expect(Object.isFrozen(reply) && Object.isFrozen(reply.citations)).toBe(true);
    const messages = renderReply(reply);
    expect(renderReply(reply)).toBe(messages);
    expect(messages.every((message) => Object.isFrozen(message) && Object.isFrozen(message.blocks))).toBe(true);
    expect(() => {
      (messages[0]?.blocks as unknown[]).push({ type: 'divider' });
    }).toThrow(TypeError);

    // An answer that is not kept is rendered afresh each time, to the same messages.
    const fresh = answerReply(answer());
    expect(answerReply(answer())).not.toBe(fresh);
    expect(fresh).toEqual(reply);
    expect(renderReply(fresh)).not.toBe(renderReply(fresh));
    expect(renderReply(fresh)).toEqual(messages);
    expect(messages[0]?.text).toBe('A learning city *mobilises* its resources &amp; &lt;partners&gt;.');
  });
});
