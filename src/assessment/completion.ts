import type { Origin } from '../core/events.js';
import type { AssessmentResult, ResultStore, SessionKey, SessionStore } from '../core/assessment-store.js';
import type { Clock, Logger } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import { escapeText } from '../core/markdown.js';
import { CrossedSave, type Turn } from './crossed-save.js';
import type { Framework } from './framework-schema.js';
import { buildFeedback, scoreAnswers } from './scoring.js';
import type { SessionRecords } from './session-records.js';
import type { SessionState } from './session-state.js';
import { renderSummary } from './summary.js';

/** What completing an assessment needs of the service. */
export interface CompletionDeps {
  sessions: SessionStore;
  results: ResultStore;
  records: SessionRecords;
  clock: Clock;
  logger: Logger;
  newId: () => string;
}

/**
 * Ends the session, then saves the result; if saving fails the session is put back at the last
 * question. Removing the session first, only if it still has the version read, claims the
 * completion: a click that crossed it (on this instance or another) is refused with
 * {@link CrossedSave}, so one assessment cannot be saved as two results. Returns the scored summary.
 */
export const completeAssessment = async (
  deps: CompletionDeps,
  origin: Origin,
  key: SessionKey,
  framework: Framework,
  engine: Extract<SessionState, { phase: 'run' }>['engine'],
  read: { turn: Turn; state: SessionState; startedAt: Date },
): Promise<Reply> => {
  const now = deps.clock.now();
  const score = scoreAnswers(framework, engine.answers);
  if (score.overallPercent === null) {
    // Every question skipped: no score to keep, and a result of "–" would sit in the city's trend.
    if (!(await deps.sessions.delete(key, read.turn.version)) && read.turn.version !== undefined) throw new CrossedSave();
    deps.logger.info({ frameworkId: framework.id, workspace: key.workspace }, 'assessment ended with nothing answered');
    return {
      text: `Every question of ${framework.name} for ${escapeText(engine.city)} was skipped, so there is nothing to score and nothing was saved. Type \`assess\` to start again.`,
      kind: 'info',
    };
  }
  // Compared with the last single assessment: a city-wide round's median is another kind of result.
  const previous = (await deps.results.list(key.workspace, { city: engine.city, frameworkId: framework.id, limit: 20 })).find((r) => r.kind !== 'group');
  const feedback = buildFeedback(framework, score);
  const result: AssessmentResult = {
    id: deps.newId(), workspace: key.workspace, platform: origin.platform, channelId: origin.channelId,
    userId: origin.userId, city: engine.city, frameworkId: framework.id, completedAt: now,
    overallPercent: score.overallPercent, components: score.components, answers: { ...engine.answers },
  };
  if (!(await deps.sessions.delete(key, read.turn.version)) && read.turn.version !== undefined) throw new CrossedSave();
  try {
    await deps.results.save(result);
  } catch (error) {
    await deps.records.save(key, read.state, read.startedAt).catch(() => undefined);
    throw error;
  }
  deps.logger.info({ frameworkId: framework.id, workspace: key.workspace, overall: score.overallPercent }, 'assessment completed');
  return renderSummary({ framework, city: engine.city, completedAt: now, score, feedback, ...(previous === undefined ? {} : { previous }) });
};
