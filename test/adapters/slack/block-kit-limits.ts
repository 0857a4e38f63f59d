/**
 * Slack's documented Block Kit limits, checked the way Slack checks them before accepting a
 * message: a message breaking any of them is refused with `invalid_blocks`, so tests see what a
 * real workspace would.
 */
export const BLOCK_KIT_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  messageText: 40_000,
} as const;

interface LooseBlock {
  type?: unknown;
  block_id?: unknown;
  text?: { text?: unknown };
  elements?: unknown;
}

const lengthOf = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

/** Every problem Slack would report for a message's `blocks` and `text`; empty when it is valid. */
export const blockKitProblems = (blocks: unknown, text?: unknown): string[] => {
  const problems: string[] = [];
  if (lengthOf(text) > BLOCK_KIT_LIMITS.messageText) problems.push(`text longer than ${BLOCK_KIT_LIMITS.messageText}`);
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return [...problems, 'blocks is not an array'];
  if (blocks.length > BLOCK_KIT_LIMITS.blocks) problems.push(`${blocks.length} blocks (at most ${BLOCK_KIT_LIMITS.blocks})`);
  const blockIds = new Set<string>();
  blocks.forEach((raw: LooseBlock, i) => {
    const where = `blocks[${i}]`;
    if (typeof raw.block_id === 'string') {
      if (lengthOf(raw.block_id) > BLOCK_KIT_LIMITS.blockId) problems.push(`${where}.block_id too long`);
      if (blockIds.has(raw.block_id)) problems.push(`${where}.block_id ${raw.block_id} repeated`);
      blockIds.add(raw.block_id);
    }
    if (raw.type === 'section' && lengthOf(raw.text?.text) > BLOCK_KIT_LIMITS.sectionText) {
      problems.push(`${where}.text longer than ${BLOCK_KIT_LIMITS.sectionText}`);
    }
    if (raw.type === 'section' && lengthOf(raw.text?.text) === 0) problems.push(`${where}.text empty`);
    const elements = Array.isArray(raw.elements) ? (raw.elements as Array<Record<string, unknown>>) : [];
    if (raw.type === 'context' && elements.length > BLOCK_KIT_LIMITS.contextElements) problems.push(`${where} has more than 10 elements`);
    if (raw.type !== 'actions') return;
    if (elements.length > BLOCK_KIT_LIMITS.actionsElements) problems.push(`${where} has more than 25 elements`);
    const actionIds = new Set<string>();
    elements.forEach((element, j) => {
      const at = `${where}.elements[${j}]`;
      const label = (element['text'] as { text?: unknown } | undefined)?.text;
      if (lengthOf(label) > BLOCK_KIT_LIMITS.buttonText) problems.push(`${at}.text longer than ${BLOCK_KIT_LIMITS.buttonText}`);
      if (lengthOf(element['action_id']) > BLOCK_KIT_LIMITS.actionId) problems.push(`${at}.action_id longer than ${BLOCK_KIT_LIMITS.actionId}`);
      if (lengthOf(element['value']) > BLOCK_KIT_LIMITS.buttonValue) problems.push(`${at}.value longer than ${BLOCK_KIT_LIMITS.buttonValue}`);
      if (typeof element['action_id'] === 'string') {
        if (actionIds.has(element['action_id'])) problems.push(`${at}.action_id repeated`);
        actionIds.add(element['action_id']);
      }
    });
  });
  return problems;
};
