import { DatabaseGoneError, errorMessage } from '../core/errors.js';
import { workspaceKey, type Origin } from '../core/events.js';
import type { AnswerPort, AskQuestion, AssessmentPort, Clock, Logger } from '../core/ports.js';
import type { ResultStore, SessionKey, SessionStore } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import { parseAssessChoice, type AssessChoice } from './choices.js';
import { CrossedSave, crossedReplies, type Turn } from './crossed-save.js';
import { completeAssessment } from './completion.js';
import { resumeEngine, startEngine, stepEngine, type EngineInput } from './engine.js';
import type { Framework } from './framework-schema.js';
import { knownCityName, resultsReplies } from './results-lookup.js';
import { csvReply } from './export.js';
import {
  cityPromptReply, frameworkListReply, frameworkPickerReply, info, introReply, READ_FAILURE, restartOfferReply, STEP_FAILURE, type Failure,
} from './service-replies.js';
import type { SessionState } from './session-state.js';
import { SessionRecords, sessionKeyOf } from './session-records.js';
import { waitForFramework, waitingReply } from './missing-framework.js';
import { cleanCity, parseStartArgs, pickFramework, resolveFramework } from './start-args.js';
import { isAssessmentStep, parseTypedInput, type TypedInput } from './typed-input.js';
import { codeSpan, escapeText } from '../core/markdown.js';
import { answerQuestion } from '../core/ask.js';

/** Typed at the city prompt, these are commands for the questions to come, not a name. */
const CITY_PROMPT_COMMANDS = new Set<string>(['back', 'skip', 'progress', 'help', 'resume', 'restart', 'goto']);

export interface AssessmentServiceDeps {
  frameworks: readonly Framework[];
  sessions: SessionStore;
  results: ResultStore;
  /** Finds the knowledge-base passages cited with next steps. */
  answers: AnswerPort;
  clock: Clock;
  logger: Logger;
  newId: () => string;
}

/**
 * Runs self-assessments in chat: one per user per conversation, persisted after every step so a
 * restarted process carries on where it stopped. Commands map to {@link AssessmentPort}.
 *
 * `input` returns `undefined` when the user has nothing active here, and also for ordinary text
 * while their assessment is paused, so the router can treat it as a question. Any `assess:*` button
 * value gets a reply even without an active assessment (the list from `frameworks` starts one).
 */
export class AssessmentService implements AssessmentPort {
  private readonly records: SessionRecords;

  constructor(private readonly deps: AssessmentServiceDeps) {
    this.records = new SessionRecords(deps.sessions, deps.clock, deps.logger);
  }

  /** The frameworks by id, as they are now: the list may be replaced while the bot runs (see LiveFrameworks). */
  private get byId(): ReadonlyMap<string, Framework> {
    return new Map(this.deps.frameworks.map((framework) => [framework.id, framework]));
  }

  async start(origin: Origin, args: string): Promise<Reply[]> {
    return this.guard(origin, async () => {
      const key = sessionKeyOf(origin);
      const parsed = parseStartArgs(args);
      if (parsed.keyword === 'list') return [frameworkListReply(this.deps.frameworks)];
      const loaded = await this.records.load(key);
      if (loaded !== undefined && 'error' in loaded) return [loaded.error, ...(await this.start(origin, args))];
      const existing = loaded?.state;
      if (parsed.keyword === 'cancel' || parsed.keyword === 'resume' || parsed.keyword === 'restart') {
        if (existing === undefined) return [info('You have no assessment in progress here. Start one with `assess`.')];
        return (await this.input(origin, { choice: `assess:${parsed.keyword}` })) ?? [];
      }
      // With no framework to offer, starting would only leave a picker with nothing to pick.
      if (this.deps.frameworks.length === 0) return [frameworkListReply(this.deps.frameworks)];
      let framework: Framework | undefined;
      let note: string | undefined;
      if (parsed.frameworkQuery !== undefined) {
        const found = resolveFramework(parsed.frameworkQuery, this.deps.frameworks);
        if ('framework' in found) framework = found.framework;
        else if ('ambiguous' in found) note = `“${escapeText(parsed.frameworkQuery)}” matches more than one framework.`;
        else note = `I don’t know a framework called “${escapeText(parsed.frameworkQuery)}”. (To name the city, write ${codeSpan(`assess for ${parsed.frameworkQuery}`)}.)`;
      }
      let city: string | undefined;
      if (parsed.city !== undefined) {
        const cleaned = cleanCity(parsed.city);
        if ('error' in cleaned) return [{ text: cleaned.error, kind: 'error' }];
        city = cleaned.city;
      }
      if (existing?.phase === 'run') {
        const current = this.byId.get(existing.engine.frameworkId);
        // One waiting for its framework keeps its answers until it is cancelled: nothing replaces it silently.
        if (current === undefined) return [waitingReply(existing.engine, 'cancel it with `assess cancel` to start another')];
        // "assess unesco for Cork" names no one framework: the offer would otherwise start the current one again.
        if (note !== undefined) {
          const several = parsed.frameworkQuery !== undefined && 'ambiguous' in resolveFramework(parsed.frameworkQuery, this.deps.frameworks);
          const stays = `*${current.name}* for *${escapeText(existing.engine.city)}* stays where it is.`;
          return [info(several ? `${note} Name it in full (\`frameworks\` lists them); your ${stays}` : `${note} Your ${stays}`)];
        }
        const restartOffer = { ...(framework === undefined ? {} : { frameworkId: framework.id }), ...(city === undefined ? {} : { city }) };
        await this.records.save(key, { ...existing, restartOffer }, loaded?.startedAt, { version: loaded?.version });
        return [restartOfferReply(current, existing.engine, { ...(framework === undefined ? {} : { framework }), ...(city === undefined ? {} : { city }) })];
      }
      return this.begin(origin, key, framework, city, note);
    });
  }

  async input(origin: Origin, input: { text: string } | { choice: string }, ask?: AskQuestion): Promise<Reply[] | undefined> {
    return this.guard(origin, async () => {
      const key = sessionKeyOf(origin);
      const choice = 'choice' in input ? parseAssessChoice(input.choice) : undefined;
      const isOurs = 'choice' in input && input.choice.startsWith('assess:');
      // A start button from the framework list works like `assess <framework>`, with or without a session.
      if (choice?.type === 'begin') return this.start(origin, choice.frameworkId);
      const loaded = await this.records.load(key);
      if (loaded !== undefined && 'error' in loaded) return [loaded.error];
      if (loaded === undefined) {
        return isOurs ? [info('That button belongs to an assessment that has ended or is not yours. Type `assess` to start your own.')] : undefined;
      }
      const { state, startedAt } = loaded;
      const turn: Turn = { version: loaded.version };
      const engineInput: EngineInput = 'choice' in input ? { type: 'choice', value: input.choice } : { type: 'text', text: input.text };
      // A question asked while choosing is answered, and the choice asked for again.
      const typed = 'text' in input && state.phase !== 'run' ? parseTypedInput(input.text, []) : undefined;
      const answered = typed?.type === 'question' ? await this.answerMeanwhile(origin, typed.text, startedAt, ask) : undefined;
      if (state.phase === 'choose-framework') {
        if (answered !== undefined) return [...answered, ...(await this.begin(origin, key, undefined, state.city, undefined, turn))];
        return this.onChooseFramework(origin, key, state, input, choice, turn);
      }
      if (state.phase === 'choose-city') return this.onChooseCity(origin, key, state, input, choice, turn, { typed, answered });
      return this.onRun(origin, key, state, startedAt, engineInput, choice, turn, ask);
    });
  }

  async hasActive(origin: Origin): Promise<boolean> {
    return (await this.records.peek(sessionKeyOf(origin))) !== 'none';
  }

  ownState(origin: Origin): Promise<'none' | 'paused' | 'running'> {
    return this.records.peek(sessionKeyOf(origin));
  }

  frameworks(_origin: Origin): Reply[] {
    return [frameworkListReply(this.deps.frameworks)];
  }

  async results(origin: Origin, city: string): Promise<Reply[]> {
    const { results, sessions } = this.deps;
    return this.guard(origin, () => resultsReplies({ results, sessions }, workspaceKey(origin), city, this.byId, this.deps.clock.now()), READ_FAILURE);
  }

  async exportCsv(origin: Origin): Promise<Reply[]> {
    return this.guard(
      origin,
      async () => [csvReply(await this.deps.results.list(workspaceKey(origin)), this.byId, origin.workspaceId, this.deps.clock.now())],
      READ_FAILURE,
    );
  }

  private async onChooseFramework(
    origin: Origin, key: SessionKey, state: Extract<SessionState, { phase: 'choose-framework' }>,
    input: { text: string } | { choice: string }, choice: AssessChoice | undefined, turn: Turn,
  ): Promise<Reply[]> {
    if (this.wantsToLeave(input, choice)) return this.discard(key, 'Assessment cancelled.');
    let framework: Framework | undefined;
    if (choice?.type === 'framework' || choice?.type === 'begin') framework = this.byId.get(choice.frameworkId);
    else if ('text' in input) framework = pickFramework(input.text, state.offered, this.deps.frameworks);
    if (framework === undefined) return this.begin(origin, key, undefined, state.city, 'Please pick one of these frameworks.', turn);
    return this.begin(origin, key, framework, state.city, undefined, turn);
  }

  private async onChooseCity(
    origin: Origin, key: SessionKey, state: Extract<SessionState, { phase: 'choose-city' }>,
    input: { text: string } | { choice: string }, choice: AssessChoice | undefined, turn: Turn,
    { typed, answered }: { typed?: TypedInput | undefined; answered?: Reply[] | undefined } = {},
  ): Promise<Reply[]> {
    if (this.wantsToLeave(input, choice)) return this.discard(key, 'Assessment cancelled.');
    const framework = this.byId.get(state.frameworkId);
    if (framework === undefined) return this.discard(key, 'That framework is no longer available. Type `assess` to pick another.');
    if (choice?.type === 'suggested-city' && state.suggestedCity !== undefined) return this.begin(origin, key, framework, state.suggestedCity, undefined, turn);
    if (!('text' in input)) return [cityPromptReply(framework, state.suggestedCity, 'Please type the name of the city or team.')];
    if (answered !== undefined) return [...answered, cityPromptReply(framework, state.suggestedCity)];
    // `back`, `skip`, `progress`…: commands of the questions to come, not a city's name.
    if (/\p{L}/u.test(input.text) && typed !== undefined && CITY_PROMPT_COMMANDS.has(typed.type)) {
      return [cityPromptReply(framework, state.suggestedCity, 'The questions start once the assessment has a city or team: please type its name first.')];
    }
    const cleaned = cleanCity(input.text);
    if ('error' in cleaned) return [cityPromptReply(framework, state.suggestedCity, cleaned.error)];
    return this.begin(origin, key, framework, cleaned.city, undefined, turn);
  }

  private async onRun(
    origin: Origin, key: SessionKey, state: Extract<SessionState, { phase: 'run' }>, startedAt: Date,
    input: EngineInput, choice: AssessChoice | undefined, turn: Turn, ask?: AskQuestion,
  ): Promise<Reply[] | undefined> {
    const framework = this.byId.get(state.engine.frameworkId);
    if (framework === undefined) {
      return waitForFramework({ records: this.records, discard: (text) => this.discard(key, text) }, key, { state, startedAt, turn }, { input, choice, ask });
    }
    const typed = input.type === 'text' ? parseTypedInput(input.text, framework.scale.levels).type : undefined;
    const command = choice?.type ?? typed;
    if (state.restartOffer !== undefined || command === 'restart') {
      const offer = state.restartOffer ?? {};
      if (command === 'restart' && state.restartOffer !== undefined) {
        await this.deps.sessions.delete(key);
        const next = offer.frameworkId === undefined ? framework : this.byId.get(offer.frameworkId) ?? framework;
        return this.begin(origin, key, next, offer.city ?? state.engine.city);
      }
      if (command === 'restart') {
        await this.records.save(key, { ...state, restartOffer: {} }, startedAt, turn);
        return [restartOfferReply(framework, state.engine, {})];
      }
      if (command === 'resume') {
        const step = resumeEngine(framework, state.engine);
        await this.records.save(key, { phase: 'run', engine: step.state }, startedAt, turn);
        return [step.reply];
      }
      // Anything else withdraws the offer and is read as usual.
      state = { phase: 'run', engine: state.engine };
      await this.records.save(key, state, startedAt, turn);
    }
    const step = stepEngine(framework, state.engine, input);
    switch (step.outcome) {
      case 'ignored':
        // Paused: chatter is the conversation's, but "stop" or "skip" gets the paused prompt.
        return input.type === 'choice' || isAssessmentStep(input.text) ? [step.reply] : undefined;
      case 'question':
        // A question about the content is answered like any question, then the assessment picks up again.
        if (input.type !== 'text') return [step.reply];
        return [...(await this.answerMeanwhile(origin, input.text, startedAt, ask)), step.reply];
      case 'cancelled':
        await this.deps.sessions.delete(key);
        return [step.reply];
      case 'completed':
        return [await completeAssessment({ ...this.deps, records: this.records }, origin, key, framework, step.state, { turn, state, startedAt })];
      default:
        await this.records.save(key, { phase: 'run', engine: step.state }, startedAt, turn);
        return [step.reply];
    }
  }

  /** The answer to a question asked in the middle of an assessment or of choosing one. */
  private async answerMeanwhile(origin: Origin, text: string, since: Date, ask?: AskQuestion): Promise<Reply[]> {
    return ask ? ask(text, since) : answerQuestion(this.deps.answers, text, { workspace: workspaceKey(origin) });
  }

  /** Moves towards the first question, asking for whatever is still missing. */
  private async begin(
    origin: Origin, key: SessionKey, framework: Framework | undefined, city: string | undefined, note?: string, turn?: Turn,
  ): Promise<Reply[]> {
    if (framework === undefined) {
      const offered = this.deps.frameworks.map((listed) => listed.id);
      await this.records.save(key, { phase: 'choose-framework', ...(city === undefined ? {} : { city }), offered }, undefined, turn);
      return [frameworkPickerReply(this.deps.frameworks, city, note)];
    }
    if (city === undefined) {
      const suggestedCity = await this.lastCity(origin);
      await this.records.save(key, { phase: 'choose-city', frameworkId: framework.id, ...(suggestedCity === undefined ? {} : { suggestedCity }) }, undefined, turn);
      return [cityPromptReply(framework, suggestedCity, note)];
    }
    // Reuse the spelling of earlier results so "leeds", "Leeds" and "Dun Laoghaire" for "Dún Laoghaire" read as one city in histories.
    const known = await knownCityName(this.deps.results, key.workspace, city);
    const step = startEngine(framework, known);
    await this.records.save(key, { phase: 'run', engine: step.state }, undefined, turn);
    this.deps.logger.info({ frameworkId: framework.id, workspace: key.workspace }, 'assessment started');
    return [introReply(framework, known), step.reply];
  }

  /** The city of the latest result in this channel, else in the workspace. */
  private async lastCity(origin: Origin): Promise<string | undefined> {
    const recent = await this.deps.results.list(workspaceKey(origin), { limit: 50 });
    return (recent.find((result) => result.channelId === origin.channelId) ?? recent[0])?.city;
  }

  private wantsToLeave(input: { text: string } | { choice: string }, choice: AssessChoice | undefined): boolean {
    if (choice !== undefined) return choice.type === 'cancel' || choice.type === 'stop';
    if (!('text' in input)) return false;
    const type = parseTypedInput(input.text, []).type;
    return type === 'cancel' || type === 'stop';
  }

  private async discard(key: SessionKey, text: string): Promise<Reply[]> {
    await this.deps.sessions.delete(key);
    return [info(text)];
  }

  /** The reply to a click or answer that lost the race against another: where the assessment is now. */
  private async crossed(key: SessionKey): Promise<Reply[]> {
    const loaded = await this.records.load(key);
    return crossedReplies(loaded === undefined || 'error' in loaded ? undefined : loaded.state, this.byId);
  }

  private async guard<T>(origin: Origin, run: () => Promise<T>, failure: Failure = STEP_FAILURE): Promise<T | Reply[]> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof CrossedSave) return this.crossed(sessionKeyOf(origin));
      // Not a passing failure: the core tells the user nothing can be saved, and the bot stops.
      if (error instanceof DatabaseGoneError) throw error;
      this.deps.logger.error({ err: errorMessage(error), workspace: workspaceKey(origin) }, failure.log);
      return [failure.reply];
    }
  }
}
