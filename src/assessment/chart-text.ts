import { fontCovers, measureText } from './chart-font.js';

const ELLIPSIS = '…';

/** Escapes text for use inside SVG text nodes and double- or single-quoted attributes. */
export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/*
 * Labels come from editable framework files and city names. Characters XML forbids outright (control
 * characters, lone surrogates) would make resvg reject the whole SVG, so they go. Emoji have no glyph in
 * the bundled font and would show as empty boxes, so they go too (with their joiners and variation
 * selectors). Other uncovered scripts are kept: a box still tells the reader a name is there.
 */
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|\p{Cs}/gu;
const PICTOGRAPHS = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}/gu;
/** Joiners and presentation selectors only make sense inside emoji sequences. */
const EMOJI_GLUE = /[\u200D\uFE0E\uFE0F\u20E3]/gu;

/** Makes user-supplied text safe and drawable: one line, no forbidden characters, no emoji. */
export const cleanLabel = (text: string): string =>
  text
    .replace(FORBIDDEN_IN_XML, '')
    .replace(EMOJI_GLUE, '')
    // Symbols the font does have (✓, ©) are kept.
    .replace(PICTOGRAPHS, (char) => (fontCovers(char.codePointAt(0) ?? 0) ? char : ''))
    .replace(/\s+/g, ' ')
    .trim();

/** Cuts `text` so that it plus an ellipsis fits `maxWidth`. */
export const truncate = (text: string, maxWidth: number, fontSize: number, bold = false): string => {
  if (measureText(text, fontSize, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && measureText(chars.join('') + ELLIPSIS, fontSize, bold) > maxWidth) chars.pop();
  const fitted = chars.join('');
  // Prefer ending on a whole word, unless that would throw away much of the line.
  const lastSpace = fitted.lastIndexOf(' ');
  const cut = lastSpace >= fitted.length * 0.6 ? fitted.slice(0, lastSpace) : fitted;
  return cut.trimEnd() + ELLIPSIS;
};

/** Breaks a word wider than the line into pieces that fit, so one long token cannot overflow. */
const splitLongWord = (word: string, maxWidth: number, fontSize: number, bold: boolean): string[] => {
  const pieces: string[] = [];
  let current = '';
  for (const char of word) {
    if (current && measureText(current + char, fontSize, bold) > maxWidth) {
      pieces.push(current);
      current = char;
    } else {
      current += char;
    }
  }
  if (current) pieces.push(current);
  return pieces;
};

interface Token {
  text: string;
  /** What joins this token to the previous one on the same line: a space, or nothing inside a split word. */
  glue: string;
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`; text that still does not
 * fit ends in an ellipsis. Always returns at least one line (possibly empty).
 */
export const wrapText = (
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
  bold = false,
): string[] => {
  const tokens: Token[] = text
    .split(' ')
    .filter((word) => word.length > 0)
    .flatMap((word) =>
      splitLongWord(word, maxWidth, fontSize, bold).map((piece, i) => ({ text: piece, glue: i === 0 ? ' ' : '' })),
    );
  const lines: Token[][] = [];
  let current: Token[] = [];
  const join = (line: Token[]): string => line.map((t, i) => (i === 0 ? t.text : t.glue + t.text)).join('');
  for (const token of tokens) {
    if (current.length === 0 || measureText(join([...current, token]), fontSize, bold) <= maxWidth) {
      current.push(token);
    } else {
      lines.push(current);
      current = [token];
    }
  }
  lines.push(current);
  if (lines.length <= maxLines) return lines.map(join);
  const kept = lines.slice(0, maxLines - 1).map(join);
  kept.push(truncate(join(lines.slice(maxLines - 1).flat()), maxWidth, fontSize, bold));
  return kept;
};
