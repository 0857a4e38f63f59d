import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../src/core/assessment-store.js';
import { scoreAnswers, type Feedback } from '../../src/assessment/scoring.js';
import { renderChartPng, type ChartInput } from '../../src/assessment/chart.js';
import { chartInputFor, citySlug, renderSummary, summaryText } from '../../src/assessment/summary.js';
import { formatDate, formatDelta, formatEarlier, textBar } from '../../src/assessment/format.js';
import { frameworkById } from './fakes.js';

const niace = frameworkById('niace-quick');
const score = scoreAnswers(niace, {
  'partnership-body': 3, 'partnership-strategy': 2, 'partnership-review': 2, // (3 + 2 + 2) / 9 = 77.8
  'participation-voice': 2, // 66.7
  'performance-internal': 1, // 33.3
});
const component = (id: string) => {
  const found = score.components.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no component ${id}`);
  return found;
};
const feedback: Feedback = {
  strengths: [component('partnership')],
  weaknesses: [{
    component: component('performance'),
    steps: [
      { text: 'Pick shared figures.', quote: 'it enables achievements to be compared and benchmarked.', citation: { title: 'Toolkit', source: '002.txt' } },
      { quote: 'examines ways of assessing progress and value', citation: { title: 'Toolkit', source: '002.txt' } },
    ],
  }],
};
const previous: AssessmentResult = {
  id: 'old', workspace: 'slack:T1', platform: 'slack', channelId: 'C1', userId: 'U1', city: 'Leeds', frameworkId: 'niace-quick',
  completedAt: new Date('2024-12-03T12:00:00Z'), overallPercent: 30,
  components: [
    { id: 'partnership', label: 'Partnership', percent: 55, answered: 3, total: 3 },
    { id: 'participation', label: 'Participation', percent: null, answered: 0, total: 3 },
    { id: 'performance', label: 'Performance', percent: 10, answered: 1, total: 3 },
  ],
  answers: {},
};
const input = { framework: niace, city: 'Leeds', completedAt: new Date('2025-03-05T10:00:00Z'), score, feedback, previous };

describe('assessment summary', () => {
  it('formats dates in English, bars and signed changes', () => {
    expect(formatDate(new Date('2025-03-03T23:30:00Z'))).toBe('3 March 2025');
    expect(formatDate(new Date('2025-03-03T23:30:00Z'), new Date('2025-12-01T00:00:00Z'))).toBe('3 March');
    expect(textBar(67)).toBe('███████░░░');
    expect(textBar(0)).toBe('░░░░░░░░░░');
    expect(textBar(null)).toBe('··········');
    expect([formatDelta(67, 55), formatDelta(0, 10), formatDelta(50, 50), formatDelta(null, 1), formatDelta(5, null)]).toEqual(['+12', '−10', '±0', undefined, undefined]);
  });

  it('renders title, date, overall, bars with part-answered areas flagged, scale, strengths, quoted next steps and the change', () => {
    const { text, citations } = summaryText(input);
    // Overall: (3 + 2 + 2 + 2 + 1) / 15 = 66.7 -> 67%.
    expect(text.split('\n')).toEqual([
      '*NIACE Learning City Toolkit – quick check: Leeds*',
      '5 March 2025 · overall *67%* (5 of 9 questions answered)',
      '```',
      'Partnership    ████████░░  78% (+23)',
      'Participation  ███████░░░  67% · 1 of 3 answered',
      'Performance    ███░░░░░░░  33% (+23) · 1 of 3 answered',
      '```',
      'Scale: 0 Not yet · 1 Getting organised · 2 Towards a shared understanding · 3 Cycles of learning. Scoring: only Not yet counts 0%; 1 counts 33%, 2 counts 67%, 3 counts 100%.',
      '*Strengths:* Partnership 78%',
      '*To work on:*',
      '• *Performance* 33% (1 of 3 answered)',
      '   – Pick shared figures.',
      '     Related reading: Toolkit (002.txt) says “it enables achievements to be compared and benchmarked.”',
      '   – “examines ways of assessing progress and value” Source: Toolkit (002.txt)',
      '*Since 3 December 2024, 12:00 UTC:* overall +37, Partnership +23, Performance +23.',
      '_Framework: The Learning City Toolkit, NIACE._',
    ]);
    // Only the step that is the document's own words lists the document as a source.
    expect(citations).toEqual([{ title: 'Toolkit', source: '002.txt' }]);
  });

  it('says "earlier today" with the time when the previous run was the same day', () => {
    const sameDay = { ...input, previous: { ...previous, completedAt: new Date('2025-03-05T08:05:00Z') } };
    expect(summaryText(sameDay).text).toContain('*Since earlier today, 08:05 UTC:* overall +37');
    expect(chartInputFor(sameDay).subtitle).toBe('5 March 2025 · overall 67% · 5 of 9 answered · previous: earlier today, 08:05 UTC');
    expect(formatEarlier(new Date('2025-03-04T23:59:00Z'), new Date('2025-03-05T00:01:00Z'))).toBe('4 March, 23:59 UTC');
  });

  it('computes changes from the whole percentages it shows', () => {
    // 33.3% shows as 33% and 66.7% as 67%: the change shown is 67 − 33 = +34, matching the figures beside it.
    expect(formatDelta(66.7, 33.3)).toBe('+34');
    expect(formatDelta(66.4, 33.6)).toBe('+32');
    const half = scoreAnswers(niace, { 'partnership-body': 2, 'partnership-strategy': 2, 'partnership-review': 2 });
    const before = { ...previous, overallPercent: 33.3, components: [{ id: 'partnership', label: 'Partnership', percent: 33.3, answered: 3, total: 3 }] };
    const text = summaryText({ ...input, score: half, feedback: { strengths: [], weaknesses: [] }, previous: before }).text;
    expect(text).toContain('Partnership    ███████░░░  67% (+34)');
    expect(text).toContain('overall +34, Partnership +34.');
  });

  it('groups the Key Features by tier with a subtotal each', () => {
    const kf = frameworkById('unesco-key-features');
    const answers = Object.fromEntries(kf.components.flatMap((c, i) => c.questions.map((q) => [q.id, i < 3 ? 4 : i < 9 ? 2 : 0])));
    const kfScore = scoreAnswers(kf, answers);
    const { text } = summaryText({ framework: kf, city: 'Cork', completedAt: input.completedAt, score: kfScore, feedback: { strengths: [], weaknesses: [] } });
    expect(text).toContain('██████████ 100%  Individual empowerment and social cohesion');
    const lines = text.split('\n');
    const tierLines = lines.filter((line) => line.includes('(tier subtotal)'));
    expect(tierLines).toEqual(['Wider benefits (tier subtotal) 100%', 'Major building blocks (tier subtotal) 50%', 'Fundamental conditions (tier subtotal) 0%']);
    expect(lines.indexOf('Major building blocks (tier subtotal) 50%')).toBeLessThan(lines.findIndex((line) => line.endsWith('Inclusive learning in the education system')));
    const chart = chartInputFor({ framework: kf, city: 'Cork', completedAt: input.completedAt, score: kfScore, feedback: { strengths: [], weaknesses: [] } });
    expect(chart.groups).toEqual([
      { label: 'Wider benefits', percent: 100 }, { label: 'Major building blocks', percent: 50 }, { label: 'Fundamental conditions', percent: 0 },
    ]);
    expect(chart.components[0]).toMatchObject({ group: 'Wider benefits', label: 'Individual empowerment and social cohesion' });
  });

  it('gives a non-Latin city a file name of its own', () => {
    expect(citySlug('Leeds')).toBe('leeds');
    expect(citySlug('Zürich')).toBe('zurich');
    expect(citySlug('北京')).toMatch(/^city-[0-9a-f]{8}$/);
    expect(citySlug('北京')).not.toBe(citySlug('上海'));
    expect(citySlug('القاهرة')).toMatch(/^city-[0-9a-f]{8}$/);
  });

  it('asks for the chart with the previous scores as markers', () => {
    const reply = renderSummary(input);
    expect(reply.kind).toBe('summary');
    expect(reply.image).toBeUndefined();
    expect(reply.chart).toEqual({
      filename: 'assessment-niace-quick-leeds.png',
      alt: 'Bar chart of NIACE Learning City Toolkit – quick check scores for Leeds (5 of 9 answered): Partnership 78%, Participation 67%, Performance 33%.',
      input: chartInputFor(input),
    });
    expect(chartInputFor(input).subtitle).toBe('5 March 2025 · overall 67% · 5 of 9 answered · previous: 3 December 2024, 12:00 UTC');
    expect(chartInputFor(input).components).toEqual([
      { label: 'Partnership', percent: 77.8, previous: 55 },
      { label: 'Participation', percent: 66.7, previous: null, note: '1 of 3 answered' },
      { label: 'Performance', percent: 33.3, previous: 10, note: '1 of 3 answered' },
    ]);
  });

  it('asks for a chart the real renderer draws', () => {
    const reply = renderSummary(input);
    expect([...renderChartPng(reply.chart?.input as ChartInput).slice(0, 4)]).toEqual([137, 80, 78, 71]);
  });

  it('reads sensibly when everything was skipped and there is no earlier result', () => {
    const empty = scoreAnswers(niace, {});
    const { text } = summaryText({ framework: niace, city: 'Hull', completedAt: input.completedAt, score: empty, feedback: { strengths: [], weaknesses: [] } });
    expect(text).toContain('overall *–* (0 of 9 questions answered)');
    expect(text).toContain('Performance    ··········    –');
    expect(text).toContain('_Not scored (all questions skipped): Partnership, Participation, Performance._');
    expect(text).not.toContain('Since');
  });
});
