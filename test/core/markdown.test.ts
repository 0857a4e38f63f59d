import { describe, expect, it } from 'vitest';
import { codeSpan, escapeText, transformMarkdown, unescapeText } from '../../src/core/markdown.js';

/** Rules that make each kind of piece visible, to see what went where. */
const tagged = { markup: (text: string) => `M(${text})`, literal: (char: string) => `L(${char})`, code: (span: string) => `C(${span})` };

describe('escapeText', () => {
  it('escapes every character that can make a link, a mention or formatting, and keeps the words', () => {
    expect(escapeText('[Click](https://evil.example)')).toBe('\\[Click\\]\\(https\\://evil.example\\)');
    expect(escapeText('<!channel> <@U1> @everyone')).toBe('\\<!channel\\> \\<\\@U1\\> \\@everyone');
    expect(escapeText('*Brackley_ ~x~ `y` # || \\')).toBe('\\*Brackley\\_ \\~x\\~ \\`y\\` \\# \\|\\| \\\\');
    expect(escapeText('Stratford-upon-Avon, St. Albans')).toBe('Stratford-upon-Avon, St. Albans');
    expect(unescapeText(escapeText('[a](b) <@U1> *c* \\ d'))).toBe('[a](b) <@U1> *c* \\ d');
  });

  it('keeps user text on one line, so it cannot start a heading, quote or list', () => {
    expect(escapeText('Leeds\n# Click\n> quote')).toBe('Leeds \\# Click \\> quote');
  });
});

describe('codeSpan', () => {
  it('trims, keeps one line, and turns backticks into apostrophes so the span cannot break', () => {
    expect(codeSpan('2 * * * * ')).toBe('`2 * * * *`');
    expect(codeSpan(' a`b ``c\n d')).toBe("`a'b ''c d`");
    expect(codeSpan('  ')).toBe('""');
  });
});

describe('transformMarkdown', () => {
  it('holds escapes and code out of the markup and puts them back as the platform shows them', () => {
    expect(transformMarkdown('a *\\[b\\]* `c*d` e', tagged)).toBe('M(a *L([)bL(])* C(`c*d`) e)');
    expect(transformMarkdown('x ```\n*y*\n``` z', tagged)).toBe('M(x C(```\n*y*\n```) z)');
  });

  it('never lets an escaped backtick open a code span, nor a backslash inside code act as an escape', () => {
    expect(transformMarkdown('\\`*a*\\`', tagged)).toBe('M(L(`)*a*L(`))');
    expect(transformMarkdown('`a\\*b`', tagged)).toBe('M(C(`a\\*b`))');
  });

  it('drops the private-use characters it uses to hold pieces, so input cannot forge one', () => {
    expect(transformMarkdown('\uE0000\uE001 *a*', tagged)).toBe('M(0 *a*)');
  });
});
