import type { types } from '@slack/bolt';
import { keptFor } from '../../src/core/kept.js';
import { citationLabel, feedbackValue, type Choice, type Citation, type Reply } from '../../src/core/replies.js';
import { SLACK_LIMITS, escapeMrkdwn, splitText, toMrkdwn, truncate } from './slack-text.js';

/** One Slack message ready for `chat.postMessage` / `chat.update`: blocks plus the `text` fallback. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Action ids the app listens for. Choice buttons are numbered so each is unique in its message. */
export const ACTION_IDS = {
  choicePattern: /^lc_choice_\d+$/u,
  choice: (index: number): string => `lc_choice_${index}`,
  feedbackUp: 'lc_feedback_up',
  feedbackDown: 'lc_feedback_down',
  feedbackPattern: /^lc_feedback_(?:up|down)$/u,
  share: 'lc_share',
} as const;

const section = (text: string): types.SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

const button = (label: string, value: string, actionId: string, style?: Choice['style']): types.Button => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(label, SLACK_LIMITS.buttonText), emoji: true },
  value,
  action_id: actionId,
  ...(style ? { style } : {}),
});

/** "Sources: Title (file); …" as a context block. */
export const sourcesBlock = (citations: Citation[]): types.ContextBlock => {
  const list = citations.map((citation) => `${escapeMrkdwn(citationLabel(citation))} (${escapeMrkdwn(citation.source)})`).join('; ');
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncate(`*Sources:* ${list}`, SLACK_LIMITS.contextText) }],
  };
};

const choiceBlocks = (choices: Choice[]): types.ActionsBlock[] => {
  const blocks: types.ActionsBlock[] = [];
  for (let start = 0; start < choices.length; start += SLACK_LIMITS.actionsElements) {
    const elements = choices
      .slice(start, start + SLACK_LIMITS.actionsElements)
      .map((choice, offset) => button(choice.label, choice.value, ACTION_IDS.choice(start + offset), choice.style));
    blocks.push({ type: 'actions', block_id: `lc_choices_${blocks.length}`, elements });
  }
  return blocks;
};

const feedbackBlock = (key: string): types.ActionsBlock => ({
  type: 'actions',
  block_id: 'lc_feedback',
  elements: [
    button('👍 Helpful', feedbackValue(key, true), ACTION_IDS.feedbackUp),
    button('👎 Not helpful', feedbackValue(key, false), ACTION_IDS.feedbackDown),
  ],
});

interface Piece {
  block: types.KnownBlock;
  /** Text this block contributes to the message's `text` fallback. */
  text: string;
}

/**
 * The reply's words for Slack: how to answer is worded for buttons, which Slack shows, and a file
 * (an export) is shown as a block to copy, since files are not uploaded.
 */
export const slackText = (reply: Reply): string => {
  const parts = [reply.text];
  if (reply.howTo !== undefined) parts.push(`_${reply.howTo.buttons}_`);
  if (reply.file !== undefined) parts.push(`Copy the block below into a file named \`${reply.file.filename}\`.\n\`\`\`\n${reply.file.content}\n\`\`\``);
  return parts.join('\n');
};

/** Messages rendered from frozen replies (a kept answer's), shared by every post of them. */
const rendered = new WeakMap<Reply, readonly SlackMessage[]>();

/**
 * Renders one neutral reply as one or more Slack messages within Slack's limits: sections of at
 * most 3,000 characters split at paragraph, sentence or word boundaries, at most 50 blocks and
 * about 39,000 characters per message. Sources and buttons follow the text. `text` is always set.
 * A frozen reply is rendered once; its messages are frozen too.
 */
export const renderReply = (reply: Reply): readonly SlackMessage[] =>
  keptFor(rendered, reply, renderAfresh, (messages) =>
    Object.freeze(messages.map((message) => Object.freeze({ text: message.text, blocks: Object.freeze(message.blocks) as types.KnownBlock[] }))),
  );

const renderAfresh = (reply: Reply): SlackMessage[] => {
  const words = slackText(reply);
  const mrkdwn = toMrkdwn(words);
  const pieces: Piece[] = splitText(mrkdwn, SLACK_LIMITS.sectionText).map((text) => ({ block: section(text), text }));
  if (reply.citations && reply.citations.length > 0) {
    const block = sourcesBlock(reply.citations);
    pieces.push({ block, text: '' });
  }
  if (reply.choices && reply.choices.length > 0) {
    for (const block of choiceBlocks(reply.choices)) pieces.push({ block, text: '' });
  }
  if (reply.feedbackKey !== undefined) pieces.push({ block: feedbackBlock(reply.feedbackKey), text: '' });

  // The fallback is what notifications show; it is mrkdwn too, so user text in it must stay inert.
  const fallback = truncate((words === reply.text ? mrkdwn : toMrkdwn(reply.text)).trim() || 'Learning-city bot', 300);
  const messages: SlackMessage[] = [];
  let blocks: types.KnownBlock[] = [];
  let texts: string[] = [];
  let length = 0;
  const flush = (): void => {
    if (blocks.length === 0) return;
    messages.push({ text: texts.length > 0 ? texts.join('\n\n') : fallback, blocks });
    blocks = [];
    texts = [];
    length = 0;
  };
  for (const piece of pieces) {
    if (blocks.length + 1 > SLACK_LIMITS.blocksPerMessage || length + piece.text.length + 2 > SLACK_LIMITS.messageText) flush();
    blocks.push(piece.block);
    if (piece.text !== '') texts.push(piece.text);
    length += piece.text.length + 2;
  }
  flush();
  return messages.length > 0 ? messages : [{ text: fallback, blocks: [section(fallback)] }];
};

/** A loosely typed block from a payload, kept as Slack sent it. */
export interface PayloadBlock {
  type: string;
  [key: string]: unknown;
}

/**
 * The clicked message without its buttons plus a note of what was chosen, so a question cannot be
 * answered twice from a stale message.
 */
export const closedMessage = (blocks: PayloadBlock[], note: string, fallback: string): { text: string; blocks: types.Block[] } => {
  const context: types.ContextBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(note, SLACK_LIMITS.contextText) }] };
  return { text: fallback, blocks: [...blocks.filter((block) => block.type !== 'actions'), context] };
};

/** A small grey line of mrkdwn (attribution, a note of what happened). */
export const noteBlock = (mrkdwn: string): types.ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, SLACK_LIMITS.contextText) }],
});

/** The "Share in channel" button under a private reply; `value` names the stored content. */
export const shareBlock = (value: string): types.ActionsBlock => ({
  type: 'actions',
  block_id: 'lc_share',
  elements: [button('Share in channel', value, ACTION_IDS.share)],
});

/** Adds blocks to the end of the last message, or as a message of their own when it is full. */
export const appendBlocks = (messages: readonly SlackMessage[], blocks: types.KnownBlock[], text: string): SlackMessage[] => {
  const last = messages[messages.length - 1];
  if (last !== undefined && last.blocks.length + blocks.length <= SLACK_LIMITS.blocksPerMessage) {
    return [...messages.slice(0, -1), { text: last.text, blocks: [...last.blocks, ...blocks] }];
  }
  return [...messages, { text, blocks }];
};

/** Adds blocks to the start of the first message, or as a message of their own when it is full. */
export const prependBlocks = (messages: readonly SlackMessage[], blocks: types.KnownBlock[], text: string): SlackMessage[] => {
  const first = messages[0];
  if (first !== undefined && first.blocks.length + blocks.length <= SLACK_LIMITS.blocksPerMessage) {
    return [{ text: first.text, blocks: [...blocks, ...first.blocks] }, ...messages.slice(1)];
  }
  return [{ text, blocks }, ...messages];
};

/** Joins consecutive messages while they fit in one (blocks and text), so fewer are sent. */
export const mergeMessages = (messages: readonly SlackMessage[]): SlackMessage[] => {
  const merged: SlackMessage[] = [];
  const blockIds = (message: SlackMessage): string[] =>
    message.blocks.flatMap((block) => (block.block_id === undefined ? [] : [block.block_id]));
  for (const message of messages) {
    const last = merged[merged.length - 1];
    const ids = last === undefined ? [] : blockIds(last);
    if (
      last !== undefined &&
      !blockIds(message).some((id) => ids.includes(id)) &&
      last.blocks.length + message.blocks.length <= SLACK_LIMITS.blocksPerMessage &&
      last.text.length + message.text.length + 2 <= SLACK_LIMITS.messageText
    ) {
      merged[merged.length - 1] = { text: `${last.text}\n\n${message.text}`, blocks: [...last.blocks, ...message.blocks] };
    } else {
      merged.push(message);
    }
  }
  return merged;
};
