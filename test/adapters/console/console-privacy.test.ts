import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { startConsoleSession, type ConsoleSession } from '../../reminders/console-session.js';
import { seedUser } from '../../privacy/seed.js';
import { sqliteRows } from '../../privacy/table-scan.js';

const USER = 'ada-lovelace';
const seededAt = new Date('2026-03-01T09:00:00.000Z');
const knowledgeDir = copyKnowledge();

/** The real core on a real SQLite file, with data in the console workspace and two others, typed at through the real console. */
const open = async (at: { now: Date }, options: { isAdmin?: boolean } = {}): Promise<{ core: Core; session: ConsoleSession; path: string }> => {
  const path = join(mkdtempSync(join(tmpdir(), 'lc-console-privacy-')), 'bot.db');
  const core = await createCore({ knowledgeDir, databasePath: path, logger: silentLogger, clock: { now: () => new Date(at.now) } });
  const local = { platform: 'console' as const, workspaceId: 'local', channelId: 'terminal' };
  await seedUser(core.stores, local, USER, 'mine', seededAt);
  await seedUser(core.stores, local, 'grace-hopper', 'colleague', seededAt);
  await seedUser(core.stores, { platform: 'slack', workspaceId: 'TKEEP', channelId: 'C1' }, USER, 'slack', seededAt);
  await seedUser(core.stores, { platform: 'discord', workspaceId: '840000000000000001', channelId: '840000000000000011' }, 'UDISCORD', 'discord', seededAt);
  const session = startConsoleSession(core.bot, join(path, '..', 'charts'), USER, options);
  return { core, session, path };
};

let opened: { core: Core; session: ConsoleSession } | undefined;
afterEach(async () => {
  await opened?.session.close();
  await opened?.core.close();
  opened = undefined;
});

/** Rows of the console workspace's user, and rows outside the console workspace. */
const mine = (rows: string[]): string[] => rows.filter((row) => row.includes(USER) && row.includes('console:local'));
const outside = (rows: string[]): string[] => rows.filter((row) => !row.includes('console:local'));

/** The console has no buttons: nothing it prints may speak of them, or number the two choices. */
const expectTyped = (output: string): void => {
  expect(output).not.toMatch(/button|press /iu);
  expect(output).not.toContain('[1]');
};

describe('console: forget me', () => {
  it('asks first; `cancel`, a `yes` that is not the next line and an expired `yes` delete nothing; `yes` deletes', async () => {
    const at = { now: new Date('2026-03-05T10:00:00.000Z') };
    const { core, session, path } = await open(at);
    opened = { core, session };
    const before = sqliteRows(path);
    expect(mine(before)).toHaveLength(8);

    const prompt = await session.type('forget me', /Type `yes` to go ahead, or `cancel`\./u);
    expect(prompt).toContain('Forget me: this deletes what the bot keeps about you in this workspace:');
    expect(prompt).toContain('your name and id on assessments you completed: the results stay for the city, marked anonymous');
    expectTyped(prompt);
    expect(await session.type('cancel', /\n\n/u)).toContain('Cancelled: nothing was deleted.');
    expect(sqliteRows(path)).toEqual(before);
    // "no" is read as cancel; before, it got "Please ask a question in words".
    await session.type('forget me', /Type `yes` to go ahead, or `cancel`\./u);
    expect(await session.type('no', /\n\n/u)).toContain('Cancelled: nothing was deleted.');
    expect(sqliteRows(path)).toEqual(before);

    await session.type('forget me', /or `cancel`\./u);
    await session.type('what is a learning city?', /Sources:/u);
    // `yes` counts only on the line right after the question: now it is just a question.
    expect(await session.type('yes', /\n\n/u)).not.toContain('Done');
    expect(sqliteRows(path)).toEqual(before);

    await session.type('forget me', /or `cancel`\./u);
    at.now = new Date(at.now.getTime() + 16 * 60_000);
    expect(await session.type('yes', /\n\n/u)).toContain('That confirmation has expired, so nothing was deleted.');
    expect(sqliteRows(path)).toEqual(before);

    await session.type('forget me', /or `cancel`\./u);
    const done = await session.type('yes', /any more\./u);
    expect(done).toContain('Done: deleted 1 assessment in progress, 1 feedback vote, 2 reminders, 1 set of answers to a city-wide round. 1 completed assessment stays for the city, marked anonymous. 1 document you added stays for the workspace, marked anonymous. 1 city-wide round you opened stays, marked anonymous.');
    const after = sqliteRows(path);
    expect(mine(after)).toEqual([]);
    // The Slack workspace is another council's: the same id there is untouched.
    expect(outside(after)).toEqual(outside(before));
    expect(after.filter((row) => row.includes('grace-hopper'))).toEqual(before.filter((row) => row.includes('grace-hopper') && !row.includes(USER)));
  });
});

describe('console: export', () => {
  it('writes the results and everything else stored about the workspace, one CSV per table, and nothing of other workspaces', async () => {
    const at = { now: new Date('2026-03-05T10:00:00.000Z') };
    const { core, session, path } = await open(at);
    opened = { core, session };
    const printed = await session.type('export', /Feedback votes in this workspace: 2\.[\s\S]*Saved to/u);
    expect(printed).toContain('Assessment results for this workspace: 2 results');
    expect(printed).toContain('Assessments in progress in this workspace: 2.');
    expect(printed).toContain('Reminders in this workspace: 4.');
    const dir = join(path, '..', 'exports');
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['local-2026-03-05-feedback.csv', 'local-2026-03-05-reminders.csv', 'local-2026-03-05-sessions.csv', 'local-2026-03-05.csv']);
    const read = (name: string) => readFileSync(join(dir, name), 'utf8').split('\n');
    expect(read('local-2026-03-05-sessions.csv')[0]).toBe('conversation,user_id,framework_id,city,started_at,updated_at,state_json');
    expect(read('local-2026-03-05-sessions.csv').filter((line) => line.includes(USER))).toHaveLength(1);
    expect(read('local-2026-03-05-reminders.csv')).toContain(
      `mine-own,terminal,,Leeds,"{""kind"":""cron"",""expr"":""0 9 * * *""}",Europe/London,${USER},2026-03-01T09:00:00.000Z,2026-03-01T09:00:00.000Z,no,2026-03-01T09:01:00.000Z`,
    );
    expect(read('local-2026-03-05-feedback.csv')).toEqual(['user_id,answer_key,helpful,at', `grace-hopper,colleague-answer,yes,2026-03-01T09:00:00.000Z`, `${USER},mine-answer,yes,2026-03-01T09:00:00.000Z`]);
    const everything = files.map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
    expect(everything).not.toMatch(/TKEEP|UDISCORD|slack-|discord-/u);
  });
});

describe('console: delete workspace data', () => {
  it('asks an admin to type the workspace’s name; `cancel` and a wrong name delete nothing; the name deletes this workspace only', async () => {
    const at = { now: new Date('2026-03-05T10:00:00.000Z') };
    const { core, session, path } = await open(at);
    opened = { core, session };
    const before = sqliteRows(path);

    const prompt = await session.type('delete workspace data', /Type `delete local` to go ahead, or `cancel`\./u);
    expect(prompt).toContain('Delete workspace data: this deletes everything the bot keeps for `local` (`console:local`):');
    expectTyped(prompt);
    expect(await session.type('cancel', /\n\n/u)).toContain('Cancelled: nothing was deleted.');
    await session.type('delete workspace data', /or `cancel`\./u);
    expect(await session.type('delete TKEEP', /\n\n/u)).toContain('`delete TKEEP` does not name this workspace, so nothing was deleted.');
    expect(sqliteRows(path)).toEqual(before);

    const done = await session.type('delete local', /from this workspace\./u);
    expect(done).toContain('Done: deleted 2 assessment results, 2 assessments in progress, 2 feedback votes, 4 reminders, 2 documents added from chat, 2 city-wide rounds from this workspace.');
    const after = sqliteRows(path);
    expect(after.filter((row) => row.includes('console:local'))).toEqual([]);
    expect(after).toEqual(outside(before));
    // An export now says there is nothing, with no empty files.
    const exported = await session.type('export', /are stored for this workspace\./u);
    expect(exported).toContain('No saved assessments in this workspace yet, so there are no results to export.');
    expect(exported).toContain('No assessments in progress, reminders or feedback votes are stored for this workspace.');
    expect(exported).not.toContain('Saved to');
  });

  it('refuses someone who is not an admin, both the request and the typed confirmation', async () => {
    const at = { now: new Date('2026-03-05T10:00:00.000Z') };
    const { core, session, path } = await open(at, { isAdmin: false });
    opened = { core, session };
    const before = sqliteRows(path);
    const refused = await session.type('delete workspace data', /Nothing was deleted\./u);
    expect(refused).toContain('Only a workspace admin can delete this workspace’s data');
    expect(refused).toContain(`\`console:local:${USER}\``);
    expect(await session.type('delete local', /Nothing was deleted\./u)).toContain('Only a workspace admin can delete this workspace’s data');
    expect(sqliteRows(path)).toEqual(before);
  });
});
