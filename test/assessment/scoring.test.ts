import { describe, expect, it } from 'vitest';
import { buildFeedback, rankComponents, scoreAnswers } from '../../src/assessment/scoring.js';
import { frameworkById } from './fakes.js';

const percents = (score: ReturnType<typeof scoreAnswers>) => Object.fromEntries(score.components.map((c) => [c.id, c.percent]));

describe('scoring', () => {
  it('NIACE (scale 0-3, Not yet = 0): fraction = value / 3, skipped questions left out', () => {
    const niace = frameworkById('niace-quick');
    const score = scoreAnswers(niace, {
      'partnership-body': 3, 'partnership-strategy': 3, 'partnership-review': 2,
      'participation-voice': 1, 'participation-reach': 0, 'participation-civic': null,
      'performance-internal': null, 'performance-benchmark': null, 'performance-added-value': null,
    });
    // Partnership: (1 + 1 + 2/3) / 3 = 0.8889 -> 88.9
    // Participation: (1/3 + 0) / 2 = 0.1667 -> 16.7; "Getting organised" counts, only "Not yet" is 0
    // Performance: all skipped -> null
    // Overall over the 5 answered: (1 + 1 + 2/3 + 1/3 + 0) / 5 = 0.6 -> 60
    expect(percents(score)).toEqual({ partnership: 88.9, participation: 16.7, performance: null });
    expect(score.overallPercent).toBe(60);
    expect(score.scale).toEqual({ min: 0, max: 3 });
    expect(score.components[1]).toEqual({ id: 'participation', label: 'Participation', percent: 16.7, answered: 2, total: 3 });
    expect(score.components[2]).toEqual({ id: 'performance', label: 'Performance', percent: null, answered: 0, total: 3 });
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
    // 12 scored -> 3 weaknesses: 25, then the first two 50s in framework order. The one strength is the top score.
    const ranked = rankComponents(score.components);
    expect(ranked.weaknesses.map((c) => c.id)).toEqual(['economy-culture', 'education-system', 'families-communities']);
    expect(ranked.strengths.map((c) => c.id)).toEqual(['empowerment-cohesion']);
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
    // 7 scored -> floor(7 / 3) = 2 weaknesses; the strength is the top score alone.
    const ranked = rankComponents(score.components);
    expect(ranked.weaknesses.map((c) => c.id)).toEqual(['partnership-networking', 'wealth-employability']);
    expect(ranked.strengths.map((c) => c.id)).toEqual(['political-will']);
  });

  it('scores null everywhere when everything was skipped, and names nothing', () => {
    const niace = frameworkById('niace-quick');
    const skipped = Object.fromEntries(niace.components.flatMap((c) => c.questions.map((q) => [q.id, null])));
    const score = scoreAnswers(niace, skipped);
    expect(score.overallPercent).toBeNull();
    expect(score.components.every((c) => c.percent === null && c.answered === 0 && c.total === 3)).toBe(true);
    expect(rankComponents(score.components)).toEqual({ strengths: [], weaknesses: [] });
  });

  it('calls an area a strength only at 67% or more and at the top score; a tie names all; 100% everywhere is no weakness', () => {
    const at = (percent: number | null, id: string) => ({ id, label: id, percent, answered: percent === null ? 0 : 1, total: 1 });
    const all = rankComponents([at(100, 'a'), at(100, 'b'), at(100, 'c')]);
    expect(all).toEqual({ strengths: [at(100, 'a'), at(100, 'b'), at(100, 'c')], weaknesses: [] });
    // "Strengths: Partnership 50%" was a middling area called a strength.
    const middling = rankComponents([at(50, 'a'), at(33.3, 'b'), at(0, 'c')]);
    expect(middling.strengths).toEqual([]);
    expect(middling.weaknesses.map((c) => c.id)).toEqual(['c']);
    // 66.7 and 67.2 both read 67%: a tie, both strengths; 66.4 reads 66% and is not one.
    expect(rankComponents([at(66.7, 'a'), at(67.2, 'b'), at(40, 'c'), at(null, 'd')]).strengths.map((c) => c.id)).toEqual(['a', 'b']);
    expect(rankComponents([at(66.4, 'a'), at(40, 'b')]).strengths).toEqual([]);
    expect(rankComponents([at(null, 'a'), at(null, 'b')])).toEqual({ strengths: [], weaknesses: [] });
    // Tied at the bottom: both named, not the first of them in the framework's order.
    expect(rankComponents([at(66.7, 'a'), at(55.6, 'b'), at(55.6, 'c')]).weaknesses.map((c) => c.id)).toEqual(['b', 'c']);
    expect(rankComponents([at(33.3, 'a'), at(33.3, 'b'), at(33.3, 'c')]).weaknesses.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('gives each weakness the framework’s next steps with the document they quote', () => {
    const bb = frameworkById('unesco-building-blocks');
    const score = scoreAnswers(bb, { 'bb-will-commitment': 3, 'bb-partners-range': 0, 'bb-needs-data': 2 });
    const feedback = buildFeedback(bb, score);
    expect(feedback.strengths.map((c) => c.id)).toEqual(['political-will']);
    const [weakness] = feedback.weaknesses;
    expect(weakness?.component.id).toBe('partnership-networking');
    expect(weakness?.steps).toEqual([
      {
        text: expect.stringContaining('stakeholder map'),
        quote: 'It develops partnerships to stimulate and respond to the demand for learning.',
        citation: { title: 'The Learning City - Toolkit', source: '002_f3aad13fcfad5a6b.txt' },
      },
      {
        text: expect.stringContaining('network of learning cities'),
        quote: expect.stringContaining('The UNESCO Global Network of Learning Cities consists of around 200 cities'),
        citation: { title: 'Learning Cities', source: '003_1d2a6d022f902458.txt' },
      },
    ]);
  });
});
