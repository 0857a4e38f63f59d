import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/app.js';
import { silentLogger } from '../../../src/core/ports.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { startConsoleSession, type ConsoleSession } from '../../reminders/console-session.js';

/** The real core on a real SQLite file, typed at through the real console adapter. */
const open = async (at: { now: Date }): Promise<{ core: Core; session: ConsoleSession; dir: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-console-transcript-'));
  const core = await createCore({ knowledgeDir: copyKnowledge(), databasePath: join(dir, 'bot.db'), logger: silentLogger, clock: { now: () => new Date(at.now) } });
  const session = startConsoleSession(core.bot, join(dir, 'data', 'charts'), 'coordinator');
  return { core, session, dir };
};

let opened: { core: Core; session: ConsoleSession } | undefined;
afterEach(async () => {
  await opened?.session.close();
  await opened?.core.close();
  opened = undefined;
});

/** Types each line, waiting for the pattern that follows it; returns what each line printed. */
const typeAll = async (session: ConsoleSession, steps: Array<[string, RegExp]>): Promise<string[]> => {
  const printed: string[] = [];
  for (const [line, until] of steps) printed.push(await session.type(line, until));
  return printed;
};

/** The console has no buttons and no code blocks: nothing it prints may speak of them. */
const expectTypedWording = (output: string): void => {
  expect(output).not.toContain('```');
  expect(output).not.toMatch(/button|press /iu);
};

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('console transcripts, one per framework', () => {
  it('NIACE quick check for Brackley: everyday words, confirmation, not sure, a question, progress, cancel kept, results and export', async () => {
    const at = { now: new Date('2025-03-05T10:00:00Z') };
    const { core, session, dir } = await open(at);
    opened = { core, session };
    const [start = '', yes = '', no = '', gettingStarted = '', notSure = '', advanced = '', question = '', progress = '', cancel = '', kept = '', partly = ''] = await typeAll(session, [
      ['assess niace for Brackley', /Question 1 of 9[\s\S]*question <n>/u],
      ['yes', /yes \/ no[\s\S]*the level you mean\./u],
      ['no', /Question 1 of 9[\s\S]*question <n>/u],
      ["we're just getting started really", /Question 2 of 9[\s\S]*question <n>/u],
      ['not sure', /Question 3 of 9[\s\S]*question <n>/u],
      ['advanced', /Question 4 of 9[\s\S]*question <n>/u],
      ['what does political will mean here?', /Back to the assessment:[\s\S]*Question 4 of 9[\s\S]*question <n>/u],
      ['progress', /Question 4 of 9[\s\S]*question <n>/u],
      ['cancel', /keeps every answer\.\)/u],
      ['no', /Question 4 of 9[\s\S]*question <n>/u],
      ['partly', /the level you mean\./u],
    ]);
    expect(start).toContain('Starting NIACE Learning City Toolkit – quick check for Brackley: 9 questions, one at a time.');
    expect(start).toContain('Answer by typing a number or a level name; `skip`, `back`, `progress`, `stop` (pause and come back later) and `cancel` work at any time.');
    expect(start).toContain('0 · Not yet: No learning partnership exists; providers work on their own.');
    expect(start).toContain('1 · Getting organised: Potential partners have been identified and first meetings are happening.');
    expect(yes).toContain('You said “yes”. Do you mean 3 · Cycles of learning for question 1? yes / no');
    expect(no).toContain('Not recorded. Choose the level that fits.');
    expect(gettingStarted).toContain('Noted: 1 Getting organised.');
    expect(notSure).toContain('Skipped question 2, since you are not sure. To come back to it, type `question 2` any time before the last answer (or `back` now); `progress` lists what is open.');
    expect(advanced).toContain('Noted: 3 Cycles of learning.');
    // The question is answered from the documents, with sources, and the assessment question follows.
    // From the section "How to build learning cities? Political will and commitment".
    expect(question).toContain('The first sentence of the Charter for Learning Cities');
    expect(question).toMatch(/Sources:\n {2}1\. /u);
    expect(question).not.toContain('did not catch');
    expect(question.indexOf('Sources:')).toBeLessThan(question.indexOf('Back to the assessment:'));
    expect(progress).toContain('Progress: 2 of 9 answered, 1 skipped, 6 to go.');
    expect(progress).toContain('• Partnership: 2 of 3 answered, skipped question 2');
    expect(progress).toContain('• Participation: 0 of 3 answered, 3 to go');
    expect(cancel).toContain('Discard NIACE Learning City Toolkit – quick check for Brackley? 2 answers would be lost. yes / no');
    expect(kept).toContain('Kept: nothing was discarded.');
    expect(partly).toContain('Do you mean 2 · Towards a shared understanding for question 4? yes / no');

    const [, , , , , , , back = '', , summary = ''] = await typeAll(session, [
      ['yes', /Question 5 of 9[\s\S]*question <n>/u],
      ['3', /Question 6 of 9[\s\S]*question <n>/u],
      ['developing', /Question 7 of 9[\s\S]*question <n>/u],
      ['0', /Question 8 of 9[\s\S]*question <n>/u],
      ['two', /Question 9 of 9[\s\S]*question <n>/u],
      ['question 2', /Question 2 of 9[\s\S]*question <n>/u],
      ['Cycles of learning', /Question 9 of 9[\s\S]*question <n>/u],
      ['back', /Question 8 of 9[\s\S]*question <n>/u],
      ['2', /Question 9 of 9[\s\S]*question <n>/u],
      ['level 1', /Chart saved to/u],
    ]);
    expect(back).toContain('Your earlier answer: 2 Towards a shared understanding.');
    // Partnership 1, 3, 3 -> 7/9; Participation 2, 3, 2 -> 7/9; Performance 0, 2, 1 -> 3/9; overall 17/27 = 63%.
    expect(summary).toContain('NIACE Learning City Toolkit – quick check: Brackley\n5 March 2025 · overall 63% (9 of 9 questions answered)\nPartnership    ████████░░  78%\nParticipation  ████████░░  78%\nPerformance    ███░░░░░░░  33%\nScale: 0 Not yet');
    expect(summary).toContain('Scoring: only Not yet counts 0%; 1 counts 33%, 2 counts 67%, 3 counts 100%.');
    expect(summary).toContain('Strengths: Partnership 78%, Participation 78%');
    expect(summary).toContain('• Performance 33%');
    expect(summary).toContain('     Related reading: Learning cities and learning communities: Working Towards a Learning City Standard for Birmingham, July 2004 (004_6902f669163cce03.txt) says “One challenge was to establish a set of criteria');
    const chartPath = /Chart saved to (\S+\.png)/u.exec(summary)?.[1] ?? '';
    expect(chartPath).toMatch(/assessment-niace-quick-brackley\.png$/u);
    expect(readFileSync(chartPath).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(modeOf(chartPath)).toBe(0o600);

    const [results = '', exported = '', empty = ''] = await typeAll(session, [
      ['results Brakley', /Did you mean/u],
      ['export', /Saved to/u],
      ['', /just ask a question\./u],
    ]);
    expect(results).toContain('No saved assessments for Brakley in this workspace yet. Did you mean Brackley? Type `results Brackley`.');
    const csvPath = /Saved to (\S+\.csv)/u.exec(exported)?.[1] ?? '';
    expect(csvPath).toBe(join(dir, 'data', 'exports', 'local-2025-03-05.csv'));
    expect(readFileSync(csvPath, 'utf8').split('\n')[0]).toMatch(/^result_id,completed_at,city,/u);
    expect(readFileSync(csvPath, 'utf8')).toContain(',Brackley,niace-quick,');
    expect(modeOf(csvPath)).toBe(0o600);
    expect(modeOf(join(dir, 'data', 'exports'))).toBe(0o700);
    expect(exported).not.toContain('result_id');
    expect(empty.trim()).toBe('Type `help` to see what I can do, or just ask a question.');
    expectTypedWording(session.output());
  });

  it('building blocks for 北京, twice in one day: a hashed file name and "earlier today"', async () => {
    const at = { now: new Date('2025-03-05T09:00:00Z') };
    const { core, session, dir } = await open(at);
    opened = { core, session };
    // At "Do you mean 2 · Developing?" a typed 2 is the level, not the second of the yes / no choices.
    const answers = ['yes', 'yes', 'no', 'just getting started', '2', 'developing', 'partly', '2', 'skip', "don't know", 'advanced', '3', 'established', '1', '0', '2', '3'];
    await session.type('assess building blocks for 北京', /Question 1 of 16/u);
    for (const answer of answers) await session.type(answer, /question <n>|the level you mean\./u);
    const first = await session.type('1', /Chart saved to/u);
    // Political will 3, 0; Partnership 1, 2; Needs 2, 2; Opportunities skipped; Organisations 3, 3; Wealth 3, 1; HE 0, 2; Celebrating 3, 1.
    expect(first).toContain('UNESCO – how to build learning cities (eight building blocks): 北京\n5 March 2025 · overall 62% (14 of 16 questions answered)');
    expect(first).toContain('Strengths: All stakeholders as learning organisations 100%');
    expect(first).toContain('• Involving higher education institutions 33%');
    expect(first).toContain('• Political will and commitment 50%');
    expect(first).toContain('Not scored (all questions skipped): Increasing learning opportunities.');
    expect(first).toMatch(/Chart saved to \S+assessment-unesco-building-blocks-city-[0-9a-f]{8}\.png/u);

    at.now = new Date('2025-03-05T11:30:00Z');
    await session.type('assess building blocks for 北京', /Question 1 of 16/u);
    for (let i = 0; i < 15; i++) await session.type('2', /question <n>/u);
    const second = await session.type('2', /Chart saved to/u);
    expect(second).toContain('Since earlier today, 09:00 UTC: overall +5, Political will and commitment +17');
    const charts = readdirSync(join(dir, 'data', 'charts'));
    expect(charts).toHaveLength(2);
    expect(new Set(charts.map((name) => name.replace(/^.*-(assessment-)/u, '$1')))).toEqual(new Set([expect.stringMatching(/city-[0-9a-f]{8}\.png$/u)]));
    expectTypedWording(session.output());
  });

  it('Key Features for Leeds: level names and everyday words, grouped by tier with subtotals', async () => {
    const at = { now: new Date('2025-03-05T10:00:00Z') };
    const { core, session } = await open(at);
    opened = { core, session };
    const words = ['not yet', 'first steps', 'developing', 'established', 'embedded and reviewed', 'advanced'];
    await session.type('assess key features for Leeds', /Question 1 of 24/u);
    for (let i = 0; i < 23; i++) await session.type(words[i % words.length] ?? '2', /question <n>/u);
    const summary = await session.type(words[23 % words.length] ?? '2', /Chart saved to/u);
    // Each tier repeats the pattern 12.5%, 62.5%, 100%: every subtotal is 58%.
    expect(summary).toContain('Wider benefits (tier subtotal) 58%\n█░░░░░░░░░  13%  Individual empowerment and social cohesion');
    expect(summary).toContain('Major building blocks (tier subtotal) 58%');
    expect(summary).toContain('Fundamental conditions (tier subtotal) 58%');
    expect(summary).toContain('Scale: 0 Not yet · 1 First steps · 2 Developing · 3 Established · 4 Embedded and reviewed. Scoring: only Not yet counts 0%; 1 counts 25%, 2 counts 50%, 3 counts 75%, 4 counts 100%.');
    expect(summary).toContain('Strengths: Sustainable development 100%, Effective learning for and in the workplace 100%, A vibrant culture of learning throughout life 100%, Mobilisation and utilisation of resources 100%');
    expect(summary).toContain('• Extended use of modern learning technologies 13%');
    expectTypedWording(session.output());
  });

  it('a question in the middle of an assessment carries on with `more`, and the assessment with it', async () => {
    const at = { now: new Date('2025-03-05T10:00:00Z') };
    const { core, session } = await open(at);
    opened = { core, session };
    // A question asked before the assessment is not what `more` goes on from during it.
    await session.type('what is a learning festival?', /Sources:/u);
    at.now = new Date('2025-03-05T10:01:00Z');
    await session.type('assess niace for Brackley', /Question 1 of 9[\s\S]*question <n>/u);
    at.now = new Date('2025-03-05T10:02:00Z');
    // Nothing asked yet: `more` says so, and the assessment question follows.
    const early = await session.type('more', /Back to the assessment:[\s\S]*Question 1 of 9[\s\S]*question <n>/u);
    expect(early).toContain('Ask a question first');
    const question = await session.type('what is a learning city?', /Back to the assessment:[\s\S]*Question 1 of 9[\s\S]*question <n>/u);
    expect(question).toMatch(/Sources:\n {2}1\. /u);
    const more = await session.type('tell me more', /Back to the assessment:[\s\S]*Question 1 of 9[\s\S]*question <n>/u);
    expect(more).toContain('More on “what is a learning city?”:');
    expect(more).not.toContain('did not catch');
    expect(more.indexOf('More on')).toBeLessThan(more.indexOf('Back to the assessment:'));
    // A level still answers.
    expect(await session.type('2', /Question 2 of 9[\s\S]*question <n>/u)).toContain('Noted: 2');
    await session.type('stop', /paused|Paused/u);
    // Once the assessment is paused, `more` goes on from the question asked during it.
    const after = await session.type('more', /More on “what is a learning city\?”:|That is all the documents say/u);
    expect(after).not.toContain('Ask a question first');
    // "continue" stays the assessment's own word.
    expect(await session.type('continue', /Question 2 of 9[\s\S]*question <n>/u)).toContain('Welcome back: 1 of 9 answered.');
    expectTypedWording(session.output());
  });
});
