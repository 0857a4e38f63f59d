import { describe, expect, it } from 'vitest';
import type { AnswerPort } from '../../src/core/ports.js';
import { buildFeedback, rankComponents, scoreAnswers } from '../../src/assessment/scoring.js';
import { fakeAnswers, frameworkById } from './fakes.js';

const percents = (score: ReturnType<typeof scoreAnswers>) => Object.fromEntries(score.components.map((c) => [c.id, c.percent]));

describe('scoring', () => {
  it('NIACE (scale 1-3): fraction = (value - 1) / 2, skipped questions left out', () => {
    const niace = frameworkById('niace-quick');
    const score = scoreAnswers(niace, {
      'partnership-body': 3, 'partnership-strategy': 3, 'partnership-review': 2,
      'participation-voice': 1, 'participation-reach': 1, 'participation-civic': null,
      'performance-internal': null, 'performance-benchmark': null, 'performance-added-value': null,
    });
    // Partnership: (1 + 1 + 0.5) / 3 = 0.8333 -> 83.3
    // Participation: (0 + 0) / 2 = 0; its skipped question does not count
    // Performance: all skipped -> null
    // Overall over the 5 answered: (1 + 1 + 0.5 + 0 + 0) / 5 = 0.5 -> 50
    expect(percents(score)).toEqual({ partnership: 83.3, participation: 0, performance: null });
    expect(score.overallPercent).toBe(50);
    expect(score.scale).toEqual({ min: 1, max: 3 });
    expect(score.components[1]).toEqual({ id: 'participation', label: 'Participation', percent: 0, answered: 2, total: 3 });
    expect(score.components[2]).toEqual({ id: 'performance', label: 'Performance', percent: null, answered: 0, total: 3 });
    // 2 scored components -> 1 of each; Partnership (83.3) above the weakest (0).
    const ranked = rankComponents(score.components);
    expect(ranked.strengths.map((c) => c.id)).toEqual(['partnership']);
    expect(ranked.weaknesses.map((c) => c.id)).toEqual(['participation']);
  });

  it('UNESCO Key Features (scale 0-4): twelve areas, three strengths and three weaknesses', () => {
    const kf = frameworkById('unesco-key-features');
    const answers: Record<string, number | null> = {};
    for (const component of kf.components) for (const q of component.questions) answers[q.id] = 2;
    Object.assign(answers, {
      'kf-empower-rights': 4, 'kf-empower-cohesion': 4, // (1 + 1) / 2 -> 100
      'kf-economy-jobs': 0, 'kf-economy-culture': 2, // (0 + 0.5) / 2 -> 25
      'kf-sustain-environment': 3, 'kf-sustain-plans': null, // 0.75 / 1 -> 75
    });
    const score = scoreAnswers(kf, answers);
    // The other nine areas: both answers 2 -> 0.5 -> 50.
    // Overall: 23 answered; sum = 1 + 1 + 0 + 0.5 + 0.75 + 18 * 0.5 = 12.25; 12.25 / 23 = 0.53261 -> 53.3
    expect(score.overallPercent).toBe(53.3);
    expect(percents(score)).toMatchObject({ 'empowerment-cohesion': 100, 'economy-culture': 25, 'sustainable-development': 75, 'education-system': 50 });
    expect(score.components.filter((c) => c.percent === 50)).toHaveLength(9);
    // 12 scored -> 3 each. Weakest: 25, then the first two 50s in framework order; strengths must beat 50.
    const ranked = rankComponents(score.components);
    expect(ranked.weaknesses.map((c) => c.id)).toEqual(['economy-culture', 'education-system', 'families-communities']);
    expect(ranked.strengths.map((c) => c.id)).toEqual(['empowerment-cohesion', 'sustainable-development']);
  });

  it('UNESCO building blocks (scale 0-3): thirds, one area skipped entirely', () => {
    const bb = frameworkById('unesco-building-blocks');
    const score = scoreAnswers(bb, {
      'bb-will-commitment': 3, 'bb-will-continuity': 3, // 6/6 -> 100
      'bb-partners-range': 0, 'bb-partners-links': 0, // 0
      'bb-needs-data': 1, 'bb-needs-use': 2, // (1/3 + 2/3) / 2 -> 50
      'bb-opps-range': 2, 'bb-opps-flex': null, // 2/3 -> 66.7
      'bb-orgs-council': null, 'bb-orgs-partners': null, // null
      'bb-wealth-enterprise': 1, 'bb-wealth-jobs': 1, // 1/3 -> 33.3
      'bb-he-research': 0, 'bb-he-open': 3, // (0 + 1) / 2 -> 50
      'bb-celebrate-festival': 2, 'bb-celebrate-recognition': 2, // 2/3 -> 66.7
    });
    // Overall in thirds: 6 + 0 + 3 + 2 + 2 + 3 + 4 = 20 thirds over 13 answers = 20 / 39 = 0.51282 -> 51.3
    expect(score.overallPercent).toBe(51.3);
    expect(percents(score)).toEqual({
      'political-will': 100, 'partnership-networking': 0, 'learning-needs': 50, 'learning-opportunities': 66.7,
      'learning-organisations': null, 'wealth-employability': 33.3, 'higher-education': 50, 'celebrating-learning': 66.7,
    });
    // 7 scored -> floor(7 / 3) = 2 of each.
    const ranked = rankComponents(score.components);
    expect(ranked.weaknesses.map((c) => c.id)).toEqual(['partnership-networking', 'wealth-employability']);
    expect(ranked.strengths.map((c) => c.id)).toEqual(['political-will', 'learning-opportunities']);
  });

  it('scores null everywhere when everything was skipped, and names nothing', () => {
    const niace = frameworkById('niace-quick');
    const skipped = Object.fromEntries(niace.components.flatMap((c) => c.questions.map((q) => [q.id, null])));
    const score = scoreAnswers(niace, skipped);
    expect(score.overallPercent).toBeNull();
    expect(score.components.every((c) => c.percent === null && c.answered === 0 && c.total === 3)).toBe(true);
    expect(rankComponents(score.components)).toEqual({ strengths: [], weaknesses: [] });
  });

  it('names no weakness when every area is at 100%, and no strength in a flat result', () => {
    const at = (percent: number, id: string) => ({ id, label: id, percent, answered: 1, total: 1 });
    expect(rankComponents([at(100, 'a'), at(100, 'b'), at(100, 'c')])).toEqual({ strengths: [], weaknesses: [] });
    const flat = rankComponents([at(50, 'a'), at(50, 'b'), at(50, 'c')]);
    expect(flat.strengths).toEqual([]);
    expect(flat.weaknesses.map((c) => c.id)).toEqual(['a']);
  });

  it('cites the best knowledge-base source for each next step, or none when there is no answer', () => {
    const bb = frameworkById('unesco-building-blocks');
    const answers = fakeAnswers({ partnership: { title: 'How to build learning cities', source: '001_0400cab1f254837c.txt' } });
    const score = scoreAnswers(bb, { 'bb-will-commitment': 3, 'bb-partners-range': 0, 'bb-needs-data': 2 });
    const feedback = buildFeedback(bb, score, answers);
    expect(feedback.strengths.map((c) => c.id)).toEqual(['political-will']);
    expect(feedback.weaknesses).toHaveLength(1);
    const [weakness] = feedback.weaknesses;
    expect(weakness?.component.id).toBe('partnership-networking');
    expect(weakness?.steps).toEqual([
      { text: expect.stringContaining('stakeholder map'), citation: { title: 'How to build learning cities', source: '001_0400cab1f254837c.txt' } },
      { text: expect.stringContaining('network of learning cities') },
    ]);
    expect(answers.asked).toEqual(['stakeholders of a learning city partnership and networking', 'networking learning cities international links']);
  });

  it('gives the advice without citations when the knowledge base fails', () => {
    const niace = frameworkById('niace-quick');
    const broken: AnswerPort = { answer: () => { throw new Error('index missing'); }, topics: () => [] };
    const score = scoreAnswers(niace, { 'partnership-body': 3, 'participation-voice': 1 });
    const feedback = buildFeedback(niace, score, broken);
    expect(feedback.weaknesses[0]?.steps.map((s) => s.citation)).toEqual([undefined, undefined]);
    expect(feedback.weaknesses[0]?.steps).toHaveLength(2);
  });
});
