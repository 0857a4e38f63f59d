import type { SessionKey } from '../core/assessment-store.js';
import { escapeText } from '../core/markdown.js';
import type { AskQuestion } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import type { AssessChoice } from './choices.js';
import type { Turn } from './crossed-save.js';
import type { EngineInput } from './engine.js';
import type { EngineState } from './engine-state.js';
import { info } from './service-replies.js';
import type { SessionState } from './session-state.js';
import type { SessionRecords } from './session-records.js';
import { parseTypedInput } from './typed-input.js';

/** What an assessment waiting for its framework says; `instead` replaces the way on (`assess resume`…). */
export const waitingReply = (engine: EngineState, instead?: string): Reply => {
  const answers = Object.keys(engine.answers).length;
  const kept = `The framework “${escapeText(engine.frameworkId)}” is no longer available, so this assessment is paused with its ${answers} ${answers === 1 ? 'answer' : 'answers'} kept.`;
  return info(`${kept} ${instead === undefined ? 'It goes on from where it stopped if the framework comes back (`assess resume`); `assess cancel` discards it.' : `It goes on if the framework comes back; ${instead}.`}`);
};

/**
 * An assessment whose framework is no longer loaded (its file removed, or being replaced) is paused
 * with its answers rather than discarded: it goes on if the framework comes back, and `cancel`
 * discards it. While it waits, messages that are not for it are answered as usual (`undefined`);
 * a question that found the framework gone is answered after the notice.
 */
export const waitForFramework = async (
  deps: { records: SessionRecords; discard: (text: string) => Promise<Reply[]> },
  key: SessionKey,
  session: { state: Extract<SessionState, { phase: 'run' }>; startedAt: Date; turn: Turn },
  message: { input: EngineInput; choice: AssessChoice | undefined; ask?: AskQuestion | undefined },
): Promise<Reply[] | undefined> => {
  const { state, startedAt, turn } = session;
  const { input, choice, ask } = message;
  const command = choice?.type ?? (input.type === 'text' ? parseTypedInput(input.text, []).type : undefined);
  if (command === 'cancel' || command === 'discard') {
    return deps.discard(`Cancelled the assessment of “${escapeText(state.engine.frameworkId)}”; its answers were discarded.`);
  }
  const waiting = waitingReply(state.engine);
  if (state.engine.status !== 'paused') {
    await deps.records.save(key, { phase: 'run', engine: { ...state.engine, status: 'paused' } }, startedAt, turn);
    const answer = command === 'question' && input.type === 'text' && ask ? await ask(input.text, startedAt) : [];
    return [waiting, ...answer];
  }
  // Already waiting: only what is meant for the assessment gets the notice again.
  return command === undefined || command === 'unknown' || command === 'question' ? undefined : [waiting];
};
