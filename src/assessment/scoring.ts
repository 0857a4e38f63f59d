import type { AnswerPort, ComponentScore, Logger } from '../core/ports.js';
import type { Citation } from '../core/replies.js';
import { errorMessage } from '../core/errors.js';
import { scaleRange, type Framework } from './framework-schema.js';

/** Scores of one completed assessment. Percentages are 0-100 with one decimal; `null` when nothing was answered. */
export interface AssessmentScore {
  overallPercent: number | null;
  components: ComponentScore[];
  scale: { min: number; max: number };
}

/** A next step for a weak component, with the knowledge-base passage that supports it when one was found. */
export interface NextStep {
  text: string;
  citation?: Citation;
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

/** How many strengths and weaknesses to name: one per three scored components, between 1 and 3. */
const pickCount = (scored: number): number => Math.min(3, Math.max(1, Math.floor(scored / 3)));

/**
 * Weaknesses are the lowest-scoring components below 100%; strengths the highest ones that score
 * strictly above every weakness, so one score never appears on both sides. Ties keep the
 * framework's order.
 */
export const rankComponents = (components: readonly ComponentScore[]): { strengths: ComponentScore[]; weaknesses: ComponentScore[] } => {
  const scored = components.filter((component): component is ComponentScore & { percent: number } => component.percent !== null);
  if (scored.length === 0) return { strengths: [], weaknesses: [] };
  const count = pickCount(scored.length);
  const weaknesses = [...scored]
    .sort((a, b) => a.percent - b.percent)
    .filter((component) => component.percent < 100)
    .slice(0, count);
  const bar = weaknesses.length > 0 ? Math.max(...weaknesses.map((c) => c.percent)) : Math.min(...scored.map((c) => c.percent));
  const strengths = [...scored]
    .sort((a, b) => b.percent - a.percent)
    .filter((component) => component.percent > bar)
    .slice(0, count);
  return { strengths, weaknesses };
};

/**
 * Strengths, weaknesses and next steps. Each step's `searchQuery` goes to the knowledge base; its
 * best source is cited when the knowledge base has an answer. A failing search only loses the citation.
 */
export const buildFeedback = (
  framework: Framework,
  score: AssessmentScore,
  answers: AnswerPort,
  logger?: Logger,
): Feedback => {
  const { strengths, weaknesses } = rankComponents(score.components);
  return {
    strengths,
    weaknesses: weaknesses.map((component) => ({
      component,
      steps: (framework.advice[component.id] ?? []).map((step): NextStep => {
        try {
          const found = answers.answer(step.searchQuery);
          const best = found.noAnswer ? undefined : found.sources[0];
          return best === undefined ? { text: step.text } : { text: step.text, citation: { title: best.title, source: best.source } };
        } catch (error) {
          logger?.warn({ err: errorMessage(error), query: step.searchQuery }, 'advice search failed');
          return { text: step.text };
        }
      }),
    })),
  };
};
