import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../src/core/ports.js';
import { scoreAnswers, type Feedback } from '../../src/assessment/scoring.js';
import { renderChartPng, type ChartInput } from '../../src/assessment/chart.js';
import { chartInputFor, renderSummary, summaryText } from '../../src/assessment/summary.js';
import { formatDate, formatDelta, textBar } from '../../src/assessment/format.js';
import { frameworkById } from './fakes.js';

const niace = frameworkById('niace-quick');
const score = scoreAnswers(niace, {
  'partnership-body': 3, 'partnership-strategy': 2, 'partnership-review': 2, // (1 + .5 + .5) / 3 = 66.7
  'participation-voice': 2, // 50
  'performance-internal': 1, // 0
});
const component = (id: string) => {
  const found = score.components.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no component ${id}`);
  return found;
};
const feedback: Feedback = {
  strengths: [component('partnership')],
  weaknesses: [{ component: component('performance'), steps: [{ text: 'Pick shared figures.', citation: { title: 'Toolkit', source: '002.txt' } }, { text: 'Compare with a peer.' }] }],
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

  it('renders title, date, overall, bars, scale, strengths, cited next steps and the change since last time', () => {
    const { text, citations } = summaryText(input);
    // Overall: (1 + .5 + .5 + .5 + 0) / 5 = 0.5 -> 50%.
    expect(text.split('\n')).toEqual([
      '*NIACE Learning City Toolkit – quick check: Leeds*',
      '5 March 2025 · overall *50%* (5 of 9 questions answered)',
      '```',
      'Partnership    ███████░░░  67% (+12)',
      'Participation  █████░░░░░  50%',
      'Performance    ░░░░░░░░░░   0% (−10)',
      '```',
      'Scale: 1 Getting organised · 2 Towards a shared understanding · 3 Cycles of learning; 1 counts 0%, 3 counts 100%.',
      '*Strengths:* Partnership 67%',
      '*To work on:*',
      '• *Performance* 0%',
      '   – Pick shared figures. Source: Toolkit (002.txt)',
      '   – Compare with a peer.',
      '*Since 3 December 2024:* overall +20, Partnership +12, Performance −10.',
      '_Framework: The Learning City Toolkit, NIACE._',
    ]);
    expect(citations).toEqual([{ title: 'Toolkit', source: '002.txt' }]);
  });

  it('asks for the chart with the previous scores as markers', () => {
    const reply = renderSummary(input);
    expect(reply.kind).toBe('summary');
    expect(reply.image).toBeUndefined();
    expect(reply.chart).toEqual({
      filename: 'assessment-niace-quick-leeds.png',
      alt: 'Bar chart of NIACE Learning City Toolkit – quick check scores for Leeds: Partnership 67%, Participation 50%, Performance 0%.',
      input: chartInputFor(input),
    });
    expect(chartInputFor(input).components).toEqual([
      { label: 'Partnership', percent: 66.7, previous: 55 },
      { label: 'Participation', percent: 50, previous: null },
      { label: 'Performance', percent: 0, previous: 10 },
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
