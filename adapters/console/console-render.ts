import type { Citation, Reply } from '../../src/core/replies.js';

/** "Sources:" block as printed in the terminal and in one-shot answers. */
export const formatSources = (citations: readonly Citation[]): string =>
  citations.length === 0
    ? ''
    : ['Sources:', ...citations.map((c, i) => `  ${i + 1}. ${c.title} (${c.source})`)].join('\n');

/** Light Markdown to terminal text: keeps the words, drops markup the terminal cannot show (code fences too). */
export const toPlainText = (markdown: string): string =>
  markdown
    .replace(/^```[\w-]*\n?/gmu, '')
    .replace(/\*\*(.+?)\*\*/gu, '$1')
    .replace(/(^|\s)\*(\S(?:.*?\S)?)\*(?=\s|[.,:;!?)]|$)/gmu, '$1$2')
    .replace(/(^|\s)_(\S(?:.*?\S)?)_(?=\s|[.,:;!?)]|$)/gmu, '$1$2');

export interface RenderedConsoleReply {
  text: string;
  /** Choice values in the order they were numbered, so a typed number can be mapped back. */
  choiceValues: string[];
}

/**
 * Renders a neutral reply for the terminal. A reply's typed `howTo` is shown in place of its
 * buttons; other buttons become numbered options. An image or file is written by `saveImage` /
 * `saveFile` and its path shown, since a terminal cannot show pictures or hand over files.
 */
export const renderConsoleReply = (
  reply: Reply,
  saveImage: (reply: Reply) => string | undefined,
  saveFile: (reply: Reply) => string | undefined = () => undefined,
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
    const path = saveImage(reply);
    parts.push(path ? `Chart saved to ${path} (${reply.image.alt})` : `Chart: ${reply.image.alt}`);
  }
  if (reply.file) {
    const path = saveFile(reply);
    parts.push(path ? `Saved to ${path}` : `${reply.file.filename}:\n${reply.file.content}`);
  }
  return { text: parts.join('\n\n'), choiceValues: selfNumbered ? [] : choices.map((choice) => choice.value) };
};
