import type { AreaSpread, ComponentScore } from '../core/assessment-store.js';
import { scaleRange, type Framework } from '../assessment/framework-schema.js';
import { scoreAnswers } from '../assessment/scoring.js';

/** A round's answers collated: what the summary, the chart and the stored group result show. */
export interface Collation {
  respondents: number;
  /** Median of the respondents' overall percents; `null` when nobody answered anything. */
  overallPercent: number | null;
  /** Per area: percent of the median level, `answered`/`total` counted in respondents, and the spread. */
  components: ComponentScore[];
  scale: { min: number; max: number };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * The `p` quantile of sorted values by linear interpolation between closest ranks (the method of
 * spreadsheets' QUANTILE.INC and numpy's default): rank `p * (n - 1)`.
 */
export const quantile = (sorted: readonly number[], p: number): number => {
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const below = sorted[low] ?? Number.NaN;
  const above = sorted[Math.min(low + 1, sorted.length - 1)] ?? below;
  return below + (rank - low) * (above - below);
};

/** How answers to one area spread: median, quartiles, range and the share within one level of the median. */
export const spreadOf = (values: readonly number[]): AreaSpread | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const near = sorted.filter((value) => Math.abs(value - median) <= 1 + 1e-9).length;
  return {
    median: round2(median),
    q1: round2(quantile(sorted, 0.25)),
    q3: round2(quantile(sorted, 0.75)),
    min: round2(sorted[0] ?? median),
    max: round2(sorted[sorted.length - 1] ?? median),
    agreement: round2(near / sorted.length),
  };
};

/** One respondent's level for an area: the mean of the levels they chose there, skips left out. */
const areaLevel = (questionIds: readonly string[], answers: Readonly<Record<string, number | null>>): number | undefined => {
  const values = questionIds.map((id) => answers[id]).filter((value): value is number => typeof value === 'number');
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
};

/**
 * Collates complete answer sets. For each area every respondent has one level (the mean of their
 * answers there); the area's score is the median of those levels as a percent of the scale, and
 * its spread is read from the same levels. The overall score is the median of the respondents'
 * overall percents, so one partner's extreme view moves it no further than one place.
 */
export const collate = (framework: Framework, answerSets: ReadonlyArray<Readonly<Record<string, number | null>>>): Collation => {
  const scale = scaleRange(framework);
  const span = scale.max - scale.min || 1;
  const components = framework.components.map((component): ComponentScore => {
    const ids = component.questions.map((question) => question.id);
    const levels = answerSets.map((answers) => areaLevel(ids, answers)).filter((value): value is number => value !== undefined);
    const spread = spreadOf(levels);
    return {
      id: component.id,
      label: component.label,
      percent: spread === undefined ? null : round1((100 * (spread.median - scale.min)) / span),
      answered: levels.length,
      total: answerSets.length,
      ...(spread === undefined ? {} : { spread }),
    };
  });
  const overall = answerSets
    .map((answers) => scoreAnswers(framework, answers).overallPercent)
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  return {
    respondents: answerSets.length,
    overallPercent: overall.length === 0 ? null : round1(quantile(overall, 0.5)),
    components,
    scale,
  };
};

/**
 * The area where views differ most: the widest range, then the lowest agreement; none when every
 * area's answers lie within one level (nothing worth calling a disagreement).
 */
export const widestDisagreement = (components: readonly ComponentScore[]): ComponentScore | undefined => {
  let best: ComponentScore | undefined;
  for (const component of components) {
    const spread = component.spread;
    if (spread === undefined || spread.max - spread.min <= 1 + 1e-9) continue;
    const current = best?.spread;
    const range = spread.max - spread.min;
    if (current === undefined || range > current.max - current.min + 1e-9 || (Math.abs(range - (current.max - current.min)) < 1e-9 && spread.agreement < current.agreement)) {
      best = component;
    }
  }
  return best;
};
