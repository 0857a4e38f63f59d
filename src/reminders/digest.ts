import type { AnswerPort, Logger } from '../core/ports.js';
import type { AssessmentResult, ComponentScore, ResultStore, SessionStore } from '../core/assessment-store.js';
import type { Choice, Citation, Reply } from '../core/replies.js';
import { assessChoiceValue } from '../assessment/choices.js';
import { formatDate, formatDelta, formatPercent } from '../assessment/format.js';
import type { Framework } from '../assessment/framework-schema.js';
import { nextSteps } from '../assessment/scoring.js';
import { stepLines } from '../assessment/summary.js';
import type { RoundStore } from '../rounds/round.js';
import type { Reminder } from './reminder.js';
import { describeSchedule } from './schedule-describe.js';
import { formatInZone } from './time-zone.js';
import { codeSpan, escapeText } from '../core/markdown.js';

/** When the digest is built: the slot it is for, and now (later than the slot after downtime). */
export interface DigestTime {
  slot: Date;
  now: Date;
}

/** Builds the replies a reminder sends; the scheduler calls it once per claimed slot. */
export type BuildDigest = (reminder: Reminder, time: DigestTime) => Promise<Reply[]>;

export interface DigestDeps {
  results: ResultStore;
  /** City-wide rounds: open ones are mentioned with how many have answered. */
  rounds?: RoundStore;
  sessions: SessionStore;
  frameworks: readonly Framework[];
  /** Kept for callers that pass the knowledge base; next steps quote their documents directly. */
  answers?: AnswerPort;
  logger: Logger;
  /** After this many days without an assessment the digest says a new one is due; default 90. */
  reassessAfterDays?: number;
}

const DAY_MS = 86_400_000;
/** A slot sent later than this is marked as late (the bot was down or busy). */
const LATE_AFTER_MS = 10 * 60_000;
const MAX_UNFINISHED_SHOWN = 5;

const daysBetween = (from: Date, to: Date): number => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));

const ago = (days: number): string => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);

/**
 * The weakest scored area across the city's latest result in each framework, so a low area in one
 * framework is not hidden by a newer result in another. Ties go to the more recent result.
 */
const weakestArea = async (
  deps: DigestDeps,
  latest: AssessmentResult,
  byId: ReadonlyMap<string, Framework>,
): Promise<{ framework: Framework; result: AssessmentResult; component: ComponentScore } | undefined> => {
  const seen = new Set<string>();
  let weakest: { framework: Framework; result: AssessmentResult; component: ComponentScore } | undefined;
  for (const result of await deps.results.list(latest.workspace, { city: latest.city, limit: 500 })) {
    if (seen.has(result.frameworkId)) continue;
    seen.add(result.frameworkId);
    const framework = byId.get(result.frameworkId);
    if (framework === undefined) continue;
    for (const component of result.components) {
      if (component.percent === null || Math.round(component.percent) >= 100) continue;
      if (weakest === undefined || Math.round(component.percent) < Math.round(weakest.component.percent ?? 0)) {
        weakest = { framework, result, component };
      }
    }
  }
  return weakest;
};

/** Latest result, its framework's previous result, and the weakest area with one next step. */
const progressLines = async (
  deps: DigestDeps,
  latest: AssessmentResult,
  byId: ReadonlyMap<string, Framework>,
  now: Date,
): Promise<{ lines: string[]; citations: Citation[] }> => {
  const name = byId.get(latest.frameworkId)?.name ?? latest.frameworkId;
  const previous = (await deps.results.list(latest.workspace, { city: latest.city, frameworkId: latest.frameworkId, limit: 2 }))[1];
  const delta = formatDelta(latest.overallPercent, previous?.overallPercent);
  const trend =
    previous === undefined
      ? ' (first result, so no trend yet)'
      : delta === undefined
        ? ''
        : ` (${delta} since ${formatDate(previous.completedAt, now)}: ${formatPercent(previous.overallPercent)} → ${formatPercent(latest.overallPercent)})`;
  const days = daysBetween(latest.completedAt, now);
  const lines = [
    `• Last assessment: *${name}* on ${formatDate(latest.completedAt, now)}, ${ago(days)}.`,
    `• Overall score: *${formatPercent(latest.overallPercent)}*${trend}.`,
  ];
  const citations: Citation[] = [];
  const weakest = await weakestArea(deps, latest, byId);
  if (weakest !== undefined) {
    const { framework, result, component } = weakest;
    lines.push(`• Weakest area: *${component.label}* at ${formatPercent(component.percent)} in ${framework.name} (${formatDate(result.completedAt, now)}).`);
    const step = nextSteps(framework, component.id)[0];
    if (step !== undefined) {
      const [first = '', ...rest] = stepLines(step);
      lines.push(`   Next step: ${first.replace(/^\s*– /u, '')}`, ...rest);
      if (step.text === undefined) citations.push(step.citation);
    }
  }
  return { lines, citations };
};

/** Assessments started but not finished anywhere in the workspace. */
const unfinishedLines = async (deps: DigestDeps, workspace: string, byId: ReadonlyMap<string, Framework>, now: Date): Promise<string[]> => {
  const sessions = await deps.sessions.listByWorkspace(workspace);
  if (sessions.length === 0) return ['• No assessments are waiting to be finished.'];
  const lines = [`• Started but not finished: ${sessions.length}.`];
  for (const session of sessions.slice(0, MAX_UNFINISHED_SHOWN)) {
    const framework = session.frameworkId === '' ? 'framework not chosen yet' : (byId.get(session.frameworkId)?.name ?? session.frameworkId);
    const city = session.city === '' ? 'city not chosen yet' : escapeText(session.city);
    lines.push(`   – ${framework}, ${city}: started ${formatDate(session.startedAt, now)}, last answer ${formatDate(session.updatedAt, now)}`);
  }
  if (sessions.length > MAX_UNFINISHED_SHOWN) lines.push(`   – …and ${sessions.length - MAX_UNFINISHED_SHOWN} more.`);
  lines.push('   Whoever started one can carry on with `assess resume` in the same conversation.');
  return lines;
};

/** Open city-wide rounds of the workspace and how many have answered each (never who). */
const openRoundLines = async (deps: DigestDeps, workspace: string, byId: ReadonlyMap<string, Framework>): Promise<string[]> => {
  const open = deps.rounds === undefined ? [] : await deps.rounds.listOpen(workspace);
  const lines: string[] = [];
  for (const round of open.slice(0, MAX_UNFINISHED_SHOWN)) {
    const answered = await deps.rounds?.countSubmitted(workspace, round.id) ?? 0;
    lines.push(
      `• City-wide round \`${round.id}\` open: ${byId.get(round.frameworkId)?.name ?? round.frameworkId}, ${escapeText(round.city)}, until ${formatInZone(round.deadline, round.timeZone)}; ${answered} ${answered === 1 ? 'person has' : 'people have'} answered.`,
    );
  }
  if (open.length > MAX_UNFINISHED_SHOWN) lines.push(`   – …and ${open.length - MAX_UNFINISHED_SHOWN} more open rounds.`);
  return lines;
};

/** Buttons stay under the 100-character choice value limit; the city is given as text to type. */
const startChoice = (framework: Framework): Choice => ({
  label: `Start ${framework.name}`.slice(0, 75),
  value: assessChoiceValue({ type: 'begin', frameworkId: framework.id }),
  style: 'primary',
});

/**
 * The progress digest: where the city stands (days since its last assessment, score and trend,
 * weakest area with a cited next step), unfinished assessments in the workspace, what is due and
 * what to type. A workspace with no assessment yet gets a short start guide instead.
 */
export const createDigestBuilder = (deps: DigestDeps): BuildDigest => {
  const reassessAfter = deps.reassessAfterDays ?? 90;
  return async (reminder, { slot, now }) => {
    // Read at each digest: the frameworks may be replaced while the bot runs (see LiveFrameworks).
    const byId = new Map(deps.frameworks.map((framework) => [framework.id, framework]));
    const latestAny = (await deps.results.list(reminder.workspace, { limit: 1 }))[0];
    const city = reminder.city ?? latestAny?.city;
    const latest = city === undefined ? undefined : (await deps.results.list(reminder.workspace, { city, limit: 1 }))[0];
    const framework = latest === undefined ? deps.frameworks[0] : byId.get(latest.frameworkId);
    const lines = [`*Progress reminder${city === undefined ? '' : `: ${escapeText(latest?.city ?? city)}`}*`];
    if (slot.getTime() < now.getTime() - LATE_AFTER_MS) {
      lines.push(`_This reminder was due ${formatInZone(slot, reminder.timeZone)}; it is sent late because the bot was offline. Missed reminders are sent once._`);
    }
    let citations: Citation[] = [];
    const due: string[] = [];
    if (latest === undefined) {
      lines.push(
        city === undefined
          ? '• No assessment has been completed in this workspace yet.'
          : `• *${escapeText(city)}* has no completed assessment in this workspace yet.`,
      );
      due.push(`Run a first self-assessment to get a baseline: type ${codeSpan(`assess${framework === undefined ? '' : ` ${framework.id}`} for ${city ?? '<city>'}`)}.`);
    } else {
      const progress = await progressLines(deps, latest, byId, now);
      lines.push(...progress.lines);
      citations = progress.citations;
      const days = daysBetween(latest.completedAt, now);
      const command = codeSpan(`assess ${latest.frameworkId} for ${latest.city}`);
      due.push(
        days >= reassessAfter
          ? `A new assessment is due (the last one was ${days} days ago): type ${command} to measure progress.`
          : `Next assessment due around ${formatDate(new Date(latest.completedAt.getTime() + reassessAfter * DAY_MS), now)}; to run it now, type ${command}.`,
      );
    }
    lines.push(...(await unfinishedLines(deps, reminder.workspace, byId, now)));
    lines.push(...(await openRoundLines(deps, reminder.workspace, byId)));
    lines.push(`*What is due:* ${due.join(' ')}`);
    lines.push(`See the full history with ${codeSpan(`results ${latest?.city ?? city ?? '<city>'}`)}.`);
    lines.push(`_Reminder \`${reminder.id}\`, ${describeSchedule(reminder.schedule)} (${reminder.timeZone}). \`reminders pause ${reminder.id}\` pauses it._`);
    return [
      {
        kind: 'summary',
        text: lines.join('\n'),
        ...(citations.length > 0 ? { citations } : {}),
        ...(framework === undefined ? {} : { choices: [startChoice(framework)] }),
      },
    ];
  };
};
