import { describe, expect, it } from 'vitest';
import type { Origin } from '../../src/core/events.js';
import type { ReminderPort } from '../../src/core/ports.js';
import type { AssessmentResult } from '../../src/core/assessment-store.js';
import { createReminderService, type ReminderServiceDeps } from '../../src/reminders/reminder-service.js';
import { MemoryReminderStore } from '../../src/storage/memory-reminder-store.js';
import { MemoryResultStore } from '../../src/storage/memory-stores.js';

const admin: Origin = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', isAdmin: true };
const member: Origin = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U2' };
const otherWorkspace: Origin = { platform: 'slack', workspaceId: 'T2', channelId: 'C9', userId: 'U9', isAdmin: true };

// Tuesday 20 May 2025, 11:00 in London.
const now = new Date('2025-05-20T10:00:00Z');

const setup = (overrides: Partial<ReminderServiceDeps> = {}) => {
  const store = new MemoryReminderStore();
  const results = new MemoryResultStore();
  let ids = 0;
  let changes = 0;
  const service = createReminderService({
    store, results, clock: { now: () => now }, logger: { debug() {}, info() {}, warn() {}, error() {} },
    defaultTimeZone: 'Europe/London', newId: () => `r${++ids}`, onChange: () => { changes += 1; }, ...overrides,
  });
  return { store, results, service, changes: () => changes };
};

const text = async (service: ReminderPort, origin: Origin, args: string): Promise<string> =>
  (await service.command(origin, args)).map((reply) => reply.text).join('\n');

describe('creating reminders', () => {
  it('creates one from plain words, in the default zone, to this channel, and says when it first runs', async () => {
    const { store, service, changes } = setup();
    const reply = await text(service, admin, 'every monday 9:00 for Leeds');
    expect(reply).toContain('Reminder `r1` set: every Monday at 09:00 (Europe/London), about *Leeds*, to this channel.');
    expect(reply).toContain('First digest: Mon 26 May 2025, 09:00 BST.');
    expect(await store.get('slack:T1', 'r1')).toMatchObject({
      target: { kind: 'channel', channelId: 'C1' }, city: 'Leeds', timeZone: 'Europe/London',
      schedule: { kind: 'cron', expr: '0 9 * * 1' }, createdBy: 'U1', createdAt: now, activeSince: now, paused: false,
    });
    expect(changes()).toBe(1);
  });

  it('reads a zone, a city and a channel link together', async () => {
    const { store, service } = setup();
    const reply = await text(service, admin, 'monthly on the 1st at 10:00 america/new_york for Leeds to <#C777|progress>');
    expect(reply).toContain('monthly on the 1st at 10:00 (America/New_York), about *Leeds*, to channel \\#C777.');
    expect(reply).toContain('First digest: Sun 1 Jun 2025, 10:00 GMT-4.');
    expect((await store.get('slack:T1', 'r1'))?.target).toEqual({ kind: 'channel', channelId: 'C777' });
  });

  it('sends to the user directly with `me`, and takes cron expressions', async () => {
    const { store, service } = setup();
    expect(await text(service, admin, 'me every weekday at 8:30 for Cork')).toContain('to a direct message to you.');
    expect((await store.get('slack:T1', 'r1'))?.target).toEqual({ kind: 'direct', userId: 'U1' });
    expect(await text(service, admin, 'cron "0 9 * * 1" UTC for Cork to me')).toContain('every Monday at 09:00 (UTC)');
    expect(await store.get('slack:T1', 'r2')).toMatchObject({ target: { kind: 'direct', userId: 'U1' }, timeZone: 'UTC' });
  });

  it('counts "every 90 days" from today and mentions the default time', async () => {
    const { service } = setup();
    const reply = await text(service, admin, 'every 90 days for Cork');
    expect(reply).toContain('every 90 days at 09:00 (counted from Tue 20 May 2025)');
    // Created at 11:00, after today's 09:00 slot, so the first is 90 days on.
    expect(reply).toContain('First digest: Mon 18 Aug 2025, 09:00 BST.');
    expect(reply).toContain('No time was given, so it runs at 09:00.');
  });

  it('defaults the city to the one assessed most recently in the workspace', async () => {
    const { results, service, store } = setup();
    const saved: AssessmentResult = {
      id: 'a', workspace: 'slack:T1', platform: 'slack', channelId: 'C1', userId: 'U1', city: 'Bristol', frameworkId: 'niace-quick',
      completedAt: new Date('2025-05-01T10:00:00Z'), overallPercent: 50, components: [], answers: {},
    };
    await results.save(saved);
    await results.save({ ...saved, id: 'b', workspace: 'slack:T2', city: 'Elsewhere', completedAt: now });
    expect(await text(service, admin, 'every monday')).toContain('about *Bristol* (the city assessed most recently here');
    expect((await store.get('slack:T1', 'r1'))?.city).toBe('Bristol');
    expect(await text(service, otherWorkspace, 'every monday')).toContain('about *Elsewhere*');
  });

  it('explains bad input and stores nothing', async () => {
    const { store, service } = setup();
    expect(await text(service, admin, 'every blue moon')).toMatch(/could not read “every blue moon”[\s\S]*`remind help`/);
    expect(await text(service, admin, 'every monday Mars/Olympus for Leeds')).toContain('I don’t know the time zone `Mars/Olympus`');
    expect(await text(service, admin, 'every monday at 9 Europe/London Europe/Paris')).toContain('Give one time zone');
    expect(await text(service, admin, 'every monday for ***')).toContain('Please give the name of a city');
    expect(await text(service, admin, 'every monday to #general')).toContain('can’t tell which channel `#general` is');
    expect(await text(service, admin, 'cron "0 9 * * 1" tomorrow')).toContain('next to the cron expression');
    expect(await text(service, admin, 'me')).toContain('Say when');
    expect(await store.listByWorkspace('slack:T1')).toEqual([]);
  });

  it('accepts a bare #name as the channel on the console, whose channels are names', async () => {
    const { store, service } = setup();
    const console: Origin = { platform: 'console', workspaceId: 'local', channelId: 'main', userId: 'me', isAdmin: true };
    await text(service, console, 'every monday for Leeds to #progress');
    expect((await store.get('console:local', 'r1'))?.target).toEqual({ kind: 'channel', channelId: 'progress' });
  });

  it('caps the number of reminders per workspace', async () => {
    const { service } = setup({ maxPerWorkspace: 2 });
    await text(service, admin, 'every monday for A');
    await text(service, admin, 'every monday for B');
    expect(await text(service, admin, 'every monday for C')).toContain('already has 2 reminders');
    expect(await text(service, otherWorkspace, 'every monday for C')).toContain('set');
  });
});

describe('who may manage reminders', () => {
  it('refuses members who are not coordinators, saying who can and giving their id', async () => {
    const { store, service } = setup();
    for (const args of ['every monday for Leeds', 'pause r1', 'delete r1', 'every blue moon', 'resume']) {
      const [reply] = await service.command(member, args);
      expect(reply?.kind).toBe('error');
      expect(reply?.text).toContain('Only coordinators can set up or change reminders');
      expect(reply?.text).toContain('`slack:T1:U2`');
    }
    expect(await store.listByWorkspace('slack:T1')).toEqual([]);
  });

  it('lets anyone list reminders and read the help', async () => {
    const { service } = setup();
    await text(service, admin, 'every monday for Leeds');
    expect(await text(service, member, '')).toContain('`r1`');
    expect(await text(service, member, 'help')).toContain('remind every monday 9:00 for Leeds');
  });

  it('accepts listed coordinator ids and, once adapters add them, roles', async () => {
    const { service } = setup({ coordinatorIds: ['slack:T1:U2'], coordinatorRoles: ['discord:G1:R5'] });
    expect(await text(service, member, 'every monday for Leeds')).toContain('Reminder `r1` set');
    const sameIdElsewhere: Origin = { ...member, workspaceId: 'T3' };
    expect(await text(service, sameIdElsewhere, 'every monday for Leeds')).toContain('Only coordinators');
    // The seam: an adapter that adds `roleIds` to the origin makes coordinator roles work.
    const withRole: Origin & { roleIds: string[] } = { platform: 'discord', workspaceId: 'G1', channelId: 'X', userId: 'U8', roleIds: ['R5'] };
    expect(await text(service, withRole, 'every monday for Leeds')).toContain('set');
    const otherRole: Origin & { roleIds: string[] } = { ...withRole, roleIds: ['R6'] };
    expect(await text(service, otherRole, 'every monday for Leeds')).toContain('Only coordinators');
  });
});

describe('listing, pausing, resuming and deleting', () => {
  it('lists with id, schedule in words, next run in the zone, target and paused state', async () => {
    const { service } = setup();
    await text(service, admin, 'every monday 9:00 for Leeds');
    await text(service, admin, 'me monthly on the 1st at 10:00 Asia/Seoul for Cork');
    const list = await text(service, member, 'list');
    expect(list).toContain('• `r1`: every Monday at 09:00 (Europe/London), about *Leeds*, to this channel; next Mon 26 May 2025, 09:00 BST.');
    expect(list).toContain('• `r2`: monthly on the 1st at 10:00 (Asia/Seoul), about *Cork*, to a direct message to U1; next Sun 1 Jun 2025, 10:00 GMT+9.');
    await text(service, admin, 'pause r2');
    expect(await text(service, admin, '')).toContain('• `r2` *(paused)*');
  });

  it('pauses, resumes and deletes by id, case-insensitively, with clear messages', async () => {
    const { store, service, changes } = setup();
    await text(service, admin, 'every monday for Leeds');
    expect(await text(service, admin, 'pause R1')).toContain('Paused reminder `r1`');
    expect((await store.get('slack:T1', 'r1'))?.paused).toBe(true);
    expect(await text(service, admin, 'pause r1')).toContain('already paused');
    expect(await text(service, admin, 'resume `r1`')).toContain('Resumed reminder `r1`');
    expect(await text(service, admin, 'resume r1')).toContain('already running');
    expect(await text(service, admin, 'delete r1')).toContain('Deleted reminder `r1`');
    expect(await store.listByWorkspace('slack:T1')).toEqual([]);
    expect(changes()).toBe(4);
    expect(await text(service, admin, 'delete r1')).toContain('There is no reminder `r1` in this workspace');
    expect(await text(service, admin, 'pause')).toContain('Which reminder?');
    expect(await text(service, admin, 'pause r1 r2')).toContain('takes one reminder id');
  });

  it('keeps workspaces apart: an id from another workspace is not found', async () => {
    const { store, service } = setup();
    await text(service, admin, 'every monday for Leeds');
    expect(await text(service, otherWorkspace, '')).toContain('No progress reminders are set up in this workspace');
    for (const action of ['pause', 'resume', 'delete']) {
      expect(await text(service, otherWorkspace, `${action} r1`)).toContain('There is no reminder `r1` in this workspace');
    }
    expect((await store.get('slack:T1', 'r1'))?.paused).toBe(false);
  });

  it('answers a storage failure with an apology instead of throwing', async () => {
    const { store, service } = setup();
    store.listByWorkspace = () => { throw new Error('disk I/O error'); };
    const [reply] = await service.command(admin, 'list');
    expect(reply).toMatchObject({ kind: 'error' });
    expect(reply?.text).toContain('could not be read or saved');
  });
});
