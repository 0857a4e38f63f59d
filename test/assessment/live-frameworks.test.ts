import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/app.js';
import { LiveFrameworks } from '../../src/assessment/live-frameworks.js';
import type { Logger } from '../../src/core/ports.js';
import { silentLogger } from '../../src/core/ports.js';
import { projectRoot } from '../../src/knowledge/default-paths.js';
import { consoleOrigin } from '../support/fake-chat.js';
import { copyKnowledge } from '../support/knowledge.js';

const recordingLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  const record = (level: string) => (obj: object, msg?: string) => void lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)}`);
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
};

const NIACE = readFileSync(join(projectRoot, 'knowledge', 'frameworks', 'niace-quick.yaml'), 'utf8');
/** The NIACE quick check under another id and name: a framework file a coordinator might add. */
const copyOfNiace = (id: string, name: string): string =>
  NIACE.replace(/^id: niace-quick$/mu, `id: ${id}`).replace(/^name: .*$/mu, `name: ${name}`).replace(/^aliases: .*$/mu, `aliases: [${id}]`);

const folders: string[] = [];
const frameworksFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-frameworks-'));
  folders.push(dir);
  writeFileSync(join(dir, 'niace-quick.yaml'), NIACE);
  return dir;
};

const opened: Array<LiveFrameworks | Core> = [];
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('frameworks that follow their folder', () => {
  it('adds a new file, keeps the version read before when a file is saved with an error, and drops a removed file', () => {
    const dir = frameworksFolder();
    const logger = recordingLogger();
    const live = LiveFrameworks.open(dir, { logger });
    const list = live.list;
    expect(list.map((f) => f.id)).toEqual(['niace-quick']);

    writeFileSync(join(dir, 'riverton.yaml'), copyOfNiace('riverton-check', 'Riverton check'));
    expect(live.reload()).toEqual({ ids: ['niace-quick', 'riverton-check'], errors: [], kept: [] });
    // The same array: every service holding it sees the new framework.
    expect(live.list).toBe(list);
    expect(list.map((f) => f.name)).toEqual(['NIACE Learning City Toolkit – quick check', 'Riverton check']);

    // Saved half-way through an edit: the framework stays as it was, and the log says why.
    writeFileSync(join(dir, 'riverton.yaml'), copyOfNiace('riverton-check', 'Riverton check').replace(/^scale:/mu, 'scale: [oops'));
    const broken = live.reload();
    expect(broken.kept).toEqual(['riverton-check']);
    expect(list.map((f) => f.id)).toEqual(['niace-quick', 'riverton-check']);
    expect(logger.lines.some((line) => line.startsWith('warn framework not reloaded, “riverton-check” stays as read before: ') && line.includes('riverton.yaml'))).toBe(true);

    // A copy about to be edited, whose name sorts first, does not take the framework's id from its file.
    writeFileSync(join(dir, 'a-copy.yaml'), NIACE.replace(/^name: .*$/mu, 'name: Leeds draft'));
    const copied = live.reload();
    expect(copied.ids).toEqual(['niace-quick', 'riverton-check']);
    expect(list.find((f) => f.id === 'niace-quick')?.name).toBe('NIACE Learning City Toolkit – quick check');
    expect(logger.lines.some((line) => line.includes('a-copy.yaml') && line.includes('id "niace-quick" is already used by niace-quick.yaml'))).toBe(true);
    // The original saved with an error while the copy is there: the original's earlier version stays,
    // and once it is fixed it is read again; the copy never takes over.
    writeFileSync(join(dir, 'niace-quick.yaml'), 'id: [');
    expect(live.reload().kept).toEqual(['niace-quick', 'riverton-check']);
    expect(list.find((f) => f.id === 'niace-quick')?.name).toBe('NIACE Learning City Toolkit – quick check');
    writeFileSync(join(dir, 'niace-quick.yaml'), NIACE.replace(/^name: .*$/mu, 'name: NIACE, fixed'));
    live.reload();
    expect(list.find((f) => f.id === 'niace-quick')?.name).toBe('NIACE, fixed');
    // At a fresh start, of the two, the file named after the id is read.
    expect(LiveFrameworks.open(dir).list.find((f) => f.id === 'niace-quick')?.name).toBe('NIACE, fixed');
    writeFileSync(join(dir, 'niace-quick.yaml'), NIACE);
    live.reload();
    rmSync(join(dir, 'a-copy.yaml'));

    rmSync(join(dir, 'riverton.yaml'));
    expect(live.reload().ids).toEqual(['niace-quick']);
    expect(list.map((f) => f.id)).toEqual(['niace-quick']);
    // A new file with an error was never read: it is skipped, as at start.
    writeFileSync(join(dir, 'bad.yaml'), 'id: [');
    expect(live.reload()).toMatchObject({ ids: ['niace-quick'], kept: [] });
    expect(logger.lines.at(-1)).toMatch(/^warn framework skipped: .*bad\.yaml/u);

    // The folder itself gone (moved aside during a deploy): nothing is dropped.
    const aside = `${dir}-aside`;
    folders.push(aside);
    renameSync(dir, aside);
    expect(live.reload().ids).toEqual(['niace-quick']);
    expect(list.map((f) => f.id)).toEqual(['niace-quick']);
    expect(logger.lines.at(-1)).toMatch(/^error frameworks folder not read, the frameworks read before stay in use: /u);
  });

  it('a running core offers a framework saved into its folder, and stops offering one removed, without a restart', async () => {
    const knowledgeDir = copyKnowledge();
    folders.push(knowledgeDir);
    const dataDir = mkdtempSync(join(tmpdir(), 'lc-frameworks-core-'));
    folders.push(dataDir);
    const core = await createCore({ knowledgeDir, databasePath: join(dataDir, 'bot.db'), logger: silentLogger, watchKnowledge: true, knowledgeReloadMs: 50 });
    opened.push(core);
    const say = async (text: string, userId = 'U1'): Promise<string> =>
      (await core.bot.handle({ type: 'message', origin: consoleOrigin({ userId }), text })).map((reply) => reply.text).join('\n');
    expect(await say('frameworks')).not.toContain('Riverton check');

    const added = core.liveFrameworks.nextReload();
    writeFileSync(join(knowledgeDir, 'frameworks', 'riverton.yaml'), copyOfNiace('riverton-check', 'Riverton check'));
    expect((await added).ids).toContain('riverton-check');
    expect(await say('frameworks')).toContain('Riverton check');
    expect(await say('assess riverton-check for Riverton')).toContain('Starting *Riverton check* for *Riverton*');
    expect(await say('2')).toContain('Question 2 of 9');

    // Removed while someone is half-way through it: the assessment waits, paused, with its answer.
    const removed = core.liveFrameworks.nextReload();
    rmSync(join(knowledgeDir, 'frameworks', 'riverton.yaml'));
    expect((await removed).ids).not.toContain('riverton-check');
    expect(await say('frameworks')).not.toContain('Riverton check');
    expect(await say('2')).toBe(
      'The framework “riverton-check” is no longer available, so this assessment is paused with its 1 answer kept. It goes on from where it stopped if the framework comes back (`assess resume`); `assess cancel` discards it.',
    );
    // Meanwhile questions are answered as usual, and a number gets the same notice.
    expect(await say('what is a learning city?')).toContain('learning');
    expect(await say('3')).toContain('is paused with its 1 answer kept');

    // The file comes back (a deploy finished): the assessment goes on at question 2.
    const back = core.liveFrameworks.nextReload();
    writeFileSync(join(knowledgeDir, 'frameworks', 'riverton.yaml'), copyOfNiace('riverton-check', 'Riverton check'));
    expect((await back).ids).toContain('riverton-check');
    expect(await say('assess resume')).toContain('Question 2 of 9');
    expect(await say('3')).toContain('Question 3 of 9');
  });

  it('with no frameworks folder at start, `assess` says there is nothing to assess with, and a folder added later is read', async () => {
    const knowledgeDir = copyKnowledge();
    folders.push(knowledgeDir);
    rmSync(join(knowledgeDir, 'frameworks'), { recursive: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'lc-frameworks-none-'));
    folders.push(dataDir);
    const core = await createCore({ knowledgeDir, databasePath: join(dataDir, 'bot.db'), logger: silentLogger, watchKnowledge: true, knowledgeReloadMs: 50 });
    opened.push(core);
    const say = async (text: string): Promise<string> =>
      (await core.bot.handle({ type: 'message', origin: consoleOrigin({ channelId: 'none' }), text })).map((reply) => reply.text).join('\n');
    const nothing = 'No assessment frameworks are loaded, so there is nothing to assess with yet: whoever runs the bot adds them to `knowledge/frameworks/`.';
    expect(await say('assess')).toBe(nothing);
    expect(await say('assess niace for Leeds')).toBe(nothing);
    // Nothing was started: a number is not taken for a pick.
    expect(await core.assessments.hasActive(consoleOrigin({ channelId: 'none' }))).toBe(false);

    const added = core.liveFrameworks.nextReload();
    writeFileSync(join(knowledgeDir, 'frameworks', 'niace-quick.yaml'), NIACE);
    expect((await added).ids).toEqual(['niace-quick']);
    expect(await say('assess niace for Leeds')).toContain('Question 1 of 9');
  });
});
