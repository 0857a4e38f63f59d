import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordApp, type DiscordApp } from '../../adapters/discord/discord-app.js';
import { parseDiscordConfig } from '../../adapters/discord/discord-config.js';
import { createSlackApp, type SlackApp } from '../../adapters/slack/slack-app.js';
import { parseSlackConfig } from '../../adapters/slack/slack-config.js';
import { createCore, type Core } from '../../src/app.js';
import { formatPercent } from '../../src/assessment/format.js';
import type { Origin } from '../../src/core/events.js';
import { silentLogger } from '../../src/core/ports.js';
import type { AssessmentResult } from '../../src/core/assessment-store.js';
import type { Reply } from '../../src/core/replies.js';
import type { Reminder, ReminderStore } from '../../src/reminders/reminder.js';
import { FakeDiscord, type RecordedRequest } from '../adapters/discord/fake-discord.js';
import { APPLICATION_ID } from '../adapters/discord/fake-discord-payloads.js';
import { copyKnowledge } from '../support/knowledge.js';
import { startConsoleSession, type ConsoleSession } from './console-session.js';
import { dmChannelOf, startFakeSlackWebApi, type FakeSlackWebApi } from './fake-slack-web-api.js';

/**
 * Reminders set up in chat reach people through the real adapters: Bolt's Web API client against a
 * local Slack stand-in, discord.js against the fake Discord, and the console adapter's output.
 * Time is an injected clock; the scheduler is driven with `tick()`, so nothing waits on wall time.
 */

// Sunday 18 May 2025, 13:00 BST. The first Monday 09:00 Europe/London slot is 08:00 UTC the next day.
let now = new Date('2025-05-18T12:00:00Z');
const clock = { now: () => now };
const FIRST_SLOT = new Date('2025-05-19T08:00:00Z');

const SLACK: Origin = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', isAdmin: true };
const GUILD = { id: '860000000000000001', name: 'Cork Learning City', channelId: '860000000000000011' };
const ORLA = { id: '870000000000000001', username: 'orla' };
const DISCORD: Origin = { platform: 'discord', workspaceId: GUILD.id, channelId: GUILD.channelId, userId: ORLA.id, isAdmin: true };
const CONSOLE_USER = 'coordinator';

// Nine answers: Partnership fully in place, Participation developing, Performance not started.
const LEVELS = ['3', '3', '3', '2', '2', '2', '0', '0', '0'];
const CONSOLE_LEVELS = ['established', 'established', 'developing', 'developing', 'developing', 'developing', 'not yet', 'developing', 'not yet'];

const dir = mkdtempSync(join(tmpdir(), 'lc-reminder-delivery-'));
const knowledgeDir = copyKnowledge();
let core: Core;
let reminderStore: ReminderStore;
let slackApi: FakeSlackWebApi;
let slack: SlackApp;
let fakeDiscord: FakeDiscord;
let discord: DiscordApp;
let terminal: ConsoleSession;

const say = (origin: Origin, text: string): Promise<Reply[]> => core.bot.handle({ type: 'message', origin, text });

/** `assess niace-quick for <city>` answered through the bot; returns the saved result. */
const assessThroughBot = async (origin: Origin, city: string): Promise<AssessmentResult> => {
  await say(origin, `assess niace-quick for ${city}`);
  for (const level of LEVELS) await say(origin, level);
  const saved = await core.stores.results.list(`${origin.platform}:${origin.workspaceId}`, { city });
  expect(saved).toHaveLength(1);
  return saved[0] as AssessmentResult;
};

const reminderIdIn = (replies: Reply[]): string => {
  const id = /Reminder `(r[a-z0-9]{5})` set/u.exec(replies[0]?.text ?? '')?.[1];
  expect(id, replies[0]?.text).toBeDefined();
  return id ?? '';
};

const remindersOf = (workspace: string): Promise<Reminder[]> => reminderStore.listByWorkspace(workspace);

const discordText = (request: RecordedRequest | undefined): string => {
  const body = request?.body as { content?: string; embeds?: Array<{ description?: string }> } | undefined;
  return [body?.content ?? '', ...(body?.embeds ?? []).map((embed) => embed.description ?? '')].join('\n');
};

beforeAll(async () => {
  core = await createCore({
    knowledgeDir,
    databasePath: join(dir, 'bot.db'),
    logger: silentLogger,
    clock,
    defaultTimeZone: 'Europe/London',
    // Someone else is listed, so the refusal below is about not being listed, not about an empty list.
    coordinatorIds: ['slack:T1:U7'],
  });
  reminderStore = core.stores.reminders;

  slackApi = await startFakeSlackWebApi();
  const parsed = parseSlackConfig({
    SLACK_BOT_TOKEN: 'xoxb-1111-2222-remindertoken',
    SLACK_SIGNING_SECRET: 'f00dfeedcafebabe0123456789abcdef',
    SLACK_MODE: 'http',
    SLACK_PORT: '0',
    SLACK_API_URL: slackApi.apiUrl,
    SLACK_BOT_USER_ID: 'U0BOT',
    SLACK_BOT_ID: 'B0BOT',
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  slack = createSlackApp({ config: parsed.config, bot: core.bot, logger: silentLogger, clock, listen: { port: 0, host: '127.0.0.1' } });
  await slack.start();
  core.notifiers.slack = slack.notifier;

  fakeDiscord = await FakeDiscord.start([GUILD]);
  fakeDiscord.users.set(ORLA.id, ORLA);
  discord = createDiscordApp({
    config: parseDiscordConfig({ DISCORD_TOKEN: fakeDiscord.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fakeDiscord.apiUrl }),
    bot: core.bot,
    logger: silentLogger,
  });
  await discord.start();
  core.notifiers.discord = discord.notifier;

  terminal = startConsoleSession(core.bot, join(dir, 'charts'), CONSOLE_USER);
  core.notifiers.console = terminal.adapter.notifier;
});

afterAll(async () => {
  await terminal?.close();
  await discord?.stop();
  await fakeDiscord?.close();
  await slack?.stop();
  await slackApi?.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

describe('reminders set up in chat are delivered through the real adapters', () => {
  let slackResult: AssessmentResult;
  let discordResult: AssessmentResult;
  const ids = { slackChannel: '', slackDirect: '', discordChannel: '', discordDirect: '', console: '' };

  it('refuses a member who is neither admin nor listed, and stores nothing', async () => {
    const member: Origin = { ...SLACK, userId: 'U9', isAdmin: false };
    const replies = await say(member, 'remind every monday 9:00 for Leeds');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.kind).toBe('error');
    expect(replies[0]?.text).toContain('Only coordinators can set up or change reminders');
    expect(replies[0]?.text).toContain('`slack:T1:U9`');
    expect(await remindersOf('slack:T1')).toEqual([]);
    expect(await say(member, 'remind me every monday 9:00 for Leeds')).toMatchObject([{ kind: 'error' }]);
    expect(await remindersOf('slack:T1')).toEqual([]);
  });

  it('lets coordinators set up channel and direct-message reminders on Slack, Discord and the console', async () => {
    slackResult = await assessThroughBot(SLACK, 'Leeds');
    discordResult = await assessThroughBot(DISCORD, 'Cork');

    const slackChannel = await say(SLACK, 'remind every monday 9:00 for Leeds');
    expect(slackChannel[0]?.text).toContain('every Monday at 09:00 (Europe/London), about *Leeds*, to this channel');
    expect(slackChannel[0]?.text).toContain('First digest: Mon 19 May 2025, 09:00 BST');
    ids.slackChannel = reminderIdIn(slackChannel);
    ids.slackDirect = reminderIdIn(await say(SLACK, 'remind me every monday 9:00 for Leeds'));
    ids.discordChannel = reminderIdIn(await say(DISCORD, 'remind every monday 9:00 for Cork'));
    ids.discordDirect = reminderIdIn(await say(DISCORD, 'remind me every monday 9:00 for Cork'));

    // The console is driven by typing, as a person at the terminal would.
    await terminal.type('assess niace-quick for Espoo', /Question 1 of 9/u);
    for (const [i, level] of CONSOLE_LEVELS.entries()) {
      await terminal.type(level, i + 1 < CONSOLE_LEVELS.length ? new RegExp(`Question ${i + 2} of 9`, 'u') : /Chart saved to/u);
    }
    const set = await terminal.type('remind every monday 9:00 for Espoo', /Reminder `r[a-z0-9]{5}` set/u);
    ids.console = /Reminder `(r[a-z0-9]{5})` set/u.exec(set)?.[1] ?? '';

    // Created in the same (fake) instant, so compared without regard to order.
    const targets = async (workspace: string): Promise<Array<[string, Reminder['target']]>> =>
      (await remindersOf(workspace)).map((r): [string, Reminder['target']] => [r.id, r.target]).sort(([a], [b]) => a.localeCompare(b));
    const sorted = (entries: Array<[string, Reminder['target']]>) => entries.sort(([a], [b]) => a.localeCompare(b));
    expect(await targets('slack:T1')).toEqual(sorted([
      [ids.slackChannel, { kind: 'channel', channelId: 'C1' }],
      [ids.slackDirect, { kind: 'direct', userId: 'U1' }],
    ]));
    expect(await targets(`discord:${GUILD.id}`)).toEqual(sorted([
      [ids.discordChannel, { kind: 'channel', channelId: GUILD.channelId }],
      [ids.discordDirect, { kind: 'direct', userId: ORLA.id }],
    ]));
    expect(await targets('console:local')).toEqual([[ids.console, { kind: 'channel', channelId: 'terminal' }]]);
    // Setting up reminders sends nothing by itself.
    expect(slackApi.calls).toEqual([]);
    expect(fakeDiscord.calls('POST', /\/messages$/u)).toEqual([]);
  });

  it('sends nothing at 08:59 in London (07:59 UTC) on the Monday', async () => {
    now = new Date(FIRST_SLOT.getTime() - 60_000);
    expect(await core.reminders.tick()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(slackApi.calls).toEqual([]);
  });

  describe('at Monday 09:00 Europe/London', () => {
    let printedBefore = 0;
    beforeAll(async () => {
      now = new Date(FIRST_SLOT.getTime() + 30_000);
      printedBefore = terminal.output().length;
      expect(await core.reminders.tick()).toEqual({ claimed: 5, sent: 5, failed: 0 });
    });

    it('posts the Leeds digest to Slack channel C1 through chat.postMessage', async () => {
      const posts = slackApi.callsOf('chat.postMessage').filter((call) => call.form.get('channel') === 'C1');
      expect(posts).toHaveLength(1);
      const post = posts[0];
      expect(post?.authorization).toBe('Bearer xoxb-1111-2222-remindertoken');
      expect(post?.form.get('thread_ts')).toBeNull();
      const text = post?.form.get('text') ?? '';
      expect(text).toContain('Progress reminder: Leeds');
      expect(slackResult.overallPercent).toBe(55.6);
      expect(text).toContain(`Overall score: *${formatPercent(slackResult.overallPercent)}*`);
      expect(text).toContain('Weakest area: *Performance* at 0%');
      expect(text).toContain(`\`reminders pause ${ids.slackChannel}\``);
      const blocks = JSON.parse(post?.form.get('blocks') ?? '[]') as Array<{ type: string }>;
      expect(blocks.some((block) => block.type === 'actions')).toBe(true);
    });

    it('opens a Slack DM with conversations.open, then posts the digest into it', async () => {
      const methods = slackApi.calls.map((call) => call.method);
      const opens = slackApi.callsOf('conversations.open');
      expect(opens).toHaveLength(1);
      expect(opens[0]?.form.get('users')).toBe('U1');
      const dmPosts = slackApi.callsOf('chat.postMessage').filter((call) => call.form.get('channel') === dmChannelOf('U1'));
      expect(dmPosts).toHaveLength(1);
      expect(methods.indexOf('conversations.open')).toBeLessThan(slackApi.calls.indexOf(dmPosts[0] as (typeof slackApi.calls)[number]));
      expect(dmPosts[0]?.form.get('text')).toContain('Progress reminder: Leeds');
      expect(dmPosts[0]?.form.get('text')).toContain(`\`reminders pause ${ids.slackDirect}\``);
      // Nothing else was asked of Slack: two posts and one DM opened.
      expect([...methods].sort()).toEqual(['chat.postMessage', 'chat.postMessage', 'conversations.open']);
    });

    it('posts the Cork digest to the Discord guild channel', async () => {
      const posts = fakeDiscord.calls('POST', new RegExp(`^/channels/${GUILD.channelId}/messages$`, 'u'));
      expect(posts).toHaveLength(1);
      const text = discordText(posts[0]);
      expect(text).toContain('Progress reminder: Cork');
      expect(text).toContain(`Overall score: **${formatPercent(discordResult.overallPercent)}**`);
      expect(text).toContain(`\`reminders pause ${ids.discordChannel}\``);
    });

    it('opens a Discord DM with POST /users/@me/channels, then sends the digest there', async () => {
      const opens = fakeDiscord.calls('POST', /^\/users\/@me\/channels$/u);
      expect(opens).toHaveLength(1);
      expect(opens[0]?.body).toMatchObject({ recipient_id: ORLA.id });
      const dmChannel = `7${ORLA.id.slice(1)}`;
      const dmPosts = fakeDiscord.calls('POST', new RegExp(`^/channels/${dmChannel}/messages$`, 'u'));
      expect(dmPosts).toHaveLength(1);
      expect(fakeDiscord.requests.indexOf(opens[0] as RecordedRequest)).toBeLessThan(fakeDiscord.requests.indexOf(dmPosts[0] as RecordedRequest));
      expect(discordText(dmPosts[0])).toContain('Progress reminder: Cork');
      expect(discordText(dmPosts[0])).toContain(`\`reminders pause ${ids.discordDirect}\``);
      expect(fakeDiscord.calls('POST', /\/messages$/u)).toHaveLength(2);
    });

    it('prints the Espoo digest in the console', async () => {
      const printed = await terminal.waitFor(new RegExp(`reminders pause ${ids.console}`, 'u'), printedBefore);
      expect(printed).toContain('— Reminder —');
      expect(printed).toContain('Progress reminder: Espoo');
      expect(printed).toMatch(/Overall score: \S*\d+%/u);
      expect(printed).toContain(`reminders pause ${ids.console}`);
      expect(printed).not.toContain('Leeds');
      expect(printed).not.toContain('Cork');
    });

    it('logs every slot as sent on the first attempt', async () => {
      for (const [workspace, id] of [
        ['slack:T1', ids.slackChannel], ['slack:T1', ids.slackDirect],
        [`discord:${GUILD.id}`, ids.discordChannel], [`discord:${GUILD.id}`, ids.discordDirect], ['console:local', ids.console],
      ] as const) {
        expect(await reminderStore.listDeliveries(workspace, id)).toMatchObject([{ slot: FIRST_SLOT, status: 'sent', attempts: 1 }]);
      }
    });

    it('sends nothing more on a second tick at the same time, nor later that morning', async () => {
      const slackCalls = slackApi.calls.length;
      const discordCalls = fakeDiscord.requests.length;
      const printed = terminal.output().length;
      expect(await core.reminders.tick()).toEqual({ claimed: 0, sent: 0, failed: 0 });
      now = new Date(FIRST_SLOT.getTime() + 3 * 3_600_000);
      expect(await core.reminders.tick()).toEqual({ claimed: 0, sent: 0, failed: 0 });
      expect(slackApi.calls).toHaveLength(slackCalls);
      expect(fakeDiscord.requests).toHaveLength(discordCalls);
      expect(terminal.output()).toHaveLength(printed);
    });

    it('sends each digest once more the following Monday', async () => {
      now = new Date(FIRST_SLOT.getTime() + 7 * 86_400_000 + 30_000);
      expect(await core.reminders.tick()).toEqual({ claimed: 5, sent: 5, failed: 0 });
      expect(slackApi.callsOf('chat.postMessage').filter((call) => call.form.get('channel') === 'C1')).toHaveLength(2);
      expect(fakeDiscord.calls('POST', new RegExp(`^/channels/${GUILD.channelId}/messages$`, 'u'))).toHaveLength(2);
      expect(terminal.output().match(/— Reminder —/gu)).toHaveLength(2);
    });
  });
});
