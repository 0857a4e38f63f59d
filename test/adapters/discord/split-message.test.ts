import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../../adapters/discord/split-message.js';

const words = (text: string): string[] => text.split(/\s+/u).filter((word) => word !== '');
const fences = (text: string): number => text.split('```').length - 1;

describe('splitMessage', () => {
  it('keeps a short message whole and drops blank ones', () => {
    expect(splitMessage('Hello there')).toEqual(['Hello there']);
    expect(splitMessage('  \n ')).toEqual([]);
  });

  it('splits long prose between words, every piece within the limit', () => {
    const text = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitMessage(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    expect(pieces.flatMap(words)).toEqual(words(text));
  });

  it('prefers a line break over a space when the piece stays at least half full', () => {
    const first = 'a '.repeat(30).trim();
    const second = 'b '.repeat(30).trim();
    const [head, ...rest] = splitMessage(`${first}\n${second}`, 80);
    expect(head).toBe(first);
    expect(rest).toEqual([second]);
  });

  it('does not cut a bold span or a link that fits in one message', () => {
    const bold = '**Lifelong learning for all citizens**';
    const link = '[UNESCO GNLC](https://www.uil.unesco.org/en/learning-cities)';
    const text = `${'x '.repeat(25)}${bold} ${'y '.repeat(10)}${link} tail`;
    const pieces = splitMessage(text, 70);
    expect(pieces.some((piece) => piece.includes(bold))).toBe(true);
    expect(pieces.some((piece) => piece.includes(link))).toBe(true);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(70);
  });

  it('moves a code block whole to the next message when it fits there', () => {
    const code = '```ts\nconst a = 1;\nconst b = 2;\n```';
    const text = `${'intro '.repeat(8).trim()}\n${code}\nafter`;
    const pieces = splitMessage(text, 60);
    expect(pieces.some((piece) => piece.includes(code))).toBe(true);
    for (const piece of pieces) expect(fences(piece) % 2).toBe(0);
  });

  it('re-opens and closes the fence (with its language) when a code block must be split', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `city-${i},2024-0${(i % 9) + 1}-01,${i}%`);
    const text = `Your results:\n\`\`\`csv\n${rows.join('\n')}\n\`\`\``;
    const pieces = splitMessage(text, 500);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(500);
      expect(fences(piece) % 2).toBe(0);
    }
    for (const piece of pieces.slice(1)) expect(piece.startsWith('```csv\n')).toBe(true);
    const body = pieces.join('\n').split('\n').filter((line) => line.startsWith('city-'));
    expect(body).toEqual(rows);
  });

  it('re-wraps a bold span longer than a message in every piece', () => {
    const text = `**${'strong '.repeat(40).trim()}**`;
    const pieces = splitMessage(text, 100);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(100);
      expect(piece.startsWith('**') && piece.endsWith('**')).toBe(true);
    }
  });

  it('cuts a word longer than the limit only because nothing else is possible', () => {
    const url = `https://example.org/${'a'.repeat(150)}`;
    const pieces = splitMessage(`see ${url}`, 60);
    expect(pieces.join('').replace(/^see/u, 'see ')).toBe(`see ${url}`);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(60);
  });

  it('never separates the halves of an emoji', () => {
    const pieces = splitMessage('😀'.repeat(40), 17);
    for (const piece of pieces) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
  });

  it('rejects a limit too small to hold a fence', () => {
    expect(() => splitMessage('text', 4)).toThrow(RangeError);
  });

  it('always respects the limit and loses no word (property)', () => {
    const token = fc.constantFrom('word', 'learning', '**bold text**', '[a link](https://x.org/y)', '`code x`', '\n', '\n\n', 'x'.repeat(70), '```\nline one\nline two\n```');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 120 }), fc.integer({ min: 40, max: 300 }), (tokens, limit) => {
        const text = tokens.join(' ');
        const pieces = splitMessage(text, limit);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(limit);
          expect(fences(piece) % 2).toBe(0);
        }
        // Re-fencing may add fence lines; every original non-fence character survives in order.
        const strip = (value: string): string => value.replace(/```(\w*\n)?/gu, '').replace(/\s+/gu, '');
        expect(strip(pieces.join('\n'))).toBe(strip(text));
      }),
      { numRuns: 300 },
    );
  });
});
