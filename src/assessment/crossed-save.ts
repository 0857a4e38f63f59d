import type { Reply } from '../core/replies.js';
import { resumeEngine } from './engine.js';
import type { Framework } from './framework-schema.js';
import { info } from './service-replies.js';
import type { SessionState } from './session-state.js';

/**
 * The session version a request read, moved on by each of its own saves. A save naming it applies
 * only if nobody saved in between: two clicks on one question handled by two instances at the same
 * moment cannot both apply.
 */
export interface Turn {
  version: number | undefined;
}

/** Another request saved the session between this one's read and its save; nothing was applied. */
export class CrossedSave extends Error {}

const LOST = 'Another answer to this assessment was saved at the same moment, so this one was not applied.';

/**
 * What the request that lost the race is told, from the session as it is now (`undefined` when
 * the other request ended the assessment): look at the updated question.
 */
export const crossedReplies = (now: SessionState | undefined, byId: ReadonlyMap<string, Framework>): Reply[] => {
  if (now === undefined) return [info(`${LOST} The assessment has ended since. Type \`assess\` to start another.`)];
  const framework = now.phase === 'run' ? byId.get(now.engine.frameworkId) : undefined;
  if (now.phase === 'run' && framework !== undefined) {
    return [info(`${LOST} Please look at the updated question:`), resumeEngine(framework, now.engine, 'Now').reply];
  }
  return [info(`${LOST} Please look at the latest message and answer there.`)];
};
