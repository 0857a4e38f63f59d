import { describe, expect, it } from 'vitest';
import { renderReply, toDiscordMarkdown } from '../../../adapters/discord/render.js';
import type { Reply } from '../../../src/core/replies.js';
import { feedbackValue } from '../../../src/core/replies.js';
import { PNG } from './test-bot.js';

const json = (reply: Reply) =>
  renderReply(reply).map((payload) => ({
    content: payload.content,
    embeds: payload.embeds?.map((e) => e.toJSON()),
    files: payload.files?.map((f) => f.name),
    buttons: payload.components?.map((row) => row.toJSON().components.map((b) => ('custom_id' in b ? b.custom_id : ''))),
  }));

describe('toDiscordMarkdown', () => {
  it('turns the core’s *bold* into Discord’s **bold**, leaving code, lists and Discord bold alone', () => {
    expect(toDiscordMarkdown('*Cork*: 58% and *a b*')).toBe('**Cork**: 58% and **a b**');
    expect(toDiscordMarkdown('`a *b* c` and ```\n*x*\n```')).toBe('`a *b* c` and ```\n*x*\n```');
    expect(toDiscordMarkdown('* item\n**already**\n2*3*4 _it_')).toBe('* item\n**already**\n2*3*4 _it_');
  });
});

describe('renderReply', () => {
  it('lists sources under the answer and adds 👍/👎 buttons', () => {
    const [message] = json({ kind: 'answer', text: 'Answer.', citations: [{ title: 'A_B *Guide*', source: 'a_b.md' }], feedbackKey: 'k1' });
    expect(message?.content).toBe('Answer.\n\n**Sources:**\n• A\\_B \\*Guide\\* (`a_b.md`)');
    expect(message?.buttons).toEqual([[feedbackValue('k1', true), feedbackValue('k1', false)]]);
  });

  it('names the page of a PDF source after its title', () => {
    const [message] = json({
      kind: 'answer',
      text: 'Answer.',
      citations: [
        { title: 'UNESCO Guidelines for Building Learning Cities', source: 'unesco.pdf', page: 12 },
        { title: 'Notes', source: 'notes.md' },
      ],
    });
    expect(message?.content).toBe('Answer.\n\n**Sources:**\n• UNESCO Guidelines for Building Learning Cities, p. 12 (`unesco.pdf`)\n• Notes (`notes.md`)');
  });

  it('fits up to 25 choices into 5 rows of 5 and lists the rest as text to type', () => {
    const choices = Array.from({ length: 27 }, (_, i) => ({ label: `Option ${i + 1}`, value: `v${i + 1}` }));
    const [message] = json({ kind: 'prompt', text: 'Pick one', choices });
    expect(message?.buttons).toHaveLength(5);
    expect(message?.buttons?.every((row) => row.length === 5)).toBe(true);
    expect(message?.content).toContain('Also possible (type it): Option 26 · Option 27');
  });

  it('keeps choices whose value cannot be a custom_id out of the buttons, and drops duplicates', () => {
    const [message] = json({
      kind: 'prompt',
      text: 'Pick',
      choices: [{ label: 'ok', value: 'a' }, { label: 'again', value: 'a' }, { label: 'Long', value: 'x'.repeat(101) }],
      feedbackKey: 'k',
    });
    expect(message?.buttons).toEqual([['a'], [feedbackValue('k', true), feedbackValue('k', false)]]);
    expect(message?.content).toContain('Also possible (type it): again · Long');
  });

  it('renders a summary as an embed with the chart attached', () => {
    const [message, ...rest] = json({
      kind: 'summary',
      text: '*Cork*: 58%',
      image: { filename: 'chart.png', mimeType: 'image/png', data: new Uint8Array(PNG), alt: 'chart' },
    });
    expect(rest).toEqual([]);
    expect(message?.content).toBeUndefined();
    expect(message?.embeds?.[0]).toMatchObject({ description: '**Cork**: 58%', image: { url: 'attachment://chart.png' } });
    expect(message?.files).toEqual(['chart.png']);
  });

  it('moves a summary too long for an embed description into split messages, the chart on the last', () => {
    const text = Array.from({ length: 700 }, (_, i) => `line${i}`).join(' ');
    const messages = json({ kind: 'summary', text, image: { filename: 'my chart!.png', mimeType: 'image/png', data: new Uint8Array(PNG), alt: 'c' } });
    expect(messages.length).toBeGreaterThan(2);
    expect(messages.slice(0, -1).every((m) => m.embeds === undefined)).toBe(true);
    expect(messages.at(-1)?.embeds?.[0]?.image?.url).toBe('attachment://my_chart_.png');
    expect(messages.at(-1)?.files).toEqual(['my_chart_.png']);
  });
});
