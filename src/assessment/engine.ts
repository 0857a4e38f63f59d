import type { Reply } from '../core/replies.js';
import { parseAssessChoice, type AssessChoice } from './choices.js';
import {
  answerText, confirmAnswerReply, confirmCancelReply, levelName, pausedReply, progressNote, questionPrompt,
} from './engine-replies.js';
import type { EngineState } from './engine-state.js';
import { flattenQuestions, type FlatQuestion, type Framework } from './framework-schema.js';
import { parseTypedInput, readYesNo, type TypedInput } from './typed-input.js';
import { escapeText } from '../core/markdown.js';
import { smallTalk } from '../core/small-talk.js';

export { engineStateSchema, type EngineState } from './engine-state.js';
export { questionPrompt } from './engine-replies.js';

/** One user input: typed text, or the value of a pressed button. */
export type EngineInput = { type: 'text'; text: string } | { type: 'choice'; value: string };

/**
 * What the step did. `ignored`: the assessment is paused and the input was not for it (the caller
 * lets the text be handled as an ordinary message). `question`: the text asks about the content;
 * the caller answers it and shows `reply` (the current question) again after the answer.
 */
export type EngineOutcome = 'asked' | 'invalid' | 'paused' | 'resumed' | 'completed' | 'cancelled' | 'ignored' | 'question';

export interface EngineStep {
  state: EngineState;
  reply: Reply;
  outcome: EngineOutcome;
}

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

const withoutPending = (state: EngineState): EngineState => {
  const { pending: _pending, ...rest } = state;
  return rest;
};

const moveTo = (framework: Framework, questions: FlatQuestion[], state: EngineState, index: number, note: string): EngineStep => {
  const next = { ...withoutPending(state), index, questionId: questions[index]?.question.id ?? null };
  if (index >= questions.length) {
    const done: EngineState = { ...next, status: 'complete' };
    return { state: done, reply: { text: `${note} That was the last question.`, kind: 'info' }, outcome: 'completed' };
  }
  return { state: next, reply: questionPrompt(framework, next, note), outcome: 'asked' };
};

const validChoices = (framework: Framework): string =>
  `${framework.scale.levels.map((level) => `${level.value} (${level.label})`).join(', ')}, or skip, back, stop, cancel`;

const reprompt = (framework: Framework, state: EngineState, note: string, outcome: EngineOutcome = 'invalid'): EngineStep => ({
  state,
  reply: questionPrompt(framework, state, note),
  outcome,
});

/**
 * Resumes a paused assessment at the question where it stopped. `lead` opens the prompt instead of
 * "Welcome back" when the assessment was not paused (another click moved it on).
 */
export const resumeEngine = (framework: Framework, state: EngineState, lead = 'Welcome back'): EngineStep => {
  const resumed: EngineState = { ...withoutPending(reconcileState(framework, state)), status: 'active' };
  const total = flattenQuestions(framework).length;
  const answered = Object.values(resumed.answers).filter((value) => value !== null).length;
  const skipped = Object.values(resumed.answers).filter((value) => value === null).length;
  const note = `${lead}: ${answered} of ${total} answered${skipped === 0 ? '' : `, ${skipped} skipped`}.`;
  const step = moveTo(framework, flattenQuestions(framework), resumed, resumed.index, note);
  return step.outcome === 'asked' ? { ...step, outcome: 'resumed' } : step;
};

const cancelled = (framework: Framework, state: EngineState): EngineStep => ({
  state: { ...withoutPending(state), status: 'cancelled' },
  reply: { text: `Cancelled *${framework.name}* for ${escapeText(state.city)}; its answers were discarded.`, kind: 'info' },
  outcome: 'cancelled',
});

type Command = AssessChoice | Exclude<TypedInput, { type: 'answer' | 'not-on-scale' | 'ambiguous' | 'unknown' }> | { type: 'answer'; value: number; position?: number; confirm?: boolean } | { type: 'invalid'; note: string };

const readInput = (framework: Framework, input: EngineInput): Command => {
  if (input.type === 'choice') {
    return parseAssessChoice(input.value) ?? { type: 'invalid', note: 'That button is not part of this assessment.' };
  }
  const typed = parseTypedInput(input.text, framework.scale.levels);
  switch (typed.type) {
    case 'not-on-scale':
      return { type: 'invalid', note: `${typed.value} is not on this scale. Choose ${validChoices(framework)}.` };
    case 'ambiguous':
      return { type: 'invalid', note: `Do you mean ${typed.values.map((value) => levelName(framework, value)).join(' or ')}? Type the number you mean.` };
    case 'unknown': {
      // "thanks" or "hello" in the middle of an assessment is conversation, not a garbled answer.
      const talk = smallTalk(input.text);
      const lead = talk === 'thanks' ? 'You’re welcome.' : talk === 'greeting' ? 'Hello!' : 'Sorry, I did not catch that.';
      return { type: 'invalid', note: `${lead} Choose ${validChoices(framework)}, or ask a question.` };
    }
    default:
      return typed;
  }
};

/** Settles a waiting yes/no question; `undefined` when the input is something else (the question lapses). */
const settlePending = (framework: Framework, questions: FlatQuestion[], state: EngineState, input: EngineInput, command: Command): EngineStep | undefined => {
  const pending = state.pending;
  if (pending === undefined) return undefined;
  const said = input.type === 'text' ? readYesNo(input.text) : command.type === 'keep' ? 'no' : undefined;
  if (pending.type === 'cancel') {
    if (said === 'yes' || command.type === 'discard') return cancelled(framework, state);
    if (said !== 'no') return undefined;
    const kept = withoutPending(state);
    if (kept.status === 'paused') return { state: kept, reply: pausedReply(framework, kept), outcome: 'paused' };
    return reprompt(framework, kept, 'Kept: nothing was discarded.', 'asked');
  }
  if (said === 'no') return reprompt(framework, withoutPending(state), 'Not recorded. Choose the level that fits.', 'asked');
  if (said === 'yes' && pending.position === state.index + 1) return record(framework, questions, state, pending.value);
  return undefined;
};

/**
 * Where to go after answering: the next question not yet asked, so answering a question revisited
 * with `back` or `question <n>` returns to where the user left off; the end once all were asked.
 */
const nextOpen = (questions: FlatQuestion[], answers: EngineState['answers'], from: number): number => {
  const after = questions.findIndex((entry, i) => i > from && answers[entry.question.id] === undefined);
  if (after >= 0) return after;
  const before = questions.findIndex((entry) => answers[entry.question.id] === undefined);
  return before >= 0 ? before : questions.length;
};

const record = (framework: Framework, questions: FlatQuestion[], state: EngineState, value: number): EngineStep => {
  const current = questions[state.index];
  if (current === undefined) return moveTo(framework, questions, state, questions.length, '');
  const answers = { ...state.answers, [current.question.id]: value };
  return moveTo(framework, questions, { ...state, answers }, nextOpen(questions, answers, state.index), `Noted: ${answerText(framework, value)}.`);
};

/**
 * Applies one input to the state. Pure: the caller stores the returned state and sends the reply.
 * Invalid input leaves the state unchanged and re-asks with the valid choices.
 */
export const stepEngine = (framework: Framework, stored: EngineState, input: EngineInput): EngineStep => {
  const reconciled = reconcileState(framework, stored);
  const questions = flattenQuestions(framework);
  const command = readInput(framework, input);
  if (reconciled.status === 'complete' || reconciled.status === 'cancelled') {
    return { state: reconciled, reply: { text: 'This assessment has already ended. Type `assess` to start a new one.', kind: 'info' }, outcome: 'ignored' };
  }
  const settled = settlePending(framework, questions, reconciled, input, command);
  if (settled !== undefined) return settled;
  const state = withoutPending(reconciled);
  if (state.status === 'paused') {
    if (command.type === 'cancel' || command.type === 'discard') {
      return { state: { ...state, pending: { type: 'cancel' } }, reply: confirmCancelReply(framework, state), outcome: 'asked' };
    }
    const isButton = input.type === 'choice' && command.type !== 'invalid';
    if (command.type === 'resume' || isButton) return resumeEngine(framework, state);
    return { state, reply: pausedReply(framework, state), outcome: 'ignored' };
  }
  const position = state.index + 1;
  if ('position' in command && command.position !== undefined && command.type !== 'goto' && command.position !== position) {
    return reprompt(framework, state, `That button was for question ${command.position}; we are now on question ${position}.`);
  }
  const current = questions[state.index];
  switch (command.type) {
    case 'answer': {
      if (!framework.scale.levels.some((level) => level.value === command.value)) {
        return reprompt(framework, state, `${command.value} is not on this scale. Choose ${validChoices(framework)}.`);
      }
      if ('confirm' in command && command.confirm === true && input.type === 'text') {
        const asking: EngineState = { ...state, pending: { type: 'answer', value: command.value, position } };
        return { state: asking, reply: confirmAnswerReply(framework, state, command.value, input.text.trim().slice(0, 80)), outcome: 'asked' };
      }
      return record(framework, questions, state, command.value);
    }
    case 'skip': {
      if (current === undefined) return moveTo(framework, questions, state, questions.length, '');
      // Back at a question answered before, `skip` ("next") moves on without losing that answer;
      // "not sure" and "n/a" are said of the question itself and clear it.
      const earlier = state.answers[current.question.id];
      const unsure = 'unsure' in command && command.unsure;
      const notApplicable = 'notApplicable' in command && command.notApplicable === true;
      if (earlier !== undefined && earlier !== null && !unsure && !notApplicable) {
        const kept = `Kept your earlier answer to question ${position}: ${answerText(framework, earlier)}.`;
        return moveTo(framework, questions, state, nextOpen(questions, state.answers, state.index), kept);
      }
      const answers = { ...state.answers, [current.question.id]: null };
      const note = unsure
          ? `Skipped question ${position}, since you are not sure. To come back to it, type \`question ${position}\` any time before the last answer (or \`back\` now); \`progress\` lists what is open.`
          : `Skipped question ${position}.`;
      return moveTo(framework, questions, { ...state, answers }, nextOpen(questions, answers, state.index), note);
    }
    case 'goto':
      if (command.position < 1 || command.position > questions.length) {
        return reprompt(framework, state, `There is no question ${command.position}; the questions run from 1 to ${questions.length}.`);
      }
      return moveTo(framework, questions, state, command.position - 1, `Question ${command.position} again.`);
    case 'back':
      if (state.index === 0) return reprompt(framework, state, 'This is the first question, so there is nothing to go back to.');
      return moveTo(framework, questions, state, state.index - 1, 'Going back one question.');
    case 'stop': {
      const paused: EngineState = { ...state, status: 'paused' };
      return { state: paused, reply: pausedReply(framework, paused), outcome: 'paused' };
    }
    case 'cancel':
    case 'discard':
      return { state: { ...state, pending: { type: 'cancel' } }, reply: confirmCancelReply(framework, state), outcome: 'asked' };
    case 'progress':
      return reprompt(framework, state, progressNote(framework, state), 'asked');
    case 'question':
      return { state, reply: questionPrompt(framework, state, 'Back to the assessment:'), outcome: 'question' };
    case 'keep':
    case 'resume':
    case 'help':
      return { state, reply: questionPrompt(framework, state), outcome: 'asked' };
    case 'invalid':
      return reprompt(framework, state, command.note);
    default:
      return reprompt(framework, state, `That does not answer this question. Choose ${validChoices(framework)}.`);
  }
};
