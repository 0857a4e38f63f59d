import { describe, expect, it } from 'vitest';
import { startEngine, stepEngine, type EngineStep } from '../../src/assessment/engine.js';
import type { Framework } from '../../src/assessment/framework-schema.js';
import { looksLikeQuestion, parseTypedInput } from '../../src/assessment/typed-input.js';
import { shippedFrameworks } from './fakes.js';

const say = (framework: Framework, step: EngineStep, text: string): EngineStep => stepEngine(framework, step.state, { type: 'text', text });
const frameworks = shippedFrameworks().map((framework) => [framework.id, framework] as const);
const top = (framework: Framework) => framework.scale.levels[framework.scale.levels.length - 1];

describe('typed answers mean the same in every framework', () => {
  it.each(frameworks)('%s: "yes" asks to confirm the level it stands for, and records it only on yes', (_id, framework) => {
    const start = startEngine(framework, 'Leeds');
    const asked = say(framework, start, 'yes');
    const expected = framework.id === 'niace-quick' ? '3 · Cycles of learning' : '3 · Established';
    expect(asked.reply.text).toBe(`You said “yes”. Do you mean *${expected}* for question 1? yes / no`);
    expect(asked.state.answers).toEqual({});
    expect(asked.reply.choices?.map((c) => c.value)).toEqual(['assess:answer:3:q1', 'assess:keep']);
    const confirmed = say(framework, asked, 'yes');
    expect(Object.values(confirmed.state.answers)).toEqual([3]);
    expect(confirmed.reply.text).toContain('Question 2 of');
    const refused = say(framework, asked, 'no');
    expect(refused.state.answers).toEqual({});
    expect(refused.reply.text).toContain('Not recorded.');
    expect(refused.reply.text).toContain('Question 1 of');
  });

  it.each(frameworks)('%s: "partly" asks about the middle level', (_id, framework) => {
    const asked = say(framework, startEngine(framework, 'Leeds'), 'partly');
    const middle = framework.id === 'niace-quick' ? '2 · Towards a shared understanding' : '2 · Developing';
    expect(asked.reply.text).toContain(`Do you mean *${middle}*`);
  });

  it.each(frameworks)('%s: a line naming two levels, or one between two, is asked about, never recorded', (_id, framework) => {
    const start = startEngine(framework, 'Leeds');
    for (const [text, pair] of [['1.5', '1 · '], ['2 or 3', '2 · '], ['1-2', '1 · '], ['3 no wait 1', '1 · '], ['2, sorry, 1', '1 · '], ['1 to 2', '1 · '], ['2 3', '2 · '], ['1 2 3', '1 · ']] as const) {
      const step = say(framework, start, text);
      expect(step.state.answers, text).toEqual({});
      expect(step.reply.text, text).toContain(`Do you mean ${pair}`);
      expect(step.reply.text, text).toContain('Question 1 of');
    }
    const offScale = say(framework, start, '3 or 7');
    expect(offScale.state.answers).toEqual({});
    expect(offScale.reply.text).toContain('7 is not on this scale');
    // One level, however it is put.
    for (const text of ['2', '2.0', 'level 2.', '2 out of 3', '2 - partly', '2, we meet every 6 months', '2 (12 organisations)', '2 - we have 3 partners', '2, 12 partners', '2 10 partners', '2; 5 new partners joined this year']) {
      expect(Object.values(say(framework, start, text).state.answers), text).toEqual([2]);
    }
    // Between the top level and the next number: asked about the top level, not told the next is off the scale.
    const top = Math.max(...framework.scale.levels.map((level) => level.value));
    const above = say(framework, start, `${top}.5`);
    expect(above.state.answers).toEqual({});
    expect(above.reply.text).toContain(`Do you mean ${top} · `);
  });

  it.each(frameworks)('%s: a hedged number ("I think 2", "probably 2") reads as the number, as a hedged level name does', (_id, framework) => {
    for (const text of ['I think 2', 'probably 2', 'maybe 2']) expect(Object.values(say(framework, startEngine(framework, 'Leeds'), text).state.answers), text).toEqual([2]);
    // A hedge before a number between two levels asks which; before a count, it is no answer.
    expect(say(framework, startEngine(framework, 'Leeds'), 'I think 1.5').reply.text).toContain('Do you mean 1 · ');
    for (const text of ['about 2 partners', 'probably 2 partners']) expect(say(framework, startEngine(framework, 'Leeds'), text).state.answers, text).toEqual({});
    // A vague word after a hedge is offered back, not recorded.
    const vague = say(framework, startEngine(framework, 'Leeds'), 'probably not');
    expect(vague.state.answers).toEqual({});
    expect(vague.reply.text).toContain('You said “probably not”. Do you mean *0 · ');
  });

  it.each(frameworks)('%s: plain words answer directly: no, not yet, just getting started, advanced', (_id, framework) => {
    const answer = (text: string) => Object.values(say(framework, startEngine(framework, 'Leeds'), text).state.answers);
    expect(answer('no')).toEqual([0]);
    expect(answer('Not yet')).toEqual([0]);
    expect(answer("we're just getting started really")).toEqual([1]);
    expect(answer('advanced')).toEqual([top(framework)?.value]);
    expect(answer(String(top(framework)?.value))).toEqual([top(framework)?.value]);
    expect(answer(top(framework)?.label ?? '')).toEqual([top(framework)?.value]);
  });

  it.each(frameworks)('%s: "not sure" skips and says how to come back; `question 1` returns and then carries on', (_id, framework) => {
    const skipped = say(framework, startEngine(framework, 'Leeds'), 'not sure');
    expect(skipped.state.answers).toEqual({ [framework.components[0]?.questions[0]?.id ?? '']: null });
    expect(skipped.reply.text).toContain('Skipped question 1, since you are not sure. To come back to it, type `question 1`');
    const later = say(framework, say(framework, skipped, "I don't know"), '1');
    expect(later.reply.text).toContain('Question 4 of');
    const back = say(framework, later, 'question 1');
    expect(back.reply.text).toContain('Question 1 again.');
    expect(back.reply.text).toContain('Your earlier answer: skipped.');
    // Answering it goes on from the first question not yet asked, not from question 2.
    expect(say(framework, back, '1').reply.text).toContain('Question 4 of');
    expect(say(framework, later, 'question 99').reply.text).toContain('There is no question 99');
  });

  it.each(frameworks)('%s: `progress` lists answered, skipped and remaining questions per area', (_id, framework) => {
    const step = say(framework, say(framework, say(framework, startEngine(framework, 'Leeds'), '1'), 'skip'), 'progress');
    const total = framework.components.reduce((n, c) => n + c.questions.length, 0);
    expect(step.reply.text).toContain(`*Progress:* 1 of ${total} answered, 1 skipped, ${total - 2} to go.`);
    const first = framework.components[0];
    expect(step.reply.text).toContain(`• ${first?.label}: 1 of ${first?.questions.length} answered, skipped question 2`);
    const second = framework.components[1];
    expect(step.reply.text).toContain(`• ${second?.label}: 0 of ${second?.questions.length} answered, ${second?.questions.length} to go`);
    expect(step.reply.text).toContain('Question 3 of');
    expect(step.state.answers).toEqual(say(framework, say(framework, startEngine(framework, 'Leeds'), '1'), 'skip').state.answers);
  });

  it.each(frameworks)('%s: a plain question is handed back as a question, with the current question to show again', (_id, framework) => {
    const step = say(framework, startEngine(framework, 'Leeds'), 'what does political will mean here?');
    expect(step.outcome).toBe('question');
    expect(step.state.answers).toEqual({});
    expect(step.reply.text).toContain('Question 1 of');
  });

  it('tells questions from answers', () => {
    expect(looksLikeQuestion('what does political will mean here?')).toBe(true);
    expect(looksLikeQuestion('how do other cities fund this')).toBe(true);
    expect(looksLikeQuestion('北京是什么学习城市？')).toBe(true);
    expect(looksLikeQuestion('2?')).toBe(false);
    expect(looksLikeQuestion('established')).toBe(false);
    expect(looksLikeQuestion('we are just getting started')).toBe(false);
    expect(parseTypedInput('not sure?', [])).toEqual({ type: 'skip', unsure: true });
  });

  it('reads `more` as asking the documents for more, and keeps `continue` and `go on` for the assessment', () => {
    expect(parseTypedInput('more', [])).toEqual({ type: 'question', text: 'more' });
    expect(parseTypedInput('Tell me more!', [])).toEqual({ type: 'question', text: 'Tell me more!' });
    expect(parseTypedInput('what else', [])).toEqual({ type: 'question', text: 'what else' });
    expect(parseTypedInput('continue', [])).toEqual({ type: 'resume' });
    expect(parseTypedInput('go on', [])).toEqual({ type: 'resume' });
    expect(parseTypedInput('keep going', [])).toEqual({ type: 'resume' });
    expect(parseTypedInput('ok, keep going', [])).toEqual({ type: 'resume' });
    expect(parseTypedInput('OK go on', [])).toEqual({ type: 'resume' });
    expect(parseTypedInput('ok, tell me more', [])).toEqual({ type: 'question', text: 'ok, tell me more' });
    // A framework whose level is called "More" gets that level.
    expect(parseTypedInput('more', [{ value: 0, label: 'Less', description: '' }, { value: 1, label: 'More', description: '' }])).toEqual({ type: 'answer', value: 1, confirm: false });
    expect(parseTypedInput('some', [{ value: 0, label: 'Not yet', description: '' }, { value: 2, label: 'Partly', description: '' }, { value: 4, label: 'Fully', description: '' }]).type).toBe('answer');
  });
});
