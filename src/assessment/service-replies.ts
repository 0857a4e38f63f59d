import type { Reply } from '../core/replies.js';
import { assessChoiceValue } from './choices.js';
import type { EngineState } from './engine.js';
import { flattenQuestions, type Framework } from './framework-schema.js';
import { escapeText } from '../core/markdown.js';

/** A plain informational reply. */
export const info = (text: string): Reply => ({ text, kind: 'info' });

/** When a store fails: the step is not taken, so nothing answered before is lost. */
export const FAILURE_REPLY: Reply = {
  text: 'Sorry, the assessment could not be saved just now. Nothing you answered before is lost; please try again in a moment.',
  kind: 'error',
};

/** When stored results cannot be read: nothing was written, and questions need no database. */
export const READ_FAILURE_REPLY: Reply = {
  text: 'Sorry, the saved results could not be read just now; the problem has been logged for whoever runs this bot. Nothing was changed. Questions still work: ask me anything about learning cities, or type `help`.',
  kind: 'error',
};

/** What a failed command logs and tells the user. */
export interface Failure {
  log: string;
  reply: Reply;
}

/** A step that could not be saved. */
export const STEP_FAILURE: Failure = { log: 'assessment step failed', reply: FAILURE_REPLY };

/** `results` or `export` that could not read the stored results. */
export const READ_FAILURE: Failure = { log: 'assessment results could not be read', reply: READ_FAILURE_REPLY };

const questionCount = (framework: Framework): number => flattenQuestions(framework).length;

const sourceLine = (framework: Framework): string => {
  const { name, publisher, year, seed } = framework.source;
  return `${name}, ${publisher}${year === undefined ? '' : `, ${year}`}${seed === undefined ? '' : ` (${seed})`}`;
};

/** The list behind `frameworks`: name, id, question count, scale and source, with a start button each. */
export const frameworkListReply = (frameworks: readonly Framework[]): Reply => {
  if (frameworks.length === 0) return { text: 'No assessment frameworks are loaded, so there is nothing to assess with yet: whoever runs the bot adds them to `knowledge/frameworks/`.', kind: 'info' };
  const lines = ['*Self-assessment frameworks*'];
  frameworks.forEach((framework, i) => {
    const levels = framework.scale.levels;
    lines.push(
      `${i + 1}. *${framework.name}* (\`${framework.id}\`): ${questionCount(framework)} questions in ${framework.components.length} areas, scale ${levels[0]?.value}–${levels[levels.length - 1]?.value}. ${framework.description}`,
      `   Source: ${sourceLine(framework)}`,
    );
  });
  return {
    text: lines.join('\n'),
    kind: 'prompt',
    howTo: {
      buttons: 'Press a button to start one, or type `assess <name> for <city>`, e.g. `assess niace for Leeds`.',
      typing: 'Start one with `assess <name> for <city>`, e.g. `assess niace for Leeds`.',
    },
    choices: frameworks.map((framework) => ({ label: framework.name.slice(0, 75), value: assessChoiceValue({ type: 'begin', frameworkId: framework.id }) })),
  };
};

/** "Which framework?" with one button per framework. */
export const frameworkPickerReply = (frameworks: readonly Framework[], city: string | undefined, note?: string): Reply => ({
  text: [
    ...(note === undefined ? [] : [note]),
    `Which self-assessment would you like to run${city === undefined ? '' : ` for *${escapeText(city)}*`}?`,
    ...frameworks.map((framework, i) => `${i + 1}. *${framework.name}*: ${questionCount(framework)} questions`),
  ].join('\n'),
  kind: 'prompt',
  howTo: {
    buttons: 'Press a button, or type its name or number. `cancel` leaves.',
    typing: 'Type its name or number, or `cancel` to leave.',
  },
  choices: [
    ...frameworks.map((framework) => ({ label: framework.name.slice(0, 75), value: assessChoiceValue({ type: 'framework', frameworkId: framework.id }) })),
    { label: 'Cancel', value: assessChoiceValue({ type: 'cancel' }), style: 'danger' as const },
  ],
});

/** "Which city or team?", offering the last one used here as a button. */
export const cityPromptReply = (framework: Framework, suggestedCity: string | undefined, note?: string): Reply => ({
  text: [
    ...(note === undefined ? [] : [note]),
    `*${framework.name}*: which city, town or team is this assessment for?`,
  ].join('\n'),
  kind: 'prompt',
  howTo:
    suggestedCity === undefined
      ? { buttons: 'Type its name, or `cancel` to leave.', typing: 'Type its name, or `cancel` to leave.' }
      : {
          buttons: `Type its name, or press *${escapeText(suggestedCity)}* to use the same as last time. \`cancel\` leaves.`,
          typing: `Type its name (last time it was *${escapeText(suggestedCity)}*), or \`cancel\` to leave.`,
        },
  choices: [
    ...(suggestedCity === undefined ? [] : [{ label: suggestedCity.slice(0, 75), value: assessChoiceValue({ type: 'suggested-city' }), style: 'primary' as const }]),
    { label: 'Cancel', value: assessChoiceValue({ type: 'cancel' }), style: 'danger' as const },
  ],
});

/** Shown before the first question. */
export const introReply = (framework: Framework, city: string): Reply => ({
  text: `Starting *${framework.name}* for *${escapeText(city)}*: ${questionCount(framework)} questions, one at a time. Your answers are saved after every step.`,
  kind: 'info',
  howTo: {
    buttons: 'Answer with the buttons, or type a number or a level name; `skip`, `back`, `progress`, `stop` (pause and come back later) and `cancel` work at any time.',
    typing: 'Answer by typing a number or a level name; `skip`, `back`, `progress`, `stop` (pause and come back later) and `cancel` work at any time.',
  },
});

const lostNote = (engine: EngineState): string => {
  const lost = Object.values(engine.answers).filter((value) => value !== null).length;
  return lost === 0 ? 'No answers have been given yet.' : `Starting over discards its ${lost} answer${lost === 1 ? '' : 's'} so far.`;
};

/** "You already have one in progress: resume or start over?", saying how many answers starting over loses. */
export const restartOfferReply = (framework: Framework, engine: EngineState, next: { framework?: Framework; city?: string }): Reply => {
  const total = questionCount(framework);
  const status = engine.status === 'paused' ? 'paused' : 'in progress';
  const target = `${next.framework?.name ?? framework.name} for ${escapeText(next.city ?? engine.city)}`;
  return {
    text: `You already have *${framework.name}* for *${escapeText(engine.city)}* ${status} here, at question ${Math.min(engine.index + 1, total)} of ${total}. Resume it, or start over with ${target}? ${lostNote(engine)} Or discard it and start nothing.`,
    kind: 'prompt',
    choices: [
      { label: 'Resume', value: assessChoiceValue({ type: 'resume' }), style: 'primary' },
      { label: 'Start over', value: assessChoiceValue({ type: 'restart' }) },
      // Not "Cancel": it discards the assessment in progress (after asking), not this offer.
      { label: `Discard ${engine.city}`.slice(0, 75), value: assessChoiceValue({ type: 'cancel' }), style: 'danger' },
    ],
  };
};
