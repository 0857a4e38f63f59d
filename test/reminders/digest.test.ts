import { describe, expect, it } from 'vitest';
import type { AnswerPort } from '../../src/core/ports.js';
import type { AssessmentResult } from '../../src/core/assessment-store.js';
import { loadFrameworks } from '../../src/assessment/framework-loader.js';
import { createDigestBuilder } from '../../src/reminders/digest.js';
import { MemoryResultStore, MemorySessionStore } from '../../src/storage/memory-stores.js';
import { reminder } from './fixtures.js';

const { frameworks } = loadFrameworks('knowledge/frameworks');
const niace = frameworks.find((framework) => framework.id === 'niace-quick');
if (niace === undefined) throw new Error('niace-quick framework missing');

const searched: string[] = [];
const answers: AnswerPort = {
  answer: (question) => {
    searched.push(question);
    return {
      question, noAnswer: false, answer: 'Partnerships matter.', suggestions: [],
      sources: [{ source: '002_f3aad13fcfad5a6b.txt', title: 'The Learning City Toolkit', passage: '…', score: 3 }],
    };
  },
  topics: () => [],
};
const silent = { debug() {}, info() {}, warn() {}, error() {} };

const result = (overrides: Partial<AssessmentResult>): AssessmentResult => ({
  id: 'a1', workspace: 'console:local', platform: 'console', channelId: 'general', userId: 'U1', city: 'Leeds',
  frameworkId: 'niace-quick', completedAt: new Date('2025-01-06T10:00:00Z'), overallPercent: 40,
  components: [
    { id: 'partnership', label: 'Partnership', percent: 25, answered: 3, total: 3 },
    { id: 'participation', label: 'Participation', percent: 50, answered: 3, total: 3 },
    { id: 'performance', label: 'Performance', percent: 45, answered: 3, total: 3 },
  ],
  answers: {},
  ...overrides,
});

const build = () => {
  const results = new MemoryResultStore();
  const sessions = new MemorySessionStore();
  const buildDigest = createDigestBuilder({ results, sessions, frameworks, answers, logger: silent });
  return { results, sessions, buildDigest };
};

const now = new Date('2025-04-07T08:00:00Z');

describe('progress digest', () => {
  it('gives days since the last assessment, score and trend, weakest area with a cited step, and what is due', async () => {
    const { results, buildDigest } = build();
    await results.save(result({ id: 'old', completedAt: new Date('2024-10-01T10:00:00Z'), overallPercent: 30 }));
    await results.save(result({}));
    await results.save(result({ id: 'other-city', city: 'Cork', completedAt: new Date('2025-02-01T10:00:00Z') }));
    const [reply] = await buildDigest(reminder({ id: 'r7k2m' }), { slot: now, now });
    expect(reply?.text).toContain('*Progress reminder: Leeds*');
    expect(reply?.text).toContain('Last assessment: *NIACE Learning City Toolkit – quick check* on 6 January, 90 days ago.');
    expect(reply?.text).toContain('Overall score: *40%* (+10 since 1 October 2024: 30% → 40%).');
    expect(reply?.text).toContain('Weakest area: *Partnership* at 25% in NIACE Learning City Toolkit – quick check (6 January).');
    expect(reply?.text).toContain('Next step: Map who already offers learning');
    expect(reply?.text).toContain('Related reading: The Learning City - Toolkit (002_f3aad13fcfad5a6b.txt) says “It develops partnerships to stimulate and respond to the demand for learning.”');
    expect(reply?.text).not.toContain('Source:');
    expect(reply?.citations).toBeUndefined();
    expect(reply?.text).toContain('A new assessment is due (the last one was 90 days ago): type `assess niace-quick for Leeds`');
    expect(reply?.text).toContain('`reminders pause r7k2m`');
    expect(reply?.choices).toEqual([{ label: 'Start NIACE Learning City Toolkit – quick check', value: 'assess:begin:niace-quick', style: 'primary' }]);
  });

  it('names the frameworks in use at each digest, as they are after a reload', async () => {
    const results = new MemoryResultStore();
    const live = [...frameworks];
    const buildDigest = createDigestBuilder({ results, sessions: new MemorySessionStore(), frameworks: live, answers, logger: silent });
    await results.save(result({}));
    expect((await buildDigest(reminder({}), { slot: now, now }))[0]?.text).toContain('*NIACE Learning City Toolkit – quick check* on 6 January');
    // The frameworks folder changed: the same list, its NIACE entry renamed.
    live.splice(live.indexOf(niace), 1, { ...niace, name: 'NIACE quick check, revised' });
    const [reply] = await buildDigest(reminder({}), { slot: now, now });
    expect(reply?.text).toContain('Last assessment: *NIACE quick check, revised* on 6 January');
    expect(reply?.choices).toEqual([{ label: 'Start NIACE quick check, revised', value: 'assess:begin:niace-quick', style: 'primary' }]);
  });

  it('lists unfinished assessments in the workspace only', async () => {
    const { results, sessions, buildDigest } = build();
    await results.save(result({ completedAt: new Date('2025-03-20T10:00:00Z') }));
    const started = { state: {}, startedAt: new Date('2025-04-01T09:00:00Z'), updatedAt: new Date('2025-04-02T09:00:00Z') };
    await sessions.put({ workspace: 'console:local', conversation: 'console:local:general', userId: 'U2' }, { ...started, frameworkId: 'niace-quick', city: 'Leeds' });
    await sessions.put({ workspace: 'console:local', conversation: 'console:local:other', userId: 'U3' }, { ...started, frameworkId: '', city: '' });
    await sessions.put({ workspace: 'slack:T1', conversation: 'slack:T1:C1', userId: 'U4' }, { ...started, frameworkId: 'niace-quick', city: 'Hidden' });
    const text = (await buildDigest(reminder(), { slot: now, now }))[0]?.text ?? '';
    expect(text).toContain('Started but not finished: 2.');
    expect(text).toContain('NIACE Learning City Toolkit – quick check, Leeds: started 1 April, last answer 2 April');
    expect(text).toContain('framework not chosen yet, city not chosen yet');
    expect(text).not.toContain('Hidden');
    expect(text).toContain('Next assessment due around 18 June');
    expect(text).toContain('first result, so no trend yet');
  });

  it('names the weakest area across the city’s latest result in each framework, with the framework', async () => {
    const { results, buildDigest } = build();
    const kf = frameworks.find((framework) => framework.id === 'unesco-key-features');
    await results.save(result({
      id: 'kf', frameworkId: 'unesco-key-features', completedAt: new Date('2024-12-01T10:00:00Z'), overallPercent: 40,
      components: (kf?.components ?? []).map((c, i) => ({ id: c.id, label: c.label, percent: i === 9 ? 12.5 : 50, answered: 2, total: 2 })),
    }));
    // An older Key Features result with an even lower area no longer counts: only the latest per framework.
    await results.save(result({
      id: 'kf-old', frameworkId: 'unesco-key-features', completedAt: new Date('2024-06-01T10:00:00Z'),
      components: [{ id: 'governance', label: 'Governance and participation of all stakeholders', percent: 0, answered: 2, total: 2 }],
    }));
    await results.save(result({}));
    const text = (await buildDigest(reminder(), { slot: now, now }))[0]?.text ?? '';
    expect(text).toContain('Last assessment: *NIACE Learning City Toolkit – quick check* on 6 January');
    expect(text).toContain('Weakest area: *Strong political will and commitment* at 13% in UNESCO Key Features of Learning Cities (1 December 2024).');
    expect(text).toContain('Next step: Ask the council leadership to sign a public commitment to lifelong learning');
  });

  it('handles a workspace with no assessment yet', async () => {
    const { buildDigest } = build();
    const { city: _city, ...noCity } = reminder();
    const [reply] = await buildDigest(noCity, { slot: now, now });
    expect(reply?.text).toContain('No assessment has been completed in this workspace yet.');
    expect(reply?.text).toContain('No assessments are waiting to be finished.');
    expect(reply?.text).toMatch(/type `assess [a-z-]+ for <city>`/);
    expect(reply?.choices).toHaveLength(1);
  });

  it('follows the city assessed most recently when the reminder names none, and says when it is late', async () => {
    const { results, buildDigest } = build();
    await results.save(result({ city: 'Cork', completedAt: new Date('2025-04-01T10:00:00Z') }));
    const { city: _city, ...noCity } = reminder();
    const text = (await buildDigest(noCity, { slot: new Date('2025-04-06T08:00:00Z'), now }))[0]?.text ?? '';
    expect(text).toContain('*Progress reminder: Cork*');
    expect(text).toContain('This reminder was due Sun 6 Apr 2025, 09:00 BST; it is sent late because the bot was offline.');
  });

  it('names a city with no results of its own', async () => {
    const { results, buildDigest } = build();
    await results.save(result({ city: 'Cork' }));
    const text = (await buildDigest(reminder({ city: 'Bristol' }), { slot: now, now }))[0]?.text ?? '';
    expect(text).toContain('*Bristol* has no completed assessment in this workspace yet.');
    expect(text).toContain('for Bristol`');
  });
});
