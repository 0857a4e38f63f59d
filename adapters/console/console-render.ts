import { transformMarkdown } from '../../src/core/markdown.js';
import { citationLabel, type Citation, type Reply } from '../../src/core/replies.js';

/** "Sources:" block as printed in the terminal and in one-shot answers. */
export const formatSources = (citations: readonly Citation[]): string =>
  citations.length === 0
    ? ''
    : ['Sources:', ...citations.map((c, i) => `  ${i + 1}. ${citationLabel(c)} (${c.source})`)].join('\n');

/**
 * Light Markdown to terminal text: keeps the words, drops markup the terminal cannot show (code
 * fences too). Escaped characters (user text) are printed as themselves; code spans keep their
 * backticks.
 */
export const toPlainText = (markdown: string): string =>
  transformMarkdown(markdown.replace(/^```[\w-]*\n?/gmu, ''), {
    markup: (text) =>
      text
        .replace(/\*\*(.+?)\*\*/gu, '$1')
        .replace(/(^|\s)\*(\S(?:.*?\S)?)\*(?=\s|[.,:;!?)]|$)/gmu, '$1$2')
        .replace(/(^|\s)_(\S(?:.*?\S)?)_(?=\s|[.,:;!?)]|$)/gmu, '$1$2'),
    literal: (char) => char,
    code: (span) => span,
  });

export interface RenderedConsoleReply {
  text: string;
  /** Choice values in the order they were numbered, so a typed number can be mapped back. */
  choiceValues: string[];
  /** Typed word -> choice value, for choices that name {@link Choice.keywords}. */
  choiceKeywords: Map<string, string>;
}

/** Where an image or file was written, or why it could not be. */
export type SavedFile = { path: string } | { error: string };

/**
 * Renders a neutral reply for the terminal. A reply's typed `howTo` is shown in place of its
 * buttons; other buttons become numbered options. An image or file is written by `saveImage` /
 * `saveFile` and its path shown, since a terminal cannot show pictures or hand over files.
 */
export const renderConsoleReply = (
  reply: Reply,
  saveImage: (reply: Reply) => SavedFile | undefined,
  saveFile: (reply: Reply) => SavedFile | undefined = () => undefined,
): RenderedConsoleReply => {
  const parts = [toPlainText(reply.text).trimEnd()];
  const sources = formatSources(reply.citations ?? []);
  if (sources !== '') parts.push(sources);
  // A reply that says how to answer by typing is answered that way: its choices are not numbered,
  // so a typed "1" means level 1 (or the first framework), never the first button.
  const choices = reply.howTo === undefined ? (reply.choices ?? []) : [];
  // Choices labelled with their own numbers (assessment levels) are answered by typing that number
  // or the words; numbering them again would make "1" ambiguous.
  const selfNumbered = choices.some((choice) => /^\d+\b/u.test(choice.label));
  if (choices.length > 0 && selfNumbered) {
    parts.push(`Type one of: ${choices.map((choice) => choice.label).join(' · ')}`);
  } else if (choices.length > 0) {
    parts.push(choices.map((choice, i) => `  [${i + 1}] ${choice.label}`).join('\n'));
    parts.push('(type a number, or your answer in words)');
  }
  if (reply.howTo !== undefined) parts.push(toPlainText(reply.howTo.typing));
  if (reply.image) {
    const saved = saveImage(reply);
    if (saved === undefined) parts.push(`Chart: ${reply.image.alt}`);
    else if ('path' in saved) parts.push(`Chart saved to ${saved.path} (${reply.image.alt})`);
    else parts.push(`The chart could not be saved (${saved.error}); the summary above shows the same scores.`);
  }
  if (reply.file) {
    const saved = saveFile(reply);
    if (saved !== undefined && 'path' in saved) parts.push(`Saved to ${saved.path}`);
    else {
      const why = saved === undefined ? '' : ` could not be saved (${saved.error}); here it is`;
      parts.push(`${reply.file.filename}${why}:\n${reply.file.content}`);
    }
  }
  const choiceKeywords = new Map(
    (reply.choices ?? []).flatMap((choice) => (choice.keywords ?? []).map((keyword) => [keyword.toLowerCase(), choice.value] as const)),
  );
  return { text: parts.join('\n\n'), choiceValues: selfNumbered ? [] : choices.map((choice) => choice.value), choiceKeywords };
};
