import { randomInt } from 'node:crypto';
import { DatabaseGoneError, errorMessage } from '../core/errors.js';
import { workspaceKey, type Origin } from '../core/events.js';
import type { Clock, Logger, ReminderPort } from '../core/ports.js';
import type { ResultStore } from '../core/assessment-store.js';
import type { Reply } from '../core/replies.js';
import { cleanCity } from '../assessment/start-args.js';
import { parseReminderCommand, type ReminderAction, type TargetSpec } from './command-parse.js';
import { nextSlotAfter } from './next-run.js';
import { isCoordinator, refusalReply, type CoordinatorConfig } from './permissions.js';
import type { Reminder, ReminderStore, ReminderTarget } from './reminder.js';
import { describeSchedule } from './schedule-describe.js';
import { DEFAULT_TIME, parseSchedule } from './schedule-parse.js';
import { canonicalTimeZone, formatInZone } from './time-zone.js';
import { codeSpan, escapeText } from '../core/markdown.js';

export interface ReminderServiceDeps extends CoordinatorConfig {
  store: ReminderStore;
  /** For the default city: the one assessed most recently in the workspace. */
  results: ResultStore;
  clock: Clock;
  logger: Logger;
  /** IANA zone for schedules that name none, e.g. `Europe/London`. */
  defaultTimeZone: string;
  /** Default: `r` and five random letters or digits. */
  newId?: () => string;
  /** Default 25. */
  maxPerWorkspace?: number;
  /** Called after a reminder is added, resumed, paused or deleted: main passes `scheduler.refresh`. */
  onChange?: () => void;
}

const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const randomId = (): string => `r${Array.from({ length: 5 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;

const info = (text: string): Reply => ({ text, kind: 'info' });
const problem = (text: string): Reply => ({ text, kind: 'error' });

const pad = (n: number): string => String(n).padStart(2, '0');

/** The help text, with examples; coordinators and others see the same commands. */
export const reminderHelpReply = (defaultTimeZone: string): Reply =>
  info(
    [
      '*Progress reminders* send a coordinator digest on a schedule: days since the city’s last assessment, its score and trend, the weakest area with a next step, unfinished assessments and what is due.',
      '',
      '*Set one up* (coordinators): `remind <when> [time zone] [for <city>] [to me | to #channel]`',
      '• `remind every monday 9:00 for Leeds`',
      '• `remind monthly on the 1st at 10:00 Europe/London for Leeds to #progress`',
      '• `remind every weekday at 8:30` · `remind on the first tuesday of every month`',
      '• `remind every 90 days for Cork` (counted from today) · `remind every 2 weeks on friday at 16:00`',
      '• `remind cron "0 9 * * 1" for Leeds` (minute hour day month weekday)',
      '• `remind me every monday` sends it to you as a direct message',
      `Without a time it runs at ${pad(DEFAULT_TIME.hour)}:${pad(DEFAULT_TIME.minute)}; without a zone in ${defaultTimeZone}; without a city it is about the city assessed most recently here; without a target it goes to this channel.`,
      '',
      '*Manage*: `reminders` lists them · `reminders pause <id>` · `reminders resume <id>` · `reminders delete <id>`',
      'Coordinators are Slack workspace admins, Discord members with Manage Server, and people the bot’s operator has listed.',
    ].join('\n'),
  );

const targetWords = (reminder: Reminder, origin: Origin): string => {
  const target = reminder.target;
  if (target.kind === 'direct') return target.userId === origin.userId ? 'a direct message to you' : `a direct message to ${target.userId}`;
  return target.channelId === origin.channelId ? 'this channel' : `channel ${escapeText(`#${target.channelId}`)}`;
};

/**
 * `remind …` / `reminders …` in chat: anyone may list reminders and read the help; coordinators
 * create, pause, resume and delete them. Everything is scoped to the origin's workspace.
 */
export const createReminderService = (deps: ReminderServiceDeps): ReminderPort => {
  const maxPerWorkspace = deps.maxPerWorkspace ?? 25;
  const newId = deps.newId ?? randomId;
  const defaultZone = canonicalTimeZone(deps.defaultTimeZone) ?? 'UTC';

  const nextRunWords = (reminder: Reminder, now: Date): string => {
    if (reminder.paused) return 'paused';
    const from = reminder.lastSlot !== undefined && reminder.lastSlot > now ? reminder.lastSlot : now;
    const next = nextSlotAfter(reminder.schedule, reminder.timeZone, from);
    return next === undefined ? 'no further runs' : `next ${formatInZone(next, reminder.timeZone)}`;
  };

  const summary = (reminder: Reminder, origin: Origin): string =>
    `${describeSchedule(reminder.schedule)} (${reminder.timeZone}), about ${reminder.city === undefined ? 'the city assessed most recently' : `*${escapeText(reminder.city)}*`}, to ${targetWords(reminder, origin)}`;

  const list = async (origin: Origin): Promise<Reply[]> => {
    const reminders = await deps.store.listByWorkspace(workspaceKey(origin));
    if (reminders.length === 0) {
      return [info('No progress reminders are set up in this workspace. Coordinators can add one, e.g. `remind every monday 9:00 for Leeds`; `remind help` shows more.')];
    }
    const now = deps.clock.now();
    const lines = [`*Progress reminders in this workspace* (${reminders.length})`];
    for (const reminder of reminders) {
      lines.push(`• \`${reminder.id}\`${reminder.paused ? ' *(paused)*' : ''}: ${summary(reminder, origin)}; ${nextRunWords(reminder, now)}.`);
    }
    lines.push('`reminders pause <id>` · `reminders resume <id>` · `reminders delete <id>` (coordinators).');
    return [info(lines.join('\n'))];
  };

  const resolveTarget = (spec: TargetSpec, origin: Origin): ReminderTarget | { error: string } => {
    switch (spec.kind) {
      case 'here':
        return { kind: 'channel', channelId: origin.channelId };
      case 'me':
        return { kind: 'direct', userId: origin.userId };
      case 'channel':
        return { kind: 'channel', channelId: spec.channelId };
      case 'channel-name':
        // Only the console's channels are plain names; elsewhere a name cannot be turned into an id here.
        return origin.platform === 'console'
          ? { kind: 'channel', channelId: spec.name }
          : { error: `I can’t tell which channel ${codeSpan(`#${spec.name}`)} is from its name alone. Run the command in that channel (reminders go to the channel they are set up in), or pick the channel from the list as you type \`#\` so it becomes a link.` };
    }
  };

  const create = async (origin: Origin, command: Extract<ReturnType<typeof parseReminderCommand>, { type: 'create' }>): Promise<Reply[]> => {
    const workspace = workspaceKey(origin);
    if ((await deps.store.listByWorkspace(workspace)).length >= maxPerWorkspace) {
      return [problem(`This workspace already has ${maxPerWorkspace} reminders, the most it can have. Delete one first with \`reminders delete <id>\`.`)];
    }
    const now = deps.clock.now();
    const timeZone = command.timeZone ?? defaultZone;
    const parsed = parseSchedule(command.phrase, { now, timeZone });
    if ('error' in parsed) return [problem(`${parsed.error}\nType \`remind help\` for more examples.`)];
    const target = resolveTarget(command.target, origin);
    if ('error' in target) return [problem(target.error)];
    let city: string | undefined;
    let cityNote = '';
    if (command.city !== undefined) {
      const cleaned = cleanCity(command.city);
      if ('error' in cleaned) return [problem(cleaned.error)];
      city = cleaned.city;
    } else {
      city = (await deps.results.list(workspace, { limit: 1 }))[0]?.city;
      cityNote = city === undefined
        ? ' (none is saved here yet: each digest takes the latest one at the time)'
        : ` (the city assessed most recently here; add \`for <city>\` to choose another)`;
    }
    const next = nextSlotAfter(parsed.schedule, timeZone, now);
    if (next === undefined) return [problem('That schedule never runs again. Type `remind help` for examples.')];
    const base = {
      workspace, platform: origin.platform, workspaceId: origin.workspaceId, target, schedule: parsed.schedule, timeZone,
      createdBy: origin.userId, createdAt: now, activeSince: now, paused: false, ...(city === undefined ? {} : { city }),
    };
    let reminder: Reminder | undefined;
    for (let attempt = 0; attempt < 5 && reminder === undefined; attempt++) {
      const candidate: Reminder = { ...base, id: newId() };
      if (await deps.store.create(candidate)) reminder = candidate;
    }
    if (reminder === undefined) return [problem('Sorry, the reminder could not be saved just now (no free id). Please try again.')];
    deps.logger.info({ reminder: reminder.id, workspace, schedule: reminder.schedule, timeZone }, 'reminder created');
    deps.onChange?.();
    const notes = [
      ...(parsed.defaultTime ? [`No time was given, so it runs at ${pad(DEFAULT_TIME.hour)}:${pad(DEFAULT_TIME.minute)}.`] : []),
      ...(parsed.note === undefined ? [] : [parsed.note]),
    ];
    return [
      info(
        [
          `Reminder \`${reminder.id}\` set: ${describeSchedule(reminder.schedule)} (${timeZone}), about ${city === undefined ? 'the city assessed most recently' : `*${escapeText(city)}*`}${cityNote}, to ${targetWords(reminder, origin)}.`,
          `First digest: ${formatInZone(next, timeZone)}.`,
          ...notes,
          `\`reminders pause ${reminder.id}\` · \`reminders delete ${reminder.id}\` · \`reminders\` lists them all.`,
        ].join('\n'),
      ),
    ];
  };

  const change = async (origin: Origin, action: ReminderAction, id: string): Promise<Reply[]> => {
    const workspace = workspaceKey(origin);
    const reminder = await deps.store.get(workspace, id);
    if (reminder === undefined) return [problem(`There is no reminder \`${id}\` in this workspace. Type \`reminders\` to see the ids.`)];
    const what = summary(reminder, origin);
    if (action === 'delete') {
      await deps.store.delete(workspace, id);
      deps.onChange?.();
      deps.logger.info({ reminder: id, workspace }, 'reminder deleted');
      return [info(`Deleted reminder \`${id}\` (${what}).`)];
    }
    const pause = action === 'pause';
    if (reminder.paused === pause) return [info(`Reminder \`${id}\` is already ${pause ? 'paused' : 'running'}.`)];
    await deps.store.setPaused(workspace, id, pause, deps.clock.now());
    deps.onChange?.();
    deps.logger.info({ reminder: id, workspace, paused: pause }, pause ? 'reminder paused' : 'reminder resumed');
    if (pause) return [info(`Paused reminder \`${id}\` (${what}). \`reminders resume ${id}\` starts it again.`)];
    const resumed = (await deps.store.get(workspace, id)) ?? reminder;
    return [info(`Resumed reminder \`${id}\` (${what}); ${nextRunWords({ ...resumed, paused: false }, deps.clock.now())}. Digests missed while it was paused are not sent.`)];
  };

  return {
    async command(origin: Origin, args: string): Promise<Reply[]> {
      try {
        const command = parseReminderCommand(args);
        if (command.type === 'help') return [reminderHelpReply(defaultZone)];
        if (command.type === 'list') return await list(origin);
        // Everything else changes reminders: refuse before pointing out mistakes in the command.
        if (!isCoordinator(origin, deps)) return [refusalReply(origin)];
        switch (command.type) {
          case 'error':
            return [problem(command.message)];
          case 'missing-id':
            return [problem(`Which reminder? Write \`reminders ${command.action} <id>\`; \`reminders\` lists the ids.`)];
        }
        return command.type === 'create' ? await create(origin, command) : await change(origin, command.type, command.id);
      } catch (error) {
        // Not a passing failure: the core tells the user nothing can be saved, and the bot stops.
        if (error instanceof DatabaseGoneError) throw error;
        deps.logger.error({ err: errorMessage(error), workspace: workspaceKey(origin) }, 'reminder command failed');
        return [problem('Sorry, reminders could not be read or saved just now. Please try again in a moment.')];
      }
    },
  };
};
