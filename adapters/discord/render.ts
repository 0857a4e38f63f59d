import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  escapeMarkdown,
} from 'discord.js';
import { transformMarkdown } from '../../src/core/markdown.js';
import type { Choice, Citation, Reply } from '../../src/core/replies.js';
import { citationLabel, feedbackValue } from '../../src/core/replies.js';
import { splitMessage } from './split-message.js';

/** One Discord message as the adapter sends it; fits `send`, `reply`, `editReply`, `followUp`, `update`. */
export interface DiscordMessagePayload {
  content?: string;
  embeds?: EmbedBuilder[];
  files?: AttachmentBuilder[];
  components?: Array<ActionRowBuilder<ButtonBuilder>>;
  /** Replies never ping: the core may quote user text such as `@everyone`. */
  allowedMentions: { parse: []; repliedUser: false };
}

const MAX_ROWS = 5;
const MAX_BUTTONS_PER_ROW = 5;
const MAX_CUSTOM_ID = 100;
const MAX_LABEL = 80;
const MAX_EMBED_DESCRIPTION = 4_096;
const MAX_ATTACHMENT_DESCRIPTION = 1_024;
const EMBED_COLOUR = 0x2f7d6d;

const NO_MENTIONS: DiscordMessagePayload['allowedMentions'] = { parse: [], repliedUser: false };

/**
 * The core's light Markdown uses `*bold*` (one asterisk), which Discord shows as italics; doubles
 * it outside code spans and blocks. `_italic_`, lists and code pass through unchanged. Escaped
 * characters (user text) stay escaped, which Discord shows as the character itself, so user text
 * never becomes a masked link, a mention or formatting.
 */
export const toDiscordMarkdown = (text: string): string =>
  transformMarkdown(text, {
    markup: (part) => part.replace(/(^|[^*\w\\])\*([^\s*](?:[^*\n]*?[^\s*])?)\*(?![*\w])/gu, '$1**$2**'),
    literal: (char) => `\\${char}`,
    code: (span) => span,
  });

const sourcesBlock = (citations: Citation[]): string =>
  citations.length === 0
    ? ''
    : `\n\n**Sources:**\n${citations.map((c) => `• ${escapeMarkdown(citationLabel(c))} (\`${c.source.replace(/`/gu, "'")}\`)`).join('\n')}`;

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const buttonStyle = (style: Choice['style']): ButtonStyle =>
  style === 'primary' ? ButtonStyle.Primary : style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary;

const rowsOf = (buttons: ButtonBuilder[]): Array<ActionRowBuilder<ButtonBuilder>> => {
  const rows: Array<ActionRowBuilder<ButtonBuilder>> = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW) {
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + MAX_BUTTONS_PER_ROW)));
  }
  return rows;
};

const feedbackButtons = (key: string): ButtonBuilder[] => {
  const up = feedbackValue(key, true);
  const down = feedbackValue(key, false);
  if (up.length > MAX_CUSTOM_ID || down.length > MAX_CUSTOM_ID) return [];
  return [
    new ButtonBuilder().setCustomId(up).setEmoji('👍').setLabel('Helpful').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(down).setEmoji('👎').setLabel('Not helpful').setStyle(ButtonStyle.Secondary),
  ];
};

/**
 * Buttons for as many choices as Discord allows (5 rows of 5, ids of at most 100 characters, no
 * duplicates); the rest are returned so they can be listed as text to type instead.
 */
export const choiceButtons = (choices: Choice[], rowsAvailable: number): { buttons: ButtonBuilder[]; rest: Choice[] } => {
  const capacity = Math.max(0, rowsAvailable) * MAX_BUTTONS_PER_ROW;
  const seen = new Set<string>();
  const buttons: ButtonBuilder[] = [];
  const rest: Choice[] = [];
  for (const choice of choices) {
    const usable = choice.value.length >= 1 && choice.value.length <= MAX_CUSTOM_ID && !seen.has(choice.value);
    if (!usable || buttons.length >= capacity) {
      rest.push(choice);
      continue;
    }
    seen.add(choice.value);
    buttons.push(
      new ButtonBuilder()
        .setCustomId(choice.value)
        .setLabel(truncate(choice.label.trim() || choice.value, MAX_LABEL))
        .setStyle(buttonStyle(choice.style)),
    );
  }
  return { buttons, rest };
};

const imageParts = (reply: Reply): { embed: EmbedBuilder; files: AttachmentBuilder[] } | undefined => {
  if (reply.kind !== 'summary' && !reply.image) return undefined;
  const embed = new EmbedBuilder().setColor(EMBED_COLOUR);
  const files: AttachmentBuilder[] = [];
  if (reply.image) {
    const name = reply.image.filename.replace(/[^\w.-]/gu, '_') || 'chart.png';
    files.push(
      new AttachmentBuilder(Buffer.from(reply.image.data), {
        name,
        description: truncate(reply.image.alt, MAX_ATTACHMENT_DESCRIPTION),
      }),
    );
    embed.setImage(`attachment://${name}`);
  }
  return { embed, files };
};

/**
 * Renders one neutral reply as one or more Discord messages: text split at 2,000 characters,
 * sources listed under the answer, 👍/👎 on answers with a feedback key, choices as button rows,
 * and summaries (or any reply with an image) as an embed with the picture attached. Components
 * and the embed go on the last message.
 */
export const renderReply = (reply: Reply): DiscordMessagePayload[] => {
  const feedback = reply.feedbackKey === undefined ? [] : feedbackButtons(reply.feedbackKey);
  const feedbackRows = rowsOf(feedback);
  const { buttons, rest } = choiceButtons(reply.choices ?? [], MAX_ROWS - feedbackRows.length);
  const typed = rest.length === 0 ? '' : `\n\nAlso possible (type it): ${rest.map((c) => escapeMarkdown(c.label)).join(' · ')}`;
  // How to answer, worded for the buttons Discord shows.
  const howTo = reply.howTo === undefined ? '' : `\n_${toDiscordMarkdown(reply.howTo.buttons)}_`;
  const fileNote = reply.file === undefined ? '' : `\n\nThe file \`${reply.file.filename}\` is attached.`;
  const text = `${toDiscordMarkdown(reply.text)}${howTo}${typed}${fileNote}${sourcesBlock(reply.citations ?? [])}`.trim();
  const components = [...rowsOf(buttons), ...feedbackRows];

  const image = imageParts(reply);
  let chunks: string[];
  if (image && text !== '' && text.length <= MAX_EMBED_DESCRIPTION) {
    image.embed.setDescription(text);
    chunks = [];
  } else {
    chunks = splitMessage(text);
  }
  const payloads: DiscordMessagePayload[] = chunks.map((content) => ({ content, allowedMentions: NO_MENTIONS }));
  if (image && (image.files.length > 0 || image.embed.data.description !== undefined)) {
    const last = payloads.pop() ?? { allowedMentions: NO_MENTIONS };
    payloads.push({ ...last, embeds: [image.embed], files: image.files });
  }
  if (reply.file !== undefined) {
    const last = payloads.pop() ?? { allowedMentions: NO_MENTIONS };
    const attachment = new AttachmentBuilder(Buffer.from(reply.file.content, 'utf8'), { name: reply.file.filename.replace(/[^\w.-]/gu, '_') });
    payloads.push({ ...last, files: [...(last.files ?? []), attachment] });
  }
  if (components.length > 0) {
    const last = payloads.pop() ?? { content: '\u200b', allowedMentions: NO_MENTIONS };
    payloads.push({ ...last, components });
  }
  return payloads;
};

/** Renders several replies in order. */
export const renderReplies = (replies: Reply[]): DiscordMessagePayload[] => replies.flatMap(renderReply);
