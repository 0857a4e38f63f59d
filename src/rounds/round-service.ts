import { randomInt } from 'node:crypto';
import { drawCharts } from '../core/charts.js';
import { DatabaseGoneError, errorMessage } from '../core/errors.js';
import { conversationKey, workspaceKey, type Origin, type Platform } from '../core/events.js';
import type { ChartRenderer, Clock, GroupRoundPort, Logger, Notifier } from '../core/ports.js';
import type { AssessmentResult, ResultStore } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import { codeSpan, escapeText } from '../core/markdown.js';
import type { Framework } from '../assessment/framework-schema.js';
import { cleanCity, resolveFramework } from '../assessment/start-args.js';
import { knownCityName } from '../assessment/results-lookup.js';
import { isCoordinator, coordinatorIdOf, type CoordinatorConfig } from '../reminders/permissions.js';
import { canonicalTimeZone, formatInZone } from '../reminders/time-zone.js';
import { collate } from './collate.js';
import { parseDeadline } from './deadline-parse.js';
import { RespondentSteps } from './respondent-steps.js';
import type { GroupRound, RoundStore } from './round.js';
import { parseRoundArgs } from './round-args.js';
import { invitationReply, joinValue, parseGroupValue, privateNote } from './round-replies.js';
import { renderRoundSummary } from './round-summary.js';

export interface RoundServiceDeps extends CoordinatorConfig {
  frameworks: readonly Framework[];
  store: RoundStore;
  results: ResultStore;
  /** The adapters' notifiers by platform: invitations, live counts and summaries go through them. */
  notifiers: Partial<Record<Platform, Notifier>>;
  charts?: ChartRenderer;
  clock: Clock;
  logger: Logger;
  /** IANA zone deadlines are read in. */
  defaultTimeZone: string;
  newId?: () => string;
  newResultId: () => string;
  /** Called after a round opens, so the closer can wake at its deadline. */
  onChange?: () => void;
}

const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const randomId = (): string => `g${Array.from({ length: 5 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
const problem = (text: string): Reply => ({ text, kind: 'error' });
const info = (text: string): Reply => ({ text, kind: 'info' });
const DEFAULT_LENGTH = 'for 7 days';
const USAGE = '`assess niace for Leeds as a group until Friday 17:00`';

/** What closing a round did. */
export type CloseOutcome = 'closed' | 'empty' | 'already';

/**
 * City-wide rounds: a coordinator opens one, everyone in the workspace may answer privately, and
 * at the deadline (or `close round`) the answers are collated into one group result posted to the
 * channel. Respondents' answers stay in the round store; only counts and spreads leave it.
 */
export class RoundService implements GroupRoundPort {
  private readonly steps: RespondentSteps;
  private readonly zone: string;
  /** Invitation updates under way, per round: a finish during one asks for one more, so updates coalesce. */
  private readonly updating = new Map<string, { again: boolean; done: Promise<void> }>();

  constructor(private readonly deps: RoundServiceDeps) {
    this.steps = new RespondentSteps(deps.store, deps.clock);
    this.zone = canonicalTimeZone(deps.defaultTimeZone) ?? 'UTC';
  }

  /** The frameworks by id, as they are now: the list may be replaced while the bot runs (see LiveFrameworks). */
  private get byId(): ReadonlyMap<string, Framework> {
    return new Map(this.deps.frameworks.map((framework) => [framework.id, framework]));
  }

  async start(origin: Origin, args: string): Promise<Reply[]> {
    return this.guard(origin, async () => {
      if (!isCoordinator(origin, this.deps)) return [this.refusal(origin)];
      const parsed = parseRoundArgs(args);
      const found = parsed.frameworkQuery === undefined ? undefined : resolveFramework(parsed.frameworkQuery, this.deps.frameworks);
      if (found === undefined || !('framework' in found)) {
        const names = this.deps.frameworks.map((f) => codeSpan(f.aliases?.[0] ?? f.id)).join(', ');
        return [problem(`Which framework should the round use? Write ${USAGE}. Frameworks: ${names}.`)];
      }
      const framework = found.framework;
      const cleaned = cleanCity(parsed.city ?? '');
      if ('error' in cleaned) return [problem(`Which city is the round for? Write ${USAGE}.`)];
      const now = this.deps.clock.now();
      const due = parseDeadline(parsed.deadline ?? DEFAULT_LENGTH, { now, timeZone: this.zone });
      if ('error' in due) return [problem(due.error)];
      const workspace = workspaceKey(origin);
      // The city's name as its results know it: "dun laoghaire" joins the history of "Dún Laoghaire".
      const city = await knownCityName(this.deps.results, workspace, cleaned.city);
      const open = (await this.deps.store.listOpen(workspace)).find(
        (r) => r.channelId === origin.channelId && r.frameworkId === framework.id && r.city.toLowerCase() === city.toLowerCase(),
      );
      if (open !== undefined) return [problem(`A round for ${escapeText(open.city)} is already open here (\`${open.id}\`, until ${formatInZone(open.deadline, open.timeZone)}). \`close round ${open.id}\` closes it.`)];
      const base = {
        workspace, platform: origin.platform, workspaceId: origin.workspaceId, channelId: origin.channelId, frameworkId: framework.id,
        city, createdBy: origin.userId, createdAt: now, deadline: due.deadline, timeZone: this.zone, status: 'open' as const,
      };
      let round: GroupRound | undefined;
      for (let attempt = 0; attempt < 5 && round === undefined; attempt++) {
        const candidate: GroupRound = { ...base, id: (this.deps.newId ?? randomId)() };
        if (await this.deps.store.create(candidate)) round = candidate;
      }
      if (round === undefined) return [problem('Sorry, the round could not be saved just now (no free id). Please try again.')];
      this.deps.logger.info({ round: round.id, workspace, frameworkId: framework.id }, 'round opened');
      this.deps.onChange?.();
      const posted = await this.postInvitation(round, framework);
      const confirm = info(`Round \`${round.id}\` is open until ${formatInZone(round.deadline, round.timeZone)}. ${posted ? 'The invitation with its *Take part* button is in the channel.' : 'Share the invitation below.'} \`close round\` closes it early; the summary is posted here when it closes.`);
      return posted ? [confirm] : [confirm, invitationReply(round, framework, 0)];
    });
  }

  async close(origin: Origin, args: string): Promise<Reply[]> {
    return this.guard(origin, async () => {
      if (!isCoordinator(origin, this.deps)) return [this.refusal(origin)];
      const id = args.trim().replace(/^round\s*/i, '').replace(/[`'"]/g, '').toLowerCase();
      const open = (await this.deps.store.listOpen(workspaceKey(origin))).filter((r) => (id === '' ? r.channelId === origin.channelId : r.id === id));
      if (open.length === 0) return [info(id === '' ? 'There is no open round in this channel.' : `There is no open round ${codeSpan(id)} in this workspace.`)];
      if (open.length > 1) return [info(`Several rounds are open here: ${open.map((r) => `\`${r.id}\` (${escapeText(r.city)})`).join(', ')}. Write \`close round <id>\`.`)];
      const round = open[0] as GroupRound;
      const outcome = await this.closeRound(round);
      if (outcome === 'already') return [info(`Round \`${round.id}\` has just closed already.`)];
      return [info(`Closed round \`${round.id}\` for ${escapeText(round.city)}; ${outcome === 'empty' ? 'nobody had answered, as noted in the channel' : 'the collated summary is posted in the channel'}.`)];
    });
  }

  async join(origin: Origin, args: string): Promise<Reply[]> {
    return this.guard(origin, async () => {
      const id = args.trim().replace(/[`'"]/g, '').toLowerCase();
      const open = (await this.deps.store.listOpen(workspaceKey(origin))).filter((r) => (id === '' ? r.channelId === origin.channelId : r.id === id));
      if (open.length === 1) return (await this.choose(origin, joinValue((open[0] as GroupRound).id))) ?? [];
      if (open.length === 0) return [privateNote(id === '' ? 'There is no open round in this channel.' : `There is no open round ${codeSpan(id)} in this workspace.`)];
      return [privateNote(`Several rounds are open here: ${open.map((r) => `\`${r.id}\` (${escapeText(r.city)})`).join(', ')}. Write \`take part <id>\`.`)];
    }, true);
  }

  async choose(origin: Origin, value: string): Promise<Reply[] | undefined> {
    const parsed = parseGroupValue(value);
    if (parsed === undefined) return undefined;
    return this.guard(origin, async () => {
      const workspace = workspaceKey(origin);
      // A round of another workspace is simply not found: respondents are people of its workspace.
      const round = await this.deps.store.get(workspace, parsed.roundId);
      const framework = round === undefined ? undefined : this.byId.get(round.frameworkId);
      if (round === undefined || framework === undefined) return [privateNote('That round is not open in this workspace.')];
      if (round.status === 'closed' || round.deadline <= this.deps.clock.now()) {
        return [privateNote(`The round for ${escapeText(round.city)} has closed; answers are no longer taken. The collated summary is in the channel.`)];
      }
      const key = { workspace, roundId: round.id, userId: origin.userId, conversation: conversationKey(origin) };
      const outcome =
        parsed.action === 'join' || parsed.action === 'change'
          ? await this.steps.join(key, round, framework, parsed.action === 'change')
          : await this.steps.step(key, round, framework, { type: 'choice', value: parsed.action });
      if (outcome?.submitted === true) this.refreshInvitation(round, framework);
      return outcome?.replies ?? [];
    }, true);
  }

  /** Typed text while the user's run in a round is under way in this conversation; `undefined` when it is not for the run. */
  async input(origin: Origin, text: string): Promise<Reply[] | undefined> {
    const workspace = workspaceKey(origin);
    const conversation = conversationKey(origin);
    const roundId = await this.deps.store.findActive(workspace, conversation, origin.userId);
    if (roundId === undefined) return undefined;
    const round = await this.deps.store.get(workspace, roundId);
    const framework = round === undefined ? undefined : this.byId.get(round.frameworkId);
    if (round === undefined || framework === undefined || round.status === 'closed' || round.deadline <= this.deps.clock.now()) return undefined;
    const outcome = await this.steps.step({ workspace, roundId, userId: origin.userId, conversation }, round, framework, { type: 'text', text });
    if (outcome?.submitted === true) this.refreshInvitation(round, framework);
    return outcome?.replies;
  }

  /**
   * Closes a round once: the store's compare-and-set decides which caller (instance, closer or
   * command) collates it; everyone else gets `already`. The summary is then posted at most once.
   */
  async closeRound(round: GroupRound): Promise<CloseOutcome> {
    const now = this.deps.clock.now();
    const resultId = this.deps.newResultId();
    if (!(await this.deps.store.claimClose(round.workspace, round.id, now, resultId))) return 'already';
    const framework = this.byId.get(round.frameworkId);
    const answers = await this.deps.store.listSubmitted(round.workspace, round.id);
    this.deps.logger.info({ round: round.id, workspace: round.workspace, respondents: answers.length }, 'round closed');
    let replies: Reply[];
    if (answers.length === 0 || framework === undefined) {
      replies = [{ kind: 'summary', text: `The city-wide round for *${escapeText(round.city)}* (${framework?.name ?? round.frameworkId}) closed with no respondents, so there is no result to show.` }];
    } else {
      const collation = collate(framework, answers);
      const result: AssessmentResult = {
        id: resultId, workspace: round.workspace, platform: round.platform, channelId: round.channelId, userId: '', city: round.city,
        frameworkId: framework.id, completedAt: now, overallPercent: collation.overallPercent, components: collation.components,
        answers: {}, kind: 'group', respondents: collation.respondents,
      };
      await this.deps.results.save(result);
      replies = await drawCharts([renderRoundSummary({ framework, city: round.city, closedAt: now, collation })], this.deps.charts, this.deps.logger);
    }
    const notifier = this.deps.notifiers[round.platform];
    try {
      if (notifier === undefined) throw new Error(`no notifier for ${round.platform}`);
      await notifier.deliver({ platform: round.platform, workspaceId: round.workspaceId, channelId: round.channelId, purpose: 'round' }, replies);
    } catch (error) {
      this.deps.logger.error({ round: round.id, err: errorMessage(error) }, 'round summary not posted; the group result is saved');
    }
    await this.updateInvitation({ ...round, status: 'closed' }, framework, answers.length);
    return answers.length === 0 ? 'empty' : 'closed';
  }

  /** Resolves when no invitation update is under way (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.updating.size > 0) await Promise.all([...this.updating.values()].map((entry) => entry.done));
  }

  private async postInvitation(round: GroupRound, framework: Framework): Promise<boolean> {
    const notifier = this.deps.notifiers[round.platform];
    if (notifier?.post === undefined) return false;
    try {
      const ref = await notifier.post({ platform: round.platform, workspaceId: round.workspaceId, channelId: round.channelId }, invitationReply(round, framework, 0));
      await this.deps.store.setMessage(round.workspace, round.id, ref);
      round.message = ref;
      return true;
    } catch (error) {
      this.deps.logger.warn({ round: round.id, err: errorMessage(error) }, 'round invitation not posted; given in the reply instead');
      return false;
    }
  }

  /**
   * Brings the invitation's count up to date; finishes arriving meanwhile fold into one more update.
   * Instances edit the message independently, so each checks after its edit that the count still
   * holds, and edits again if not: the last edit shows the last count.
   */
  private refreshInvitation(round: GroupRound, framework: Framework): void {
    const running = this.updating.get(round.id);
    if (running !== undefined) {
      running.again = true;
      return;
    }
    const entry = { again: true, done: Promise.resolve() };
    entry.done = (async () => {
      const count = () => this.deps.store.countSubmitted(round.workspace, round.id).catch(() => undefined);
      const closed = async () => (await this.deps.store.get(round.workspace, round.id).catch(() => undefined))?.status === 'closed';
      while (entry.again) {
        entry.again = false;
        const shown = await count();
        // A round closed meanwhile (here or elsewhere) shows as closed, never with its button again.
        const state = (await closed()) ? 'closed' : 'open';
        await this.updateInvitation({ ...round, status: state }, framework, shown);
        if (state === 'closed') break;
        // Another instance may have written an older count, or closed the round, after ours: look once more.
        if (!entry.again && ((await closed()) || (shown !== undefined && (await count()) !== shown))) entry.again = true;
      }
    })().finally(() => this.updating.delete(round.id));
    this.updating.set(round.id, entry);
  }

  private async updateInvitation(round: GroupRound, framework: Framework | undefined, count: number | undefined): Promise<void> {
    const notifier = this.deps.notifiers[round.platform];
    const ref = round.message ?? (await this.deps.store.get(round.workspace, round.id).catch(() => undefined))?.message;
    if (ref === undefined || notifier?.update === undefined || count === undefined) return;
    try {
      await notifier.update(ref, invitationReply(round, framework, count));
    } catch (error) {
      this.deps.logger.warn({ round: round.id, err: errorMessage(error) }, 'round invitation not updated');
    }
  }

  private refusal(origin: Origin): Reply {
    return problem(
      'Only coordinators can open or close a city-wide round: Slack workspace admins, Discord members with *Manage Server*, and people the bot’s operator has listed. ' +
        `Ask one of them, or ask the operator to add your id \`${coordinatorIdOf(origin)}\`. Anyone can take part once a round is open.`,
    );
  }

  private async guard(origin: Origin, run: () => Promise<Reply[]>, privately = false): Promise<Reply[]> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DatabaseGoneError) throw error;
      this.deps.logger.error({ err: errorMessage(error), workspace: workspaceKey(origin) }, 'round command failed');
      return [{ ...problem('Sorry, the round could not be read or saved just now. Please try again in a moment.'), ...(privately ? { private: true } : {}) }];
    }
  }
}
