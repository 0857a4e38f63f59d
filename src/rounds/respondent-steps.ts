import { resumeEngine, startEngine, stepEngine, engineStateSchema, type EngineInput, type EngineState } from '../assessment/engine.js';
import { questionPrompt } from '../assessment/engine-replies.js';
import type { Framework } from '../assessment/framework-schema.js';
import { isAssessmentStep } from '../assessment/typed-input.js';
import type { Clock } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import { escapeText } from '../core/markdown.js';
import { formatInZone } from '../reminders/time-zone.js';
import type { AnswerKey, GroupRound, RoundAnswer, RoundStore } from './round.js';
import { privateNote, privateStep, GROUP_PREFIX } from './round-replies.js';

/** What a respondent's step did: the private replies, and whether a complete set was just handed in. */
export interface StepOutcome {
  replies: Reply[];
  submitted: boolean;
}

/** A respondent in a round, and the conversation they are stepping in. */
export type RunKey = AnswerKey & { conversation: string };

const done = (replies: Reply[], submitted = false): StepOutcome => ({ replies, submitted });

/**
 * One respondent's private run through the framework in one round: the same engine as a personal
 * assessment (skip, back, stop, resume), its state kept per round and person with optimistic
 * concurrency, so two clicks racing on two instances cannot both count. A finished run replaces the
 * person's earlier set; a cancelled one keeps it.
 */
export class RespondentSteps {
  constructor(private readonly store: RoundStore, private readonly clock: Clock) {}

  /** `Take part` (or `change`): starts, resumes, or offers to change a set already handed in. */
  async join(key: RunKey, round: GroupRound, framework: Framework, change: boolean): Promise<StepOutcome> {
    const stored = await this.store.getAnswer(key);
    const state = this.readState(stored);
    const intro = privateNote(
      `*${framework.name}* for ${escapeText(round.city)}: your own view, seen by nobody else. It counts once the last question is answered; the round closes ${formatInZone(round.deadline, round.timeZone)}.`,
    );
    if (state !== undefined && !change) {
      const step = resumeEngine(framework, state);
      if (!(await this.save(key, stored, step.state))) return this.crossed(key, round, framework);
      return done([privateStep(round.id, step.reply)]);
    }
    if (stored?.submitted != null && !change) {
      return done([
        {
          ...privateNote(`You have already answered for ${escapeText(round.city)}; thank you. You can change your answers until the round closes: your earlier set counts until a new one is finished.`),
          choices: [{ label: 'Change my answers', value: `${GROUP_PREFIX}${round.id}:change` }],
        },
      ]);
    }
    const step = startEngine(framework, round.city);
    if (!(await this.save(key, stored, step.state))) return this.crossed(key, round, framework);
    return done([intro, privateStep(round.id, step.reply)]);
  }

  /**
   * A step button (`assess:answer:2:q3`, skip, back, stop, resume, cancel) pressed in the private
   * run, or a typed answer; `undefined` for typed text the run does not take (a question).
   */
  async step(key: RunKey, round: GroupRound, framework: Framework, input: EngineInput): Promise<StepOutcome | undefined> {
    const stored = await this.store.getAnswer(key);
    const state = this.readState(stored);
    if (state === undefined) {
      if (input.type === 'text') return undefined;
      return done([privateNote('That button belongs to a run that has ended. Press *Take part* on the round’s message to start or change your answers.')]);
    }
    const step = stepEngine(framework, state, input);
    // A question, or chatter while paused, is the conversation's; "stop" or "skip" while paused gets the paused prompt.
    if (input.type === 'text' && (step.outcome === 'question' || (step.outcome === 'ignored' && !isAssessmentStep(input.text)))) return undefined;
    if (step.outcome === 'completed') {
      const saved = await this.store.putAnswer(key, { conversation: key.conversation, state: null, submitted: { ...step.state.answers }, updatedAt: this.clock.now() }, stored?.version);
      if (!saved) return this.crossed(key, round, framework);
      const count = await this.store.countSubmitted(key.workspace, round.id);
      return done(
        [privateNote(`Thank you: your answers for ${escapeText(round.city)} are in (${count} ${count === 1 ? 'person has' : 'people have'} answered so far). You can change them until the round closes: press *Take part* again (or type \`take part\`).`)],
        true,
      );
    }
    if (step.outcome === 'cancelled') {
      if (!(await this.store.putAnswer(key, { conversation: key.conversation, state: null, submitted: stored?.submitted ?? null, updatedAt: this.clock.now() }, stored?.version))) {
        return this.crossed(key, round, framework);
      }
      const kept = stored?.submitted == null ? '' : ' Your earlier answers still count.';
      return done([privateNote(`${step.reply.text}${kept}`)]);
    }
    if (step.outcome !== 'ignored' && !(await this.save(key, stored, step.state))) return this.crossed(key, round, framework);
    return done([privateStep(round.id, step.reply)]);
  }

  private readState(stored: RoundAnswer | undefined): EngineState | undefined {
    if (stored?.state === null || stored?.state === undefined) return undefined;
    const parsed = engineStateSchema.safeParse(stored.state);
    return parsed.success ? parsed.data : undefined;
  }

  private save(key: RunKey, stored: RoundAnswer | undefined, state: EngineState): Promise<boolean> {
    return this.store.putAnswer(key, { conversation: key.conversation, state, submitted: stored?.submitted ?? null, updatedAt: this.clock.now() }, stored?.version);
  }

  /** Another click was saved first: show where the run is now. */
  private async crossed(key: AnswerKey, round: GroupRound, framework: Framework): Promise<StepOutcome> {
    const state = this.readState(await this.store.getAnswer(key));
    const note = 'That click crossed another one, which was taken first.';
    if (state === undefined) return done([privateNote(`${note} Press *Take part* to see where you are.`)]);
    return done([privateStep(round.id, questionPrompt(framework, state, `${note} Here is where you are:`))]);
  }
}
