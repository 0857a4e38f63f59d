/**
 * The core's light Markdown and user text. Replies are Markdown; anything a user typed (a city, a
 * framework name, a cron expression, words of a question) must reach every platform as the words
 * they typed, never as a link, a mention or formatting. The core marks such text with CommonMark
 * backslash escapes, and each adapter's renderer turns an escaped character into that character
 * shown literally on its platform, with {@link transformMarkdown}.
 */

/**
 * Characters that make links (`[label](url)`, `<url|label>`, and the `:` of a bare `https://…`
 * that platforms link by themselves), mentions (`<@U1>`, `<!channel>`, `@everyone`), formatting or
 * headings on some platform.
 */
const SPECIAL = /[\\`*_~|[\]()<>#@:]/gu;

/** Line breaks in user text would let it start a heading, quote or list of its own. */
const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/gu, ' ');

/** User-supplied text for a reply: shown as typed, never forming a link, mention or formatting. */
export const escapeText = (text: string): string => oneLine(text).replace(SPECIAL, '\\$&');

/**
 * User-supplied text as a code span (a command to copy, a cron expression). Code spans cannot hold
 * escapes, so backticks become apostrophes and the edges are trimmed: `` `0 9 * * 1 ` `` would
 * otherwise break the span on Slack and let its stars pair up with bold text around it.
 */
export const codeSpan = (text: string): string => {
  const content = oneLine(text).replace(/`/gu, "'").trim();
  return content === '' ? '""' : `\`${content}\``;
};

/** How one platform renders the three kinds of piece in the core's Markdown. */
export interface MarkdownRules {
  /** Markup text (bold, italics, the core's own links), with the other pieces held out of it. */
  markup(text: string): string;
  /** One escaped character, to be shown as itself. */
  literal(char: string): string;
  /** A code span or fenced block, backticks included. */
  code(span: string): string;
}

const HOLD_OPEN = '\uE000';
const HOLD_CLOSE = '\uE001';
const PIECES = /```[^]*?```|`[^`\n]*`|\\([!-/:-@[-`{-~])/gu;
const HELD = /\uE000(\d+)\uE001/gu;

/**
 * Renders the core's Markdown for one platform: code spans, fenced blocks and escaped characters
 * are taken out first (so no markup rule can reach into them, and an escaped backtick cannot open
 * a code span), the markup is converted, then the pieces are put back as the platform shows them.
 */
export const transformMarkdown = (markdown: string, rules: MarkdownRules): string => {
  const held: string[] = [];
  const hold = (rendered: string): string => `${HOLD_OPEN}${held.push(rendered) - 1}${HOLD_CLOSE}`;
  const lexed = markdown
    .replace(/[\uE000\uE001]/gu, '')
    .replace(PIECES, (piece: string, escaped: string | undefined) => hold(escaped === undefined ? rules.code(piece) : rules.literal(escaped)));
  return rules.markup(lexed).replace(HELD, (_match, index: string) => held[Number(index)] ?? '');
};

/** The text a reader sees, without markup: for logs, plain-text fallbacks and terminals. */
export const unescapeText = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
