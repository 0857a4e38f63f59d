import { describe, expect, it } from 'vitest';
import { engineStateSchema, reconcileState, startEngine, stepEngine, type EngineState } from '../../src/assessment/engine.js';
import type { Framework } from '../../src/assessment/framework-schema.js';
import { frameworkById } from './fakes.js';

const niace = frameworkById('niace-quick');
const blocks = frameworkById('unesco-building-blocks');
const keyFeatures = frameworkById('unesco-key-features');

const say = (framework: Framework, state: EngineState, text: string) => stepEngine(framework, state, { type: 'text', text });
const press = (framework: Framework, state: EngineState, value: string) => stepEngine(framework, state, { type: 'choice', value });

/** Answers typed one after another from a fresh start; returns the last step. */
const run = (framework: Framework, inputs: string[]) => {
  let step = startEngine(framework, 'Leeds');
  for (const text of inputs) step = say(framework, step.state, text);
  return step;
};

describe('assessment engine', () => {
  it('starts at question 1 with progress, level descriptions and short choice values', () => {
    const step = startEngine(niace, 'Leeds');
    expect(step.outcome).toBe('asked');
    expect(step.state).toEqual({
      version: 1, frameworkId: 'niace-quick', city: 'Leeds', index: 0, questionId: 'partnership-body', answers: {}, status: 'active',
    });
    expect(step.reply.kind).toBe('prompt');
    expect(step.reply.text).toContain('Question 1 of 9 · Partnership');
    // The question's own level description replaces the scale's general one.
    expect(step.reply.text).toContain('1 · *Getting organised*: Potential partners have been identified');
    expect(step.reply.text).toContain('0 · *Not yet*: No learning partnership exists; providers work on their own.');
    expect(step.reply.choices?.map((c) => c.label)).toEqual(['0 Not yet', '1 Getting organised', '2 Towards a shared understanding', '3 Cycles of learning', 'Skip', 'Stop']);
    expect(step.reply.howTo?.typing).toContain('Type a level number or name');
    expect(step.reply.howTo?.buttons).toContain('Press a level');
    for (const choice of step.reply.choices ?? []) expect(choice.value.length).toBeLessThan(100);
  });

  it.each([
    ['2', 2], ['level 3', 3], ['three', 3], ['1.', 1], ['2 - towards a shared understanding', 2],
    ['Getting organised', 1], ['getting ORGANISED!', 1], ['developing', 2], ['not yet', 0], ['0', 0], ['cycles', 3],
    ["we're just getting started really", 1], ['advanced', 3], ['no', 0],
    ['I would say towards a shared understanding', 2], ['estab', 3], ['organis', 1], ['fully', 3],
  ])('reads "%s" as level %i on the NIACE scale', (text, value) => {
    const step = run(niace, [text]);
    expect(step.outcome).toBe('asked');
    expect(step.state.answers).toEqual({ 'partnership-body': value });
    expect(step.state.index).toBe(1);
  });

  it.each([
    ['0', 0], ['not yet', 0], ['Not yet', 0], ['developing', 2], ['established', 3], ['starting', 1], ['no', 0],
  ])('reads "%s" as level %i on the 0-3 building-blocks scale', (text, value) => {
    expect(run(blocks, [text]).state.answers).toEqual({ 'bb-will-commitment': value });
  });

  it('reads Key Features words, including a label that contains spaces and an alias', () => {
    expect(run(keyFeatures, ['embedded and reviewed']).state.answers).toEqual({ 'kf-empower-rights': 4 });
    expect(run(keyFeatures, ['first steps']).state.answers).toEqual({ 'kf-empower-rights': 1 });
    expect(run(keyFeatures, ['not started']).state.answers).toEqual({ 'kf-empower-rights': 0 });
  });

  it('re-prompts invalid answers with the valid choices and loses nothing', () => {
    const first = run(niace, ['3', '2']);
    for (const bad of ['7', 'banana', 'not yet fully', '']) {
      const step = say(niace, first.state, bad);
      expect(step.state).toEqual(first.state);
      expect(step.reply.text).toContain('Question 3 of 9');
      expect(step.reply.choices?.length).toBeGreaterThan(3);
      if (bad !== '') {
        expect(step.outcome).toBe('invalid');
        expect(step.reply.text).toMatch(/0 \(Not yet\), 1 \(Getting organised\), 2 \(Towards a shared understanding\), 3 \(Cycles of learning\), or skip, back, stop, cancel|Do you mean/);
      }
    }
    expect(say(niace, first.state, '7').reply.text).toContain('7 is not on this scale');
    expect(say(niace, first.state, 'not yet fully').reply.text).toContain('Do you mean 0 · Not yet or 3 · Cycles of learning? Type the number you mean.');
    // "getting" starts both "getting organised" (1) and the alias "getting there" (2): ask, do not guess.
    expect(say(niace, first.state, 'getting').reply.text).toContain('Do you mean 1 · Getting organised or 2 · Towards a shared understanding?');
    expect(press(niace, first.state, 'assess:answer:9:q3').reply.text).toContain('9 is not on this scale');
    expect(press(niace, first.state, 'something:else').outcome).toBe('invalid');
  });

  it('goes back to change the previous answer, showing what was chosen', () => {
    const two = run(niace, ['3', '2']);
    const back = say(niace, two.state, 'back');
    expect(back.state.index).toBe(1);
    expect(back.reply.text).toContain('Question 2 of 9');
    expect(back.reply.text).toContain('Your earlier answer: 2 Towards a shared understanding.');
    expect(back.reply.choices?.find((c) => c.style === 'primary')?.value).toBe('assess:answer:2:q2');
    const changed = press(niace, back.state, 'assess:answer:1:q2');
    expect(changed.state.answers).toEqual({ 'partnership-body': 3, 'partnership-strategy': 1 });
    expect(changed.state.index).toBe(2);
    const atStart = say(niace, startEngine(niace, 'Leeds').state, 'back');
    expect(atStart.outcome).toBe('invalid');
    expect(atStart.reply.text).toContain('first question');
  });

  it('keeps an earlier answer when going back and skipping on; "not sure" clears it', () => {
    const back = say(niace, run(niace, ['1', '2']).state, 'back');
    const skipped = say(niace, say(niace, back.state, 'back').state, 'skip');
    expect(skipped.state.answers).toEqual({ 'partnership-body': 1, 'partnership-strategy': 2 });
    expect(skipped.reply.text).toContain('Kept your earlier answer to question 1: 1 Getting organised.');
    expect(skipped.state.index).toBe(2);
    const pressed = press(niace, back.state, 'assess:skip:2');
    expect(pressed.state.answers['partnership-strategy']).toBe(2);
    const unsure = say(niace, back.state, 'not sure');
    expect(unsure.state.answers['partnership-strategy']).toBeNull();
    expect(say(niace, back.state, 'n/a').state.answers['partnership-strategy']).toBeNull();
  });

  it('skips with null and completes after the last question', () => {
    const skipped = run(niace, ['skip']);
    expect(skipped.state.answers).toEqual({ 'partnership-body': null });
    const done = run(niace, ['1', '2', '3', 'skip', "don't know", 'n/a', '1', '2', '3']);
    expect(done.outcome).toBe('completed');
    expect(done.state.status).toBe('complete');
    expect(Object.values(done.state.answers)).toEqual([1, 2, 3, null, null, null, 1, 2, 3]);
  });

  it('pauses on stop, ignores chatter while paused, and resumes where it stopped', () => {
    const paused = run(niace, ['2', '2', 'stop']);
    expect(paused.outcome).toBe('paused');
    expect(paused.state.status).toBe('paused');
    expect(paused.reply.text).toContain('question 3 of 9');
    expect(say(niace, paused.state, 'what is a learning festival?').outcome).toBe('ignored');
    const resumed = say(niace, paused.state, 'resume');
    expect(resumed.outcome).toBe('resumed');
    expect(resumed.state.status).toBe('active');
    expect(resumed.reply.text).toContain('Welcome back: 2 of 9 answered.');
    expect(resumed.reply.text).toContain('Question 3 of 9');
    // A button of the old prompt also brings the question back rather than answering blind.
    expect(press(niace, paused.state, 'assess:answer:1:q3').outcome).toBe('resumed');
  });

  it('asks before cancelling, from active or paused, saying how many answers would be lost', () => {
    const asked = run(niace, ['2', 'skip', '3', 'cancel']);
    expect(asked.outcome).toBe('asked');
    expect(asked.state.status).toBe('active');
    expect(asked.reply.text).toBe('Discard *NIACE Learning City Toolkit – quick check* for Leeds? 2 answers would be lost. yes / no');
    expect(asked.reply.choices?.map((c) => c.value)).toEqual(['assess:discard', 'assess:keep']);
    expect(say(niace, asked.state, 'yes').outcome).toBe('cancelled');
    const kept = say(niace, asked.state, 'no');
    expect(kept.state.status).toBe('active');
    expect(kept.state.answers).toEqual(asked.state.answers);
    expect(kept.reply.text).toContain('Kept: nothing was discarded.');
    expect(kept.reply.text).toContain('Question 4 of 9');
    expect(press(niace, asked.state, 'assess:discard').outcome).toBe('cancelled');
    expect(press(niace, asked.state, 'assess:keep').state.status).toBe('active');
    // Anything else lets the question lapse and is read as usual.
    expect(say(niace, asked.state, '1').state.answers['participation-voice']).toBe(1);

    const paused = say(niace, run(niace, ['2', 'pause']).state, 'cancel');
    expect(paused.state.status).toBe('paused');
    expect(paused.reply.text).toContain('1 answer would be lost');
    expect(say(niace, paused.state, 'yes').state.status).toBe('cancelled');
    expect(say(niace, paused.state, 'no').state).toMatchObject({ status: 'paused' });
    expect(say(niace, startEngine(niace, 'Leeds').state, 'cancel').reply.text).toContain('No answers have been given yet');
  });

  it('refuses a button pressed on an older question', () => {
    const three = run(niace, ['1', '1', '1']);
    const stale = press(niace, three.state, 'assess:answer:3:q1');
    expect(stale.outcome).toBe('invalid');
    expect(stale.state).toEqual(three.state);
    expect(stale.reply.text).toContain('That button was for question 1; we are now on question 4.');
    expect(press(niace, three.state, 'assess:skip:q2').state).toEqual(three.state);
    expect(press(niace, three.state, 'assess:answer:3').state.answers['participation-voice']).toBe(3);
  });

  it('keeps its state as plain JSON that its schema reads back', () => {
    const step = run(niace, ['2', 'skip', 'stop']);
    const restored = engineStateSchema.parse(JSON.parse(JSON.stringify(step.state)));
    expect(restored).toEqual(step.state);
    expect(engineStateSchema.safeParse({ ...step.state, index: -1 }).success).toBe(false);
    expect(say(niace, restored, 'resume').reply.text).toContain('Question 3 of 9');
  });

  it('finds its place again when the framework file changed between steps', () => {
    const step = run(niace, ['2', '3']);
    const edited: Framework = {
      ...niace,
      components: niace.components.map((c, i) => (i === 0 ? { ...c, questions: c.questions.filter((q) => q.id !== 'partnership-body') } : c)),
    };
    const fitted = reconcileState(edited, step.state);
    expect(fitted.answers).toEqual({ 'partnership-strategy': 3 });
    expect(fitted.index).toBe(1);
    expect(fitted.questionId).toBe('partnership-review');
  });
});
