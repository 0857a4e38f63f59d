import { escapeText, transformMarkdown } from '../../src/core/markdown.js';

/** Slack's documented limits that shape how replies are split. */
export const SLACK_LIMITS = {
  /** `text` of a section block. */
  sectionText: 3000,
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Slack truncates a message's `text` beyond 40,000 characters; stay clearly below. */
  messageText: 39_000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Button label (plain text). */
  buttonText: 75,
  /** Text of one context element. */
  contextText: 3000,
  /** A `response_url` takes at most five messages (within 30 minutes). */
  responseUrlUses: 5,
} as const;

/** Slack mrkdwn treats only `&`, `<` and `>` as control characters. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** Slack has no escape for its formatting characters; a zero-width space on each side keeps one from pairing. */
const unpaired = (char: string): string => `\u200B${char}\u200B`;

/**
 * One escaped character of the core's Markdown, as Slack shows it literally. A colon is followed by
 * a zero-width space so that a `https://` typed by a user is not turned into a link by Slack.
 */
const slackLiteral = (char: string): string => {
  if (/[*_~`]/u.test(char)) return unpaired(char);
  return char === ':' ? ':\u200B' : escapeMrkdwn(char);
};

/**
 * A code span keeps its text, but Slack pairs a star inside it with one outside (`0 9 * * 1` next to
 * `*Leeds*`), so its formatting characters are kept from pairing too, and an address in it is not
 * made a link. Fenced blocks are left whole.
 */
const slackCode = (span: string): string =>
  span.startsWith('```')
    ? escapeMrkdwn(span)
    : `\`${escapeMrkdwn(span.slice(1, -1)).replace(/[*_~]/gu, unpaired).replace(/:\/\//gu, ':\u200B//')}\``;

/**
 * The core's light Markdown as Slack mrkdwn: escapes control characters, then maps the few
 * constructs that differ (`**bold**`, `[label](url)`, `# heading`). Escaped characters (user text)
 * are shown as themselves and can never form a link, a mention or formatting.
 */
export const toMrkdwn = (markdown: string): string =>
  transformMarkdown(markdown, {
    markup: (text) =>
      escapeMrkdwn(text)
        .replace(/\*\*([^*\n]+)\*\*/gu, '*$1*')
        .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/gu, (_match, label: string, url: string) => `<${url}|${label.replace(/\|/gu, '/')}>`)
        .replace(/^#{1,6}\s+(.+)$/gmu, '*$1*'),
    literal: slackLiteral,
    code: slackCode,
  });

/** Plain text (a button label, a picture's description) as mrkdwn that shows exactly that text. */
export const plainToMrkdwn = (text: string): string => toMrkdwn(escapeText(text));

/**
 * A user's Slack text as plain words: drops the bot's own mention, turns other mentions, channel
 * links and URLs into readable text, and decodes Slack's entities.
 */
export const fromSlackText = (text: string, botUserId?: string): string =>
  text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/gu, (_match, id: string, name?: string) =>
      id === botUserId ? ' ' : `@${name ?? id}`,
    )
    // Channel links keep their id (`<#C1>`): "remind … to #general" must know which channel is meant.
    .replace(/<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/gu, (_match, id: string) => `<#${id}>`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/gu, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/gu, (_match, name?: string) => name ?? '@group')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/gu, '$2 ($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/gu, '$1')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/[ \t]+/gu, ' ')
    .trim();

/** Last cut position in `text` at or before `limit` where `pattern` matches; group 1 stays with the first piece. */
const lastCut = (text: string, limit: number, pattern: RegExp): number => {
  let best = -1;
  for (const match of text.slice(0, limit + 1).matchAll(pattern)) {
    const cut = match.index + (match[1]?.length ?? 0);
    if (cut > 0 && cut <= limit) best = cut;
  }
  return best;
};

/** A cut inside a word longer than the limit: never inside an `&amp;` entity or a surrogate pair. */
const hardCut = (text: string, limit: number): number => {
  let cut = limit;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp > 0 && cut - amp < 6 && !text.slice(amp, cut).includes(';')) cut = amp;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
};

/**
 * Splits text into pieces of at most `limit` characters, preferring paragraph breaks, then line
 * breaks, then sentence ends, then spaces. Only a word longer than `limit` is cut inside.
 */
export const splitText = (text: string, limit: number): string[] => {
  const pieces: string[] = [];
  let rest = text.trim();
  // Cuts too close to the start would make many tiny pieces; accept them only as a last resort.
  const minimum = Math.floor(limit / 3);
  while (rest.length > limit) {
    const candidates = [
      lastCut(rest, limit, /\n\s*\n/gu),
      lastCut(rest, limit, /\n/gu),
      lastCut(rest, limit, /([.!?;:])\s+/gu),
      lastCut(rest, limit, /\s+/gu),
    ];
    const cut = candidates.find((index) => index >= minimum) ?? candidates.find((index) => index > 0) ?? hardCut(rest, limit);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
};

/** Shortens to `max` characters with an ellipsis, at a word boundary when one is near. */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
};
