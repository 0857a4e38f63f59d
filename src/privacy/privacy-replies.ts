import { workspaceKey, type Origin } from '../core/events.js';
import { codeSpan, escapeText } from '../core/markdown.js';
import type { ErasedCounts } from '../core/ports.js';
import type { Reply } from '../core/replies.js';

/** Button values; the confirmation carries when it was asked and by whom (see privacy-service.ts). */
export const FORGET_VALUE = 'privacy:forget';
export const CANCEL_VALUE = 'privacy:cancel';

/** `forget me`: what goes, what stays, and the Confirm/Cancel choice. */
export const forgetPrompt = (origin: Origin, confirmValue: string): Reply => ({
  kind: 'prompt',
  text: [
    origin.personal === true
      ? '*Forget me*: this deletes everything the bot keeps from your direct messages with it:'
      : '*Forget me*: this deletes what the bot keeps about you in this workspace:',
    '• your assessments in progress',
    '• your 👍/👎 feedback on answers',
    '• your answers to city-wide rounds (collated results keep no one’s answers)',
    '• reminders you set up, and reminders sent to you directly',
    origin.personal === true
      ? '• the assessments you completed here'
      : '• your name and id on assessments you completed: the results stay for the city, marked _anonymous_',
    ...(origin.personal === true ? ['• the documents you added here'] : ['• your id on documents you added: they stay for the workspace, marked _anonymous_']),
    'It cannot be undone.',
  ].join('\n'),
  choices: [
    { label: 'Confirm', value: confirmValue, style: 'danger', keywords: ['yes'] },
    { label: 'Cancel', value: CANCEL_VALUE, keywords: ['cancel', 'no'] },
  ],
  howTo: { buttons: 'Press Confirm to go ahead, or Cancel.', typing: 'Type `yes` to go ahead, or `cancel`.' },
});

/** What the admin types to confirm: the workspace's name when known, its id otherwise. */
export const deleteConfirmation = (origin: Origin): string => `delete ${origin.workspaceName ?? origin.workspaceId}`;

/** `delete workspace data` by an admin: what goes, and what to type. */
export const deleteWorkspacePrompt = (origin: Origin): Reply => {
  const name = origin.workspaceName === undefined ? codeSpan(origin.workspaceId) : `*${escapeText(origin.workspaceName)}*`;
  return {
    kind: 'prompt',
    text: [
      `*Delete workspace data*: this deletes everything the bot keeps for ${name} (${codeSpan(workspaceKey(origin))}):`,
      'every assessment result, every assessment in progress, every reminder, every 👍/👎 vote, every document added from chat and every city-wide round. It cannot be undone.',
      `To go ahead, type ${codeSpan(deleteConfirmation(origin))}. You may want to type \`export\` first.`,
    ].join('\n'),
    choices: [{ label: 'Cancel', value: CANCEL_VALUE, keywords: ['cancel', 'no'] }],
    howTo: {
      buttons: `Type ${codeSpan(deleteConfirmation(origin))} to go ahead, or press Cancel.`,
      typing: `Type ${codeSpan(deleteConfirmation(origin))} to go ahead, or \`cancel\`.`,
    },
  };
};

/** How tables are named to people, in the order they are listed. Delivery logs go with their reminders. */
const PLURALS: Record<string, [string, string]> = {
  assessment_results: ['assessment result', 'assessment results'],
  assessment_sessions: ['assessment in progress', 'assessments in progress'],
  answer_feedback: ['feedback vote', 'feedback votes'],
  reminders: ['reminder', 'reminders'],
  workspace_documents: ['document added from chat', 'documents added from chat'],
  group_answers: ['set of answers to a city-wide round', 'sets of answers to city-wide rounds'],
  group_rounds: ['city-wide round', 'city-wide rounds'],
};

/** "2 assessment results, 1 reminder" from counts; tables with nothing left out (empty when nothing went). */
export const describeCounts = (counts: ErasedCounts): string => {
  const known = Object.keys(PLURALS);
  const others = Object.keys(counts).filter((table) => !known.includes(table) && table !== 'reminder_deliveries');
  const parts = [...known, ...others]
    .filter((table) => (counts[table] ?? 0) > 0)
    .map((table) => {
      const count = counts[table] ?? 0;
      const [one, many] = PLURALS[table] ?? [table, table];
      return `${count} ${count === 1 ? one : many}`;
    });
  return parts.join(', ');
};
