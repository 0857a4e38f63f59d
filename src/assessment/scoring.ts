import type { ComponentScore } from '../core/assessment-store.js';
import type { Citation } from '../core/replies.js';
import { scaleRange, type Framework } from './framework-schema.js';

/** Scores of one completed assessment. Percentages are 0-100 with one decimal; `null` when nothing was answered. */
export interface AssessmentScore {
  overallPercent: number | null;
  components: ComponentScore[];
  scale: { min: number; max: number };
}

/**
 * A next step for a weak component. `quote` is the cited document's own words. Without `text` the
 * quote is the step itself; with `text` the step is the project's advice and the quote is related
 * reading, never its source.
 */
export interface NextStep {
  text?: string;
  quote: string;
  citation: Citation;
}

export interface Weakness {
  component: ComponentScore;
  steps: NextStep[];
}

export interface Feedback {
  strengths: ComponentScore[];
  weaknesses: Weakness[];
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/**
 * Scores answers against a framework: each answered question counts
 * (value - min) / (max - min); a component's percent is the mean over its answered questions, the
 * overall percent the mean over all answered questions. Skipped (`null`) and missing answers are
 * left out; a component with none answered scores `null`.
 */
export const scoreAnswers = (framework: Framework, answers: Readonly<Record<string, number | null>>): AssessmentScore => {
  const scale = scaleRange(framework);
  const span = scale.max - scale.min;
  const fractionOf = (value: number): number => (value - scale.min) / span;
  const all: number[] = [];
  const components = framework.components.map((component): ComponentScore => {
    const fractions = component.questions
      .map((question) => answers[question.id])
      .filter((value): value is number => typeof value === 'number')
      .map(fractionOf);
    all.push(...fractions);
    return {
      id: component.id,
      label: component.label,
      percent: fractions.length === 0 ? null : round1((100 * fractions.reduce((a, b) => a + b, 0)) / fractions.length),
      answered: fractions.length,
      total: component.questions.length,
    };
  });
  const overallPercent = all.length === 0 ? null : round1((100 * all.reduce((a, b) => a + b, 0)) / all.length);
  return { overallPercent, components, scale };
};

/** Weaknesses named at most, each with its next steps. */
const MAX_WEAKNESSES = 3;
/** How many weaknesses to name: one per three scored components, between 1 and 3. */
const pickCount = (scored: number): number => Math.min(MAX_WEAKNESSES, Math.max(1, Math.floor(scored / 3)));

/** Below this (as displayed, whole percent) an area is not called a strength, however it ranks. */
export const STRENGTH_MIN_PERCENT = 67;

/**
 * Strengths are the areas with the top score, when that score is at least 67% as displayed; a tie
 * names all of them. Weaknesses are the lowest-scoring other areas below 100% (one per three areas,
 * one to three, and those tied with the last of them while there are at most three). Scores are compared
 * as displayed (whole percent), so two areas that read the same are treated the same. Areas with no
 * answer are on neither side. Ties keep the framework's order.
 */
export const rankComponents = (components: readonly ComponentScore[]): { strengths: ComponentScore[]; weaknesses: ComponentScore[] } => {
  const scored = components
    .filter((component): component is ComponentScore & { percent: number } => component.percent !== null)
    .map((component) => ({ component, shown: Math.round(component.percent) }));
  if (scored.length === 0) return { strengths: [], weaknesses: [] };
  const top = Math.max(...scored.map((entry) => entry.shown));
  const strengths = top >= STRENGTH_MIN_PERCENT ? scored.filter((entry) => entry.shown === top) : [];
  const candidates = scored.filter((entry) => entry.shown < 100 && !strengths.includes(entry)).sort((a, b) => a.shown - b.shown);
  // Areas tied with the last one named are named too, up to three: which of two equal areas to leave out is arbitrary.
  const count = pickCount(scored.length);
  const last = candidates[count - 1]?.shown;
  const weaknesses = candidates.filter((entry, i) => i < count || entry.shown === last).slice(0, MAX_WEAKNESSES);
  return { strengths: strengths.map((entry) => entry.component), weaknesses: weaknesses.map((entry) => entry.component) };
};

/** The framework's next steps for one component, with the documents they quote. */
export const nextSteps = (framework: Framework, componentId: string): NextStep[] =>
  (framework.advice[componentId] ?? []).map((step) => ({
    ...(step.text === undefined ? {} : { text: step.text }),
    quote: step.quote,
    citation: { title: framework.documents[step.source] ?? step.source, source: step.source },
  }));

/** Strengths, weaknesses and the next steps for each weakness. */
export const buildFeedback = (framework: Framework, score: AssessmentScore): Feedback => {
  const { strengths, weaknesses } = rankComponents(score.components);
  return {
    strengths,
    weaknesses: weaknesses.map((component) => ({ component, steps: nextSteps(framework, component.id) })),
  };
};
