import type { AreaSpread, ComponentScore } from '../core/assessment-store.js';
import type { Citation, Reply } from '../core/replies.js';
import type { ChartInput } from '../assessment/chart.js';
import type { Framework } from '../assessment/framework-schema.js';
import { formatDate, formatPercent, textBar } from '../assessment/format.js';
import { buildFeedback } from '../assessment/scoring.js';
import { citySlug, scaleLegend, stepLines } from '../assessment/summary.js';
import { escapeText } from '../core/markdown.js';
import { widestDisagreement, type Collation } from './collate.js';

/** Below this many respondents a round's result is called indicative only. */
export const INDICATIVE_BELOW = 3;

/** A level as read: whole levels plain, means with one decimal (`2`, `1.3`). */
export const formatLevel = (level: number): string => String(Math.round(level * 10) / 10);

const rangeText = (spread: AreaSpread): string =>
  spread.min === spread.max ? `all ${formatLevel(spread.min)}` : `${formatLevel(spread.min)} to ${formatLevel(spread.max)}`;

/** `median 2 · range 1 to 3 · middle half 1.5–2.5 · agreement 67%` */
export const spreadText = (spread: AreaSpread): string =>
  `median ${formatLevel(spread.median)} · range ${rangeText(spread)} · middle half ${formatLevel(spread.q1)}–${formatLevel(spread.q3)} · agreement ${Math.round(spread.agreement * 100)}%`;

export interface RoundSummaryInput {
  framework: Framework;
  city: string;
  closedAt: Date;
  collation: Collation;
}

const percentOfLevel = (level: number, scale: { min: number; max: number }): number =>
  (100 * (level - scale.min)) / (scale.max - scale.min || 1);

const areaLine = (component: ComponentScore, width: number): string => {
  const label = component.label.padEnd(width);
  if (component.spread === undefined) return `${label}  ${textBar(null)}    –  nobody answered this area`;
  return `${label}  ${textBar(component.percent)} ${formatPercent(component.percent).padStart(4)}  ${spreadText(component.spread)}`;
};

/** Chart of a round: medians as bars, with each area's range and middle half drawn over them. */
export const roundChartInput = (input: RoundSummaryInput): ChartInput => {
  const { collation } = input;
  return {
    title: `${input.framework.name}: ${input.city} (city-wide round)`,
    subtitle: `${formatDate(input.closedAt)} · ${collation.respondents} respondent${collation.respondents === 1 ? '' : 's'} · overall ${formatPercent(collation.overallPercent)} (median)`,
    components: collation.components.map((component) => {
      const spread = component.spread;
      return {
        label: component.label,
        percent: component.percent,
        ...(spread === undefined
          ? {}
          : {
              range: { low: percentOfLevel(spread.min, collation.scale), high: percentOfLevel(spread.max, collation.scale) },
              middle: { low: percentOfLevel(spread.q1, collation.scale), high: percentOfLevel(spread.q3, collation.scale) },
              note: `agreement ${Math.round(spread.agreement * 100)}%`,
            }),
      };
    }),
  };
};

/**
 * The collated summary posted to the channel when a round closes: counts and spreads only, never
 * anyone's answers, with the next steps for the weakest areas as in a single assessment.
 */
export const renderRoundSummary = (input: RoundSummaryInput): Reply => {
  const { framework, collation } = input;
  const n = collation.respondents;
  const width = Math.min(24, Math.max(...collation.components.map((component) => component.label.length)));
  const lines = [
    `*${framework.name}: ${escapeText(input.city)}, city-wide round*`,
    `Closed ${formatDate(input.closedAt)} · ${n} respondent${n === 1 ? '' : 's'} · overall *${formatPercent(collation.overallPercent)}* (the median of the respondents’ overall scores)`,
  ];
  if (n < INDICATIVE_BELOW) lines.push(`_With fewer than ${INDICATIVE_BELOW} respondents this result is indicative only._`);
  lines.push('```', ...collation.components.map((component) => areaLine(component, width)), '```');
  lines.push(
    '_How to read this: each person’s level for an area is the mean of their answers there. The median is the middle view; the range runs from the lowest to the highest; the middle half is the interquartile range, where the central half of views lie; agreement is the share of respondents within one level of the median. Individual answers are not shown._',
    scaleLegend(framework),
  );
  const score = { overallPercent: collation.overallPercent, components: collation.components, scale: collation.scale };
  const feedback = buildFeedback(framework, score);
  if (feedback.strengths.length > 0) lines.push(`*Strongest:* ${feedback.strengths.map((c) => `${c.label} ${formatPercent(c.percent)}`).join(', ')}`);
  const split = widestDisagreement(collation.components);
  if (split?.spread !== undefined) {
    lines.push(`*Where views differ most:* partners disagree most on ${split.label}: answers from ${formatLevel(split.spread.min)} to ${formatLevel(split.spread.max)} (agreement ${Math.round(split.spread.agreement * 100)}%). Worth talking through together.`);
  } else if (n > 1) {
    lines.push('*Where views differ most:* nowhere by more than one level; partners broadly agree.');
  }
  const citations: Citation[] = [];
  if (feedback.weaknesses.length > 0) {
    lines.push('*To work on:*');
    for (const weakness of feedback.weaknesses) {
      lines.push(`• *${weakness.component.label}* ${formatPercent(weakness.component.percent)}`);
      for (const step of weakness.steps) {
        lines.push(...stepLines(step));
        if (step.text === undefined && !citations.some((c) => c.source === step.citation.source)) citations.push(step.citation);
      }
    }
  }
  lines.push(`_Framework: ${framework.source.name}, ${framework.source.publisher}${framework.source.year === undefined ? '' : ` (${framework.source.year})`}._`);
  const alt = `Chart of ${framework.name} for ${input.city}, ${n} respondent${n === 1 ? '' : 's'}: ${collation.components
    .map((c) => (c.spread === undefined ? `${c.label} not answered` : `${c.label} median ${formatLevel(c.spread.median)}, range ${rangeText(c.spread)}`))
    .join('; ')}.`;
  return {
    text: lines.join('\n'),
    kind: 'summary',
    ...(citations.length > 0 ? { citations } : {}),
    chart: { filename: `round-${framework.id}-${citySlug(input.city)}.png`, alt, input: roundChartInput(input) },
  };
};
