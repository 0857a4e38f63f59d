import { describe, expect, it } from 'vitest';
import { MemoryResultStore } from '../../src/storage/memory-stores.js';
import { MemoryRoundStore } from '../../src/storage/memory-round-store.js';
import { createFakeChat } from '../support/fake-chat.js';
import { origin, TestClock } from '../assessment/fakes.js';
import { recordingChannel, roundBot } from './round-harness.js';

const setUp = async () => {
  const stores = { rounds: new MemoryRoundStore(), results: new MemoryResultStore() };
  const clock = new TestClock(new Date('2026-12-02T10:00:00Z'));
  const harness = roundBot(stores, clock);
  const channel = recordingChannel();
  harness.notifiers.slack = channel.notifier;
  const coordinator = createFakeChat(harness.bot, origin('U0', { isAdmin: true }));
  const opened = await coordinator.userSays('assess niace for Leeds as a group until Friday 17:00');
  const roundId = /Round `(g\w+)`/.exec(opened[0]?.text ?? '')?.[1] ?? '';
  return { ...harness, stores, clock, channel, coordinator, roundId };
};

describe('round rules', () => {
  it('asks for what is missing and refuses a second open round for the same city here', async () => {
    const { coordinator } = await setUp();
    expect((await coordinator.userSays('assess as a group for Leeds'))[0]?.text).toContain('Which framework should the round use?');
    expect((await coordinator.userSays('assess niace as a group'))[0]?.text).toContain('Which city is the round for?');
    expect((await coordinator.userSays('assess niace for Leeds as a group until someday'))[0]?.text).toContain('could not read “someday” as a deadline');
    expect((await coordinator.userSays('assess niace for leeds as a group'))[0]?.text).toMatch(/A round for Leeds is already open here \(`g\w+`/);
    expect((await coordinator.userSays('close round gnope'))[0]?.text).toBe('There is no open round `gnope` in this workspace.');
  });

  it('keeps a round to its workspace: a button from another workspace finds nothing', async () => {
    const { bot, roundId, stores } = await setUp();
    const outsider = createFakeChat(bot, origin('U1', { workspaceId: 'T2' }));
    const replies = await outsider.userChooses(`group:${roundId}:join`);
    expect(replies).toEqual([{ text: 'That round is not open in this workspace.', kind: 'info', private: true }]);
    expect(await stores.rounds.getAnswer({ workspace: 'slack:T2', roundId, userId: 'U1' })).toBeUndefined();
  });

  it('counts a person once, keeps their set while they change it, and ignores a click that lost a race', async () => {
    const { bot, roundId, stores, service } = await setUp();
    const una = createFakeChat(bot, origin('U1'));
    const first = await una.userChooses(`group:${roundId}:join`);
    expect(first.every((reply) => reply.private === true)).toBe(true);
    const question = first[1]?.choices?.find((choice) => choice.label.startsWith('2 '))?.value ?? '';
    expect(question).toBe(`group:${roundId}:assess:answer:2:q1`);
    // Two clicks on the same question at once: the one saved first counts, the other is told so.
    const [a, b] = await Promise.all([una.userChooses(question), una.userChooses(question)]);
    const texts = [a[0]?.text ?? '', b[0]?.text ?? ''];
    expect(texts.filter((text) => text.includes('Noted: 2 Towards a shared understanding.'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('That click crossed another one'))).toHaveLength(1);
    for (let i = 0; i < 8; i++) await una.userSays('3');
    expect(una.last()).toContain('(1 person has answered so far)');
    expect(await stores.rounds.listSubmitted('slack:T1', roundId)).toEqual([
      { 'partnership-body': 2, 'partnership-strategy': 3, 'partnership-review': 3, 'participation-voice': 3, 'participation-reach': 3, 'participation-civic': 3, 'performance-internal': 3, 'performance-benchmark': 3, 'performance-added-value': 3 },
    ]);
    await una.userSays('take part');
    expect(una.last()).toContain('You have already answered for Leeds');
    await una.userPresses('Change my answers');
    await una.userSays('0');
    await una.userSays('stop');
    // Paused, a step typed again gets the paused prompt, privately, not "no assessment is running".
    await una.userSays('progress');
    expect(una.last()).toContain('Paused');
    expect(una.sent.at(-1)?.private).toBe(true);
    // Half-way through a new set, the earlier one still counts, once.
    expect(await stores.rounds.countSubmitted('slack:T1', roundId)).toBe(1);
    expect((await stores.rounds.listSubmitted('slack:T1', roundId))[0]?.['partnership-body']).toBe(2);
    await service.idle();
  });

  it('refuses answers once the deadline has passed, even before the closer has run', async () => {
    const { bot, roundId, clock } = await setUp();
    const una = createFakeChat(bot, origin('U1'));
    await una.userChooses(`group:${roundId}:join`);
    clock.set('2026-12-04T17:00:01Z');
    expect((await una.userPresses('1 Getting organised'))[0]?.text).toContain('has closed; answers are no longer taken');
    // Typed text is no longer read as an answer: it is a question again.
    expect((await una.userSays('2'))[0]?.private).toBeUndefined();
  });

  it('leaves the invitation closed when a count update and the closing cross', async () => {
    const { bot, roundId, clock, closer, service, channel } = await setUp();
    // Slack is slow to take the count's edit: it lands after the closing's own edit.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const update = channel.notifier.update;
    let first = true;
    channel.notifier.update = async (ref, reply) => {
      if (first) {
        first = false;
        await held;
      }
      await update(ref, reply);
    };
    const una = createFakeChat(bot, origin('U1'));
    await una.userChooses(`group:${roundId}:join`);
    for (let i = 0; i < 9; i++) await una.userSays('2');
    clock.set('2026-12-04T17:00:00Z');
    expect(await closer.tick()).toBe(1);
    release();
    await service.idle();
    const edits = channel.log.filter((entry) => entry.type === 'update');
    expect(edits.at(-1)?.replies[0]?.text).toContain('This round closed with 1 respondent');
    expect(edits.at(-1)?.replies[0]?.choices).toBeUndefined();
  });
});
