import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStores, type SqliteStores } from '../../../src/storage/sqlite-stores.js';
import { TestClock } from '../../assessment/fakes.js';
import { roundBot, type RoundBot } from '../../rounds/round-harness.js';
import { tempDir } from '../../storage/temp-dir.js';
import { buttonsIn, fakeResponseUrls, textOf, type Ephemeral } from './fake-response-urls.js';
import { blockAction, envelope, fakeSlackApi, fixture, sendAction, sendCommand, sendEvent, startSlack, type RunningSlack } from './slack-harness.js';

const CHANNEL = 'C0LEARN';
const COORDINATOR = 'U0ANNA';
const running: RunningSlack[] = [];
const opened: SqliteStores[] = [];
let api: ReturnType<typeof fakeSlackApi> | undefined;
afterEach(async () => {
  for (const slack of running.splice(0)) await slack.close();
  for (const stores of opened.splice(0)) stores.close();
  api?.reset();
});

/** One bot process: its own connection to the shared database file, its Bolt app and its closer. */
const startInstance = async (path: string, clock: TestClock): Promise<RoundBot & { slack: RunningSlack }> => {
  const stores = createSqliteStores(path);
  opened.push(stores);
  const instance = roundBot(stores, clock, { coordinatorIds: [`slack:T0LEEDS:${COORDINATOR}`] });
  const slack = await startSlack(instance.bot);
  running.push(slack);
  instance.notifiers.slack = slack.slack.notifier;
  return { ...instance, slack };
};

describe('a city-wide round in Slack', () => {
  it('takes five private runs through the button, one resumed after a restart, and posts one collated summary', async () => {
    api = fakeSlackApi();
    const urls = fakeResponseUrls();
    const path = join(tempDir(), 'bot.db');
    const clock = new TestClock(new Date('2026-12-02T10:00:00Z'));
    let first = await startInstance(path, clock);

    const command = Object.fromEntries(
      Object.entries({ ...(await fixture('slash-command.json')), text: 'assess niace for Leeds as a group until Friday 17:00', response_url: urls.forCommand(CHANNEL, COORDINATOR) })
        .map(([key, value]) => [key, String(value)]),
    );
    expect((await sendCommand(first.slack.url, command)).status).toBe(200);
    await first.slack.slack.idle();
    const [invitation] = api.of('chat.postMessage');
    expect(invitation?.params['channel']).toBe(CHANNEL);
    const invitationBlocks = invitation?.params['blocks'] as Array<Record<string, unknown>>;
    expect(textOf(invitationBlocks)).toContain('Open until Fri 4 Dec 2026, 17:00 GMT');
    expect(textOf(invitationBlocks)).toContain('*0* people have answered so far.');
    const [takePart] = buttonsIn(invitationBlocks);
    expect(takePart?.text.text).toBe('Take part');
    expect(textOf(urls.visible(COORDINATOR).at(-1)?.blocks ?? [])).toMatch(/Round `g\w+` is open until Fri 4 Dec 2026, 17:00 GMT/);
    // The first ts the fake Web API hands out: the invitation's.
    const invitationTs = '1700000101.000100';

    let clicks = 0;
    /** A click on the channel's Take part button, as Slack sends it, with a response_url of its own. */
    const pressTakePart = async (instance: { slack: RunningSlack }, user: string): Promise<void> => {
      const payload = await blockAction({ messageTs: invitationTs, blocks: invitationBlocks, actionId: takePart?.action_id ?? '', label: 'Take part', value: takePart?.value ?? '', userId: user });
      clicks += 1;
      const response = await sendAction(instance.slack.url, { ...payload, trigger_id: `${clicks}.take.part`, response_url: urls.forCommand(CHANNEL, user) });
      expect(response.status).toBe(200);
      await instance.slack.slack.idle();
    };
    const latest = (user: string): Ephemeral => {
      const message = urls.visible(user, CHANNEL).at(-1);
      if (message === undefined) throw new Error(`${user} sees nothing`);
      return message;
    };
    const press = async (instance: { slack: RunningSlack }, user: string, label: string): Promise<void> => {
      const response = await sendAction(instance.slack.url, await urls.click(latest(user), label));
      expect(response.status).toBe(200);
      await instance.slack.slack.idle();
    };

    // Partnership, Participation and Performance levels per person, three questions each.
    const plans: Record<string, string[]> = {
      U01: ['3', '3', '3', '1', '1', '1', '2', '2', '2'],
      U02: ['2', '2', '2', '3', '3', '3', '2', '2', '2'],
      U03: ['2', '2', '2', '1', '1', '1', '0', '0', '0'],
      U04: ['1', '1', '1', '2', '2', '2', '3', '3', '3'],
    };
    for (const [user, levels] of Object.entries(plans)) {
      await pressTakePart(first, user);
      expect(textOf(latest(user).blocks)).toContain('Question 1 of 9');
      for (const level of levels) await press(first, user, level);
      expect(textOf(latest(user).blocks)).toContain('Thank you: your answers for Leeds are in');
    }
    // Once per round: a second press offers to change the answers, it does not add a respondent.
    await pressTakePart(first, 'U01');
    expect(textOf(latest('U01').blocks)).toContain('You have already answered for Leeds');

    // The fifth stops after four answers; the bot restarts; the Take part button resumes the run.
    await pressTakePart(first, 'U05');
    for (const level of ['1', '2', '3', '1']) await press(first, 'U05', level);
    await press(first, 'U05', 'Stop');
    expect(textOf(latest('U05').blocks)).toContain('Paused *NIACE Learning City Toolkit – quick check* for Leeds at question 5 of 9');
    await first.service.idle();
    await first.slack.close();
    running.splice(running.indexOf(first.slack), 1);
    const second = await startInstance(path, clock);
    await pressTakePart(second, 'U05');
    expect(textOf(latest('U05').blocks)).toContain('Welcome back: 4 of 9 answered');
    for (const level of ['2', '3', '1', '2', '3']) await press(second, 'U05', level);
    expect(textOf(latest('U05').blocks)).toContain('5 people have answered so far');
    await second.service.idle();
    const updates = api.of('chat.update').filter((call) => call.params['ts'] === invitationTs);
    expect(textOf(updates.at(-1)?.params['blocks'] as Array<Record<string, unknown>>)).toContain('*5* people have answered so far.');

    // A sixth person answers by mentioning the bot in the invitation's thread: the step stays private.
    await pressTakePart(second, 'U06');
    const mention = (await fixture('app-mention.json'))['event'] as Record<string, unknown>;
    await sendEvent(second.slack.url, envelope({ ...mention, user: 'U06', text: '<@U0BOT> 1', ts: '1700000300.000100', event_ts: '1700000300.000100', thread_ts: invitationTs }));
    await second.slack.slack.idle();
    const whispered = api.of('chat.postEphemeral').at(-1)?.params;
    expect(whispered).toMatchObject({ channel: CHANNEL, user: 'U06', thread_ts: invitationTs });
    expect(String(whispered?.['text'])).toContain('Noted: 1 Getting organised.');

    // The deadline passes with two schedulers on the database (a third instance): one closes it.
    first = await startInstance(path, clock);
    clock.set('2026-12-04T17:00:00Z');
    const closed = await Promise.all([first.closer.tick(), second.closer.tick()]);
    expect(closed.reduce((a, b) => a + b, 0)).toBe(1);
    await Promise.all([first.service.idle(), second.service.idle()]);
    const summaries = api.of('chat.postMessage').filter((call) => String(call.params['text']).includes('city-wide round'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.params['channel']).toBe(CHANNEL);
    const summary = textOf(summaries[0]?.params['blocks'] as Array<Record<string, unknown>>);
    expect(summary).toContain('5 respondents');
    // Partnership 3, 2, 2, 1, and U05's (1+2+3)/3 = 2: sorted 1, 2, 2, 2, 3: median 2, quartiles 2 and 2; all within one level.
    expect(summary).toContain('median 2 · range 1 to 3 · middle half 2–2 · agreement 100%');
    // Participation 1, 3, 1, 2, and U05's (1+2+3)/3 = 2: sorted 1, 1, 2, 2, 3: median 2, all within one level.
    expect(summary).toContain('median 2 · range 1 to 3 · middle half 1–2 · agreement 100%');
    // Performance 2, 2, 0, 3, and U05's (1+2+3)/3 = 2: sorted 0, 2, 2, 2, 3: the 0 is two levels below: 4 of 5 agree.
    expect(summary).toContain('median 2 · range 0 to 3 · middle half 2–2 · agreement 80%');
    expect(summary).toContain('partners disagree most on Performance: answers from 0 to 3 (agreement 80%)');
    expect(api.of('files.completeUploadExternal').at(-1)?.params['channel_id']).toBe(CHANNEL);
    expect(textOf(api.of('chat.update').at(-1)?.params['blocks'] as Array<Record<string, unknown>>)).toContain('This round closed with 5 respondents');

    // Nothing in the channel names a respondent or shows anyone's answer.
    for (const call of [...api.of('chat.postMessage'), ...api.of('chat.update')]) {
      const shown = `${String(call.params['text'])} ${JSON.stringify(call.params['blocks'])}`;
      expect(shown).not.toMatch(/U0[1-6]|Noted:|Your earlier answer/);
    }
    expect(urls.inChannel).toEqual([]);
    expect(urls.refused).toEqual([]);

    // After closing, the button says so privately and takes nothing.
    await pressTakePart(second, 'U04');
    expect(textOf(latest('U04').blocks)).toContain('has closed; answers are no longer taken');
  });
});
