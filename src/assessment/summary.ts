import type { AssessmentResult } from '../core/ports.js';
import type { Citation, Reply } from '../core/replies.js';
import type { ChartInput } from './chart.js';
import type { Framework } from './framework-schema.js';
import { formatDate, formatDelta, formatPercent, textBar } from './format.js';
import type { AssessmentScore, Feedback } from './scoring.js';
import { escapeText } from '../core/markdown.js';

export interface SummaryInput {
  framework: Framework;
  city: string;
  completedAt: Date;
  score: AssessmentScore;
  feedback: Feedback;
  /** This city's previous result for the same framework, if any. */
  previous?: AssessmentResult;
}

/** Labels longer than this move after the bar so the text stays aligned without wide padding. */
const PADDED_LABEL_MAX = 24;

const barLines = (input: SummaryInput): string[] => {
  const previousById = new Map(input.previous?.components.map((component) => [component.id, component.percent]));
  const width = Math.max(...input.score.components.map((component) => component.label.length));
  return input.score.components.map((component) => {
    const delta = formatDelta(component.percent, previousById.get(component.id));
    const value = `${textBar(component.percent)} ${formatPercent(component.percent).padStart(4)}${delta === undefined ? '' : ` (${delta})`}`;
    return width <= PADDED_LABEL_MAX ? `${component.label.padEnd(width)}  ${value}` : `${value}  ${component.label}`;
  });
};

const scaleLegend = (framework: Framework): string => {
  const levels = framework.scale.levels;
  const first = levels[0];
  const last = levels[levels.length - 1];
  const ends = first !== undefined && last !== undefined ? `; ${first.value} counts 0%, ${last.value} counts 100%` : '';
  return `Scale: ${levels.map((level) => `${level.value} ${level.label}`).join(' · ')}${ends}.`;
};

const changeLine = (input: SummaryInput): string | undefined => {
  const previous = input.previous;
  if (previous === undefined) return undefined;
  const since = formatDate(previous.completedAt, input.completedAt);
  const before = new Map(previous.components.map((component) => [component.id, component.percent]));
  const parts = input.score.components.flatMap((component) => {
    const delta = formatDelta(component.percent, before.get(component.id));
    return delta === undefined ? [] : [`${component.label} ${delta}`];
  });
  const overall = formatDelta(input.score.overallPercent, previous.overallPercent);
  const all = [...(overall === undefined ? [] : [`overall ${overall}`]), ...parts];
  return all.length === 0 ? undefined : `*Since ${since}:* ${all.join(', ')}.`;
};

/** The plain-text summary; also the chart's text alternative. */
export const summaryText = (input: SummaryInput): { text: string; citations: Citation[] } => {
  const { framework, score, feedback } = input;
  const answered = score.components.reduce((sum, component) => sum + component.answered, 0);
  const total = score.components.reduce((sum, component) => sum + component.total, 0);
  const lines = [
    `*${framework.name}: ${escapeText(input.city)}*`,
    `${formatDate(input.completedAt)} · overall *${formatPercent(score.overallPercent)}* (${answered} of ${total} questions answered)`,
    '```',
    ...barLines(input),
    '```',
    scaleLegend(framework),
  ];
  const citations: Citation[] = [];
  if (feedback.strengths.length > 0) {
    lines.push(`*Strengths:* ${feedback.strengths.map((c) => `${c.label} ${formatPercent(c.percent)}`).join(', ')}`);
  }
  if (feedback.weaknesses.length > 0) {
    lines.push('*To work on:*');
    for (const weakness of feedback.weaknesses) {
      lines.push(`• *${weakness.component.label}* ${formatPercent(weakness.component.percent)}`);
      for (const step of weakness.steps) {
        const source = step.citation === undefined ? '' : ` Source: ${step.citation.title} (${step.citation.source})`;
        lines.push(`   – ${step.text}${source}`);
        if (step.citation !== undefined && !citations.some((c) => c.source === step.citation?.source && c.title === step.citation.title)) {
          citations.push(step.citation);
        }
      }
    }
  }
  const skipped = score.components.filter((component) => component.percent === null);
  if (skipped.length > 0) lines.push(`_Not scored (all questions skipped): ${skipped.map((c) => c.label).join(', ')}._`);
  const change = changeLine(input);
  if (change !== undefined) lines.push(change);
  lines.push(`_Framework: ${framework.source.name}, ${framework.source.publisher}${framework.source.year === undefined ? '' : ` (${framework.source.year})`}._`);
  return { text: lines.join('\n'), citations };
};

/** Input for the chart: one bar per component, with the previous score beside it when there is one. */
export const chartInputFor = (input: SummaryInput): ChartInput => {
  const before = new Map(input.previous?.components.map((component) => [component.id, component.percent]));
  return {
    title: `${input.framework.name}: ${input.city}`,
    subtitle: `${formatDate(input.completedAt)} · overall ${formatPercent(input.score.overallPercent)}${
      input.previous === undefined ? '' : ` · previous: ${formatDate(input.previous.completedAt, input.completedAt)}`
    }`,
    components: input.score.components.map((component) =>
      input.previous === undefined
        ? { label: component.label, percent: component.percent }
        : { label: component.label, percent: component.percent, previous: before.get(component.id) ?? null },
    ),
  };
};

const slug = (text: string): string =>
  text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'city';

/**
 * The summary reply (kind `summary`) with the chart to draw. The core draws it off the event loop
 * (`renderChartPng` in a worker thread); a chart that fails is left out, the text carries everything
 * the chart shows.
 */
export const renderSummary = (input: SummaryInput): Reply => {
  const { text, citations } = summaryText(input);
  const alt = `Bar chart of ${input.framework.name} scores for ${input.city}: ${input.score.components
    .map((component) => `${component.label} ${formatPercent(component.percent)}`)
    .join(', ')}.`;
  return {
    text,
    kind: 'summary',
    ...(citations.length > 0 ? { citations } : {}),
    chart: { filename: `assessment-${input.framework.id}-${slug(input.city)}.png`, alt, input: chartInputFor(input) },
  };
};
