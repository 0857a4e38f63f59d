import { createHash } from 'node:crypto';
import type { AssessmentResult, ComponentScore } from '../core/assessment-store.js';
import type { Citation, Reply } from '../core/replies.js';
import type { ChartInput } from './chart.js';
import type { Framework } from './framework-schema.js';
import { formatDate, formatDelta, formatEarlier, formatPercent, textBar } from './format.js';
import type { AssessmentScore, Feedback, NextStep } from './scoring.js';
import { groupScores } from './group-scores.js';
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

/** "1 of 2 answered" for an area scored from only some of its questions. */
export const partialNote = (component: Pick<ComponentScore, 'answered' | 'total'>): string | undefined =>
  component.answered > 0 && component.answered < component.total ? `${component.answered} of ${component.total} answered` : undefined;

const scoreWithNote = (component: ComponentScore): string => {
  const note = partialNote(component);
  return `${component.label} ${formatPercent(component.percent)}${note === undefined ? '' : ` (${note})`}`;
};

const barLines = (input: SummaryInput): string[] => {
  const previousById = new Map(input.previous?.components.map((component) => [component.id, component.percent]));
  const labels = [...input.score.components.map((c) => c.label), ...groupScores(input.framework, input.score).map((g) => g.label)];
  const width = Math.max(...labels.map((label) => label.length));
  const line = (label: string, percent: number | null, delta: string | undefined, note: string | undefined): string => {
    const value = `${textBar(percent)} ${formatPercent(percent).padStart(4)}${delta === undefined ? '' : ` (${delta})`}${note === undefined ? '' : ` · ${note}`}`;
    return width <= PADDED_LABEL_MAX ? `${label.padEnd(width)}  ${value}` : `${value}  ${label}`;
  };
  const componentLine = (component: ComponentScore): string =>
    line(component.label, component.percent, formatDelta(component.percent, previousById.get(component.id)), partialNote(component));
  const groups = groupScores(input.framework, input.score);
  if (groups.length === 0) return input.score.components.map(componentLine);
  return groups.flatMap((group, i) => [
    ...(i === 0 ? [] : ['']),
    `${group.label} (tier subtotal) ${formatPercent(group.percent)}${group.answered < group.total ? ` · ${group.answered} of ${group.total} answered` : ''}`,
    ...group.components.map(componentLine),
  ]);
};

/** The scale, and what each level counts for: "Not yet" is 0%, every level above it counts. */
export const scaleLegend = (framework: Framework): string => {
  const levels = framework.scale.levels;
  const min = levels[0]?.value ?? 0;
  const span = (levels[levels.length - 1]?.value ?? 1) - min || 1;
  const counts = levels.slice(1).map((level) => `${level.value} counts ${Math.round((100 * (level.value - min)) / span)}%`).join(', ');
  return `Scale: ${levels.map((level) => `${level.value} ${level.label}`).join(' · ')}. Scoring: only Not yet counts 0%; ${counts}.`;
};

const changeLine = (input: SummaryInput): string | undefined => {
  const previous = input.previous;
  if (previous === undefined) return undefined;
  const before = new Map(previous.components.map((component) => [component.id, component.percent]));
  const parts = input.score.components.flatMap((component) => {
    const delta = formatDelta(component.percent, before.get(component.id));
    return delta === undefined ? [] : [`${component.label} ${delta}`];
  });
  const overall = formatDelta(input.score.overallPercent, previous.overallPercent);
  const all = [...(overall === undefined ? [] : [`overall ${overall}`]), ...parts];
  return all.length === 0 ? undefined : `*Since ${formatEarlier(previous.completedAt, input.completedAt)}:* ${all.join(', ')}.`;
};

/** One next step: the document's own words as the step, or the project's advice with related reading. */
export const stepLines = (step: NextStep): string[] => {
  const where = `${step.citation.title} (${step.citation.source})`;
  if (step.text === undefined) return [`   – “${step.quote}” Source: ${where}`];
  return [`   – ${step.text}`, `     Related reading: ${where} says “${step.quote}”`];
};

/** Questions answered out of all questions. */
export const answeredCount = (score: AssessmentScore): { answered: number; total: number } => ({
  answered: score.components.reduce((sum, component) => sum + component.answered, 0),
  total: score.components.reduce((sum, component) => sum + component.total, 0),
});

/** The plain-text summary; also the chart's text alternative. */
export const summaryText = (input: SummaryInput): { text: string; citations: Citation[] } => {
  const { framework, score, feedback } = input;
  const { answered, total } = answeredCount(score);
  const lines = [
    `*${framework.name}: ${escapeText(input.city)}*`,
    `${formatDate(input.completedAt)} · overall *${formatPercent(score.overallPercent)}* (${answered} of ${total} questions answered)`,
    '```',
    ...barLines(input),
    '```',
    scaleLegend(framework),
  ];
  const citations: Citation[] = [];
  if (feedback.strengths.length > 0) lines.push(`*Strengths:* ${feedback.strengths.map(scoreWithNote).join(', ')}`);
  if (feedback.weaknesses.length > 0) {
    lines.push('*To work on:*');
    for (const weakness of feedback.weaknesses) {
      lines.push(`• *${weakness.component.label}* ${formatPercent(weakness.component.percent)}${partialNote(weakness.component) === undefined ? '' : ` (${partialNote(weakness.component)})`}`);
      for (const step of weakness.steps) {
        lines.push(...stepLines(step));
        // Only a quoted step is listed under "Sources"; related reading is named where it is shown.
        if (step.text === undefined && !citations.some((c) => c.source === step.citation.source)) citations.push(step.citation);
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

/** Input for the chart: one bar per component (grouped by tier where the framework has tiers). */
export const chartInputFor = (input: SummaryInput): ChartInput => {
  const before = new Map(input.previous?.components.map((component) => [component.id, component.percent]));
  const { answered, total } = answeredCount(input.score);
  const groupOf = new Map(input.framework.components.map((component) => [component.id, component.group]));
  const groups = groupScores(input.framework, input.score);
  return {
    title: `${input.framework.name}: ${input.city}`,
    subtitle: `${formatDate(input.completedAt)} · overall ${formatPercent(input.score.overallPercent)} · ${answered} of ${total} answered${
      input.previous === undefined ? '' : ` · previous: ${formatEarlier(input.previous.completedAt, input.completedAt)}`
    }`,
    components: input.score.components.map((component) => {
      const group = groupOf.get(component.id);
      const note = partialNote(component);
      return {
        label: component.label,
        percent: component.percent,
        ...(input.previous === undefined ? {} : { previous: before.get(component.id) ?? null }),
        ...(group === undefined ? {} : { group }),
        ...(note === undefined ? {} : { note }),
      };
    }),
    ...(groups.length === 0 ? {} : { groups: groups.map((group) => ({ label: group.label, percent: group.percent })) }),
  };
};

/**
 * File name part for a city: its Latin letters and digits, or, for a name written in another script
 * (北京), `city-` and a short hash of the name, so two such cities never share a file name.
 */
export const citySlug = (city: string): string => {
  const latin = city.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const letters = city.replace(/[^\p{L}\p{N}]/gu, '').length;
  const latinLetters = latin.replace(/-/g, '').length;
  // Mostly non-Latin ("北京 2" or "القاهرة"): the Latin leftovers would not tell cities apart.
  if (latinLetters >= Math.max(1, letters / 2)) return latin;
  return `city-${createHash('sha256').update(city.normalize('NFC')).digest('hex').slice(0, 8)}`;
};

/**
 * The summary reply (kind `summary`) with the chart to draw. The core draws it off the event loop
 * (`renderChartPng` in a worker thread); a chart that fails is left out, the text carries everything
 * the chart shows.
 */
export const renderSummary = (input: SummaryInput): Reply => {
  const { text, citations } = summaryText(input);
  const { answered, total } = answeredCount(input.score);
  const alt = `Bar chart of ${input.framework.name} scores for ${input.city} (${answered} of ${total} answered): ${input.score.components
    .map((component) => `${component.label} ${formatPercent(component.percent)}`)
    .join(', ')}.`;
  return {
    text,
    kind: 'summary',
    ...(citations.length > 0 ? { citations } : {}),
    chart: { filename: `assessment-${input.framework.id}-${citySlug(input.city)}.png`, alt, input: chartInputFor(input) },
  };
};
