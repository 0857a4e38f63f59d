import { escapeText } from '../core/markdown.js';
import type { Choice, Reply } from '../core/replies.js';
import { assessChoiceValue } from './choices.js';
import type { EngineState } from './engine-state.js';
import { flattenQuestions, type Framework } from './framework-schema.js';

const levelLabel = (framework: Framework, value: number): string =>
  framework.scale.levels.find((level) => level.value === value)?.label ?? String(value);

/** "3 Established", or "skipped". */
export const answerText = (framework: Framework, value: number | null): string =>
  value === null ? 'skipped' : `${value} ${levelLabel(framework, value)}`;

/** "3 · Established", as levels are shown in questions. */
export const levelName = (framework: Framework, value: number): string => `${value} · ${levelLabel(framework, value)}`;

const QUESTION_HOW_TO = {
  buttons: 'Press a level, or type its number or name. `skip`, `back`, `progress`, `stop` (pause) and `cancel` work too; ask a question any time.',
  typing: 'Type a level number or name, or `skip`, `back`, `question <n>`, `progress`, `stop` (pause) or `cancel`; ask a question any time.',
};

/** The question prompt with progress, this question's level descriptions, earlier answer and buttons. */
export const questionPrompt = (framework: Framework, state: EngineState, note?: string): Reply => {
  const questions = flattenQuestions(framework);
  const current = questions[state.index];
  if (current === undefined) return { text: 'All questions are answered.', kind: 'info' };
  const { question, component } = current;
  const position = state.index + 1;
  const descriptions = new Map(question.levels.map((level) => [level.value, level.description]));
  const lines = [
    ...(note === undefined ? [] : [note]),
    `*${framework.name}* · ${escapeText(state.city)}`,
    `Question ${position} of ${questions.length} · ${component.group === undefined ? '' : `${component.group} › `}${component.label}`,
    `*${question.text}*`,
    ...framework.scale.levels.map(
      (level) => `${level.value} · *${level.label}*: ${descriptions.get(level.value) ?? level.description}`,
    ),
  ];
  const earlier = state.answers[question.id];
  if (earlier !== undefined) lines.push(`_Your earlier answer: ${answerText(framework, earlier)}._`);
  const choices: Choice[] = framework.scale.levels.map((level) => ({
    label: `${level.value} ${level.label}`,
    value: assessChoiceValue({ type: 'answer', value: level.value, position }),
    ...(earlier === level.value ? { style: 'primary' as const } : {}),
  }));
  choices.push({ label: 'Skip', value: assessChoiceValue({ type: 'skip', position }) });
  if (state.index > 0) choices.push({ label: 'Back', value: assessChoiceValue({ type: 'back', position }) });
  choices.push({ label: 'Stop', value: assessChoiceValue({ type: 'stop' }) });
  return { text: lines.join('\n'), kind: 'prompt', choices, howTo: QUESTION_HOW_TO };
};

/** "Do you mean 3 · Established? yes / no", for an answer read from a vague word. */
export const confirmAnswerReply = (framework: Framework, state: EngineState, value: number, heard: string): Reply => {
  const position = state.index + 1;
  return {
    text: `You said “${heard}”. Do you mean *${levelName(framework, value)}* for question ${position}? yes / no`,
    kind: 'prompt',
    choices: [
      { label: `Yes, ${value} ${levelLabel(framework, value)}`.slice(0, 75), value: assessChoiceValue({ type: 'answer', value, position }), style: 'primary' },
      { label: 'No', value: assessChoiceValue({ type: 'keep' }) },
    ],
    howTo: {
      buttons: 'Press Yes or No, or type `yes`, `no`, or the level you mean.',
      typing: 'Type `yes` or `no`, or the level you mean.',
    },
  };
};

/** Answers given so far (skipped questions do not count). */
export const answeredSoFar = (state: EngineState): number => Object.values(state.answers).filter((value) => value !== null).length;

/** "Discard … for Leeds? 4 answers would be lost. yes / no" */
export const confirmCancelReply = (framework: Framework, state: EngineState): Reply => {
  const lost = answeredSoFar(state);
  return {
    text: `Discard *${framework.name}* for ${escapeText(state.city)}? ${lost === 0 ? 'No answers have been given yet, so none would be lost.' : `${lost} answer${lost === 1 ? '' : 's'} would be lost.`} yes / no`,
    kind: 'prompt',
    choices: [
      { label: 'Yes, discard', value: assessChoiceValue({ type: 'discard' }), style: 'danger' },
      { label: 'No, keep it', value: assessChoiceValue({ type: 'keep' }), style: 'primary' },
    ],
    howTo: {
      buttons: 'Press a button, or type `yes` to discard or `no` to keep it. (`stop` pauses instead and keeps every answer.)',
      typing: 'Type `yes` to discard or `no` to keep it. (`stop` pauses instead and keeps every answer.)',
    },
  };
};

/** Answered, skipped and remaining questions per area, for `progress`. */
export const progressNote = (framework: Framework, state: EngineState): string => {
  const questions = flattenQuestions(framework);
  const answered = answeredSoFar(state);
  const skippedAll = Object.values(state.answers).filter((value) => value === null).length;
  const lines = [`*Progress:* ${answered} of ${questions.length} answered, ${skippedAll} skipped, ${questions.length - answered - skippedAll} to go.`];
  for (const component of framework.components) {
    const values = component.questions.map((question) => state.answers[question.id]);
    const done = values.filter((value) => value !== undefined && value !== null).length;
    const skipped = component.questions
      .map((question, i) => ({ question, value: values[i] }))
      .filter((entry) => entry.value === null)
      .map((entry) => questions.findIndex((q) => q.question.id === entry.question.id) + 1);
    const open = values.filter((value) => value === undefined).length;
    const parts = [`${done} of ${component.questions.length} answered`];
    if (skipped.length > 0) parts.push(`skipped ${skipped.map((n) => `question ${n}`).join(', ')}`);
    if (open > 0) parts.push(`${open} to go`);
    lines.push(`• ${component.label}: ${parts.join(', ')}`);
  }
  if (skippedAll > 0) lines.push('Type `question <n>` to go back to a skipped question.');
  return lines.join('\n');
};

/** Shown while paused, with Resume and Cancel. */
export const pausedReply = (framework: Framework, state: EngineState): Reply => ({
  text: `Paused *${framework.name}* for ${escapeText(state.city)} at question ${state.index + 1} of ${flattenQuestions(framework).length}. Your answers are kept: type \`resume\` to carry on or \`cancel\` to discard.`,
  kind: 'prompt',
  choices: [
    { label: 'Resume', value: assessChoiceValue({ type: 'resume' }), style: 'primary' },
    { label: 'Cancel', value: assessChoiceValue({ type: 'cancel' }), style: 'danger' },
  ],
});
