import { z } from 'zod';
import type { Choice, Reply } from '../core/replies.js';
import { assessChoiceValue, parseAssessChoice, type AssessChoice } from './choices.js';
import { flattenQuestions, type FlatQuestion, type Framework } from './framework-schema.js';
import { parseTypedInput } from './typed-input.js';
import { escapeText } from '../core/markdown.js';

/**
 * The engine's state as stored between messages. Plain JSON; validated with this schema when read
 * back, because it may come from a database written by an older version.
 */
export const engineStateSchema = z.object({
  version: z.literal(1),
  frameworkId: z.string().min(1),
  city: z.string().min(1),
  /** 0-based position of the question being asked. */
  index: z.number().int().min(0),
  /** Id of that question, so a framework file edited between steps does not shift the position. */
  questionId: z.string().nullable(),
  /** Question id -> chosen level value, `null` when skipped. Unasked questions are absent. */
  answers: z.record(z.string(), z.number().int().nullable()),
  status: z.enum(['active', 'paused', 'complete', 'cancelled']),
});

export type EngineState = z.infer<typeof engineStateSchema>;

/** One user input: typed text, or the value of a pressed button. */
export type EngineInput = { type: 'text'; text: string } | { type: 'choice'; value: string };

/**
 * What the step did. `ignored`: the assessment is paused and the input was not for it (the caller
 * lets the text be handled as an ordinary message).
 */
export type EngineOutcome = 'asked' | 'invalid' | 'paused' | 'resumed' | 'completed' | 'cancelled' | 'ignored';

export interface EngineStep {
  state: EngineState;
  reply: Reply;
  outcome: EngineOutcome;
}

const levelLine = (value: number, label: string): string => `${value} ${label}`;

const levelLabel = (framework: Framework, value: number): string =>
  framework.scale.levels.find((level) => level.value === value)?.label ?? String(value);

const answerText = (framework: Framework, value: number | null): string =>
  value === null ? 'skipped' : levelLine(value, levelLabel(framework, value));

/** The question prompt with progress, level descriptions, earlier answer and buttons. */
export const questionPrompt = (framework: Framework, state: EngineState, note?: string): Reply => {
  const questions = flattenQuestions(framework);
  const current = questions[state.index];
  if (current === undefined) return { text: 'All questions are answered.', kind: 'info' };
  const { question, component } = current;
  const position = state.index + 1;
  const descriptions = new Map((question.levels ?? []).map((level) => [level.value, level.description]));
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
  lines.push('Answer with a button, a number or a level name, or type `skip`, `back`, `stop` (pause) or `cancel`.');
  const choices: Choice[] = framework.scale.levels.map((level) => ({
    label: levelLine(level.value, level.label),
    value: assessChoiceValue({ type: 'answer', value: level.value, position }),
    ...(earlier === level.value ? { style: 'primary' as const } : {}),
  }));
  choices.push({ label: 'Skip', value: assessChoiceValue({ type: 'skip', position }) });
  if (state.index > 0) choices.push({ label: 'Back', value: assessChoiceValue({ type: 'back', position }) });
  choices.push({ label: 'Stop', value: assessChoiceValue({ type: 'stop' }) });
  return { text: lines.join('\n'), kind: 'prompt', choices };
};

/** A fresh assessment at question 1. */
export const startEngine = (framework: Framework, city: string): EngineStep => {
  const first = flattenQuestions(framework)[0];
  const state: EngineState = {
    version: 1,
    frameworkId: framework.id,
    city,
    index: 0,
    questionId: first?.question.id ?? null,
    answers: {},
    status: 'active',
  };
  return { state, reply: questionPrompt(framework, state), outcome: 'asked' };
};

/**
 * Fits a stored state to the framework as it is now: drops answers to questions that no longer
 * exist and finds the current question by id if the file was edited.
 */
export const reconcileState = (framework: Framework, state: EngineState): EngineState => {
  const questions = flattenQuestions(framework);
  const ids = new Set(questions.map((entry) => entry.question.id));
  const answers = Object.fromEntries(Object.entries(state.answers).filter(([id]) => ids.has(id)));
  let index = state.index;
  if (questions[index]?.question.id !== state.questionId) {
    const byId = questions.findIndex((entry) => entry.question.id === state.questionId);
    const firstOpen = questions.findIndex((entry) => answers[entry.question.id] === undefined);
    index = byId >= 0 ? byId : firstOpen >= 0 ? firstOpen : questions.length;
  }
  index = Math.min(index, questions.length);
  return { ...state, answers, index, questionId: questions[index]?.question.id ?? null };
};

const moveTo = (framework: Framework, questions: FlatQuestion[], state: EngineState, index: number, note: string): EngineStep => {
  const next = { ...state, index, questionId: questions[index]?.question.id ?? null };
  if (index >= questions.length) {
    const done: EngineState = { ...next, status: 'complete' };
    return { state: done, reply: { text: `${note} That was the last question.`, kind: 'info' }, outcome: 'completed' };
  }
  return { state: next, reply: questionPrompt(framework, next, note), outcome: 'asked' };
};

const validChoices = (framework: Framework): string =>
  `${framework.scale.levels.map((level) => `${level.value} (${level.label})`).join(', ')}, or skip, back, stop, cancel`;

const reprompt = (framework: Framework, state: EngineState, note: string): EngineStep => ({
  state,
  reply: questionPrompt(framework, state, note),
  outcome: 'invalid',
});

/** Resumes a paused assessment at the question where it stopped. */
export const resumeEngine = (framework: Framework, state: EngineState): EngineStep => {
  const resumed: EngineState = { ...reconcileState(framework, state), status: 'active' };
  const total = flattenQuestions(framework).length;
  const answered = Object.keys(resumed.answers).length;
  const step = moveTo(framework, flattenQuestions(framework), resumed, resumed.index, `Welcome back: ${answered} of ${total} done.`);
  return step.outcome === 'asked' ? { ...step, outcome: 'resumed' } : step;
};

const pausedReply = (framework: Framework, state: EngineState): Reply => ({
  text: `Paused *${framework.name}* for ${escapeText(state.city)} at question ${state.index + 1} of ${flattenQuestions(framework).length}. Your answers are kept: type \`resume\` to carry on or \`cancel\` to discard.`,
  kind: 'prompt',
  choices: [
    { label: 'Resume', value: assessChoiceValue({ type: 'resume' }), style: 'primary' },
    { label: 'Cancel', value: assessChoiceValue({ type: 'cancel' }), style: 'danger' },
  ],
});

const cancelled = (framework: Framework, state: EngineState): EngineStep => ({
  state: { ...state, status: 'cancelled' },
  reply: { text: `Cancelled *${framework.name}* for ${escapeText(state.city)}; nothing was saved.`, kind: 'info' },
  outcome: 'cancelled',
});

type Command = AssessChoice | { type: 'help' } | { type: 'invalid'; note: string };

const readInput = (framework: Framework, input: EngineInput): Command => {
  if (input.type === 'choice') {
    return parseAssessChoice(input.value) ?? { type: 'invalid', note: 'That button is not part of this assessment.' };
  }
  const typed = parseTypedInput(input.text, framework.scale.levels);
  switch (typed.type) {
    case 'answer':
      return { type: 'answer', value: typed.value };
    case 'not-on-scale':
      return { type: 'invalid', note: `${typed.value} is not on this scale. Choose ${validChoices(framework)}.` };
    case 'ambiguous':
      return { type: 'invalid', note: `That could mean level ${typed.values.join(' or ')}. Please choose one: ${validChoices(framework)}.` };
    case 'unknown':
      return { type: 'invalid', note: `Sorry, I did not catch that. Choose ${validChoices(framework)}.` };
    default:
      return { type: typed.type };
  }
};

/**
 * Applies one input to the state. Pure: the caller stores the returned state and sends the reply.
 * Invalid input leaves the state unchanged and re-asks with the valid choices.
 */
export const stepEngine = (framework: Framework, stored: EngineState, input: EngineInput): EngineStep => {
  const state = reconcileState(framework, stored);
  const questions = flattenQuestions(framework);
  const command = readInput(framework, input);
  if (state.status === 'complete' || state.status === 'cancelled') {
    return { state, reply: { text: 'This assessment has already ended. Type `assess` to start a new one.', kind: 'info' }, outcome: 'ignored' };
  }
  if (state.status === 'paused') {
    if (command.type === 'cancel') return cancelled(framework, state);
    const isButton = input.type === 'choice' && command.type !== 'invalid';
    if (command.type === 'resume' || isButton) return resumeEngine(framework, state);
    return { state, reply: pausedReply(framework, state), outcome: 'ignored' };
  }
  const position = state.index + 1;
  if ('position' in command && command.position !== undefined && command.position !== position) {
    return reprompt(framework, state, `That button was for question ${command.position}; we are now on question ${position}.`);
  }
  const current = questions[state.index];
  switch (command.type) {
    case 'answer': {
      if (current === undefined) return moveTo(framework, questions, state, questions.length, '');
      if (!framework.scale.levels.some((level) => level.value === command.value)) {
        return reprompt(framework, state, `${command.value} is not on this scale. Choose ${validChoices(framework)}.`);
      }
      const answers = { ...state.answers, [current.question.id]: command.value };
      return moveTo(framework, questions, { ...state, answers }, state.index + 1, `Noted: ${answerText(framework, command.value)}.`);
    }
    case 'skip': {
      if (current === undefined) return moveTo(framework, questions, state, questions.length, '');
      const answers = { ...state.answers, [current.question.id]: null };
      return moveTo(framework, questions, { ...state, answers }, state.index + 1, `Skipped question ${position}.`);
    }
    case 'back':
      if (state.index === 0) return reprompt(framework, state, 'This is the first question, so there is nothing to go back to.');
      return moveTo(framework, questions, state, state.index - 1, 'Going back one question.');
    case 'stop': {
      const paused: EngineState = { ...state, status: 'paused' };
      return { state: paused, reply: pausedReply(framework, paused), outcome: 'paused' };
    }
    case 'cancel':
      return cancelled(framework, state);
    case 'resume':
    case 'help':
      return { state, reply: questionPrompt(framework, state), outcome: 'asked' };
    case 'invalid':
      return reprompt(framework, state, command.note);
    default:
      return reprompt(framework, state, `That does not answer this question. Choose ${validChoices(framework)}.`);
  }
};
