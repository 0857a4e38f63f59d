import { judgeQuestion } from './answer.js';
import { FEATURE_NAMES, featureVector, ruledOut, type ConfidenceModel } from './confidence.js';
import type { EvalSet } from './evaluate.js';
import type { PassageSearch } from './search.js';
import { foldForPhrase } from './text.js';

/**
 * Fitting the confidence model (see `ConfidenceModel`) on an evaluation set: a logistic regression
 * of "the first passage holds the answer" over the confidence features, then the probabilities
 * from which the bot answers and answers plainly. Used by `scripts/fit-confidence.ts` on the
 * tuning halves only.
 */

/** Ridge penalty on the coefficients, per question. */
const L2 = 0.001;
/** A wrong answer costs this many right ones: answers are given from where they are more often right than wrong. */
const WRONG_COST = 1;
/**
 * A plain ("high") answer should be wrong at most this often: taken together (the bound below), and
 * each on its own, as the model sees it: no answer the model gives less than 1 - this chance of
 * being right is plain. Taken together alone, the point moved from 0.76 to 0.65 over a round of
 * refits as the rules refused more near misses, and answers the model thought 65% right were plain.
 */
const HIGH_WRONG_SHARE = 0.15;

export interface Sample {
  x: number[];
  /** Refused by rule (see `ruledOut`), whatever the model says. */
  ruled: boolean;
  /** 1 when the first passage holds the answer. */
  y: number;
  answerable: boolean;
}

/** Features and outcome of every question of a set, judged as the bot judges it (`judgeQuestion`). */
export const collectSamples = (search: PassageSearch, set: EvalSet): Sample[] => {
  const sample = (question: string, previous: string | undefined, holds: (text: string, source: string) => boolean, answerable: boolean): Sample => {
    const { hits, features } = judgeQuestion(search, question, previous);
    const best = hits[0];
    return { x: featureVector(features), ruled: ruledOut(features), y: best && holds(best.passage.text, best.passage.source) ? 1 : 0, answerable };
  };
  return [
    ...set.answerable.map((item) =>
      sample(item.question, item.previous, (text, source) => source === item.file && item.must.some((must) => foldForPhrase(text).includes(foldForPhrase(must))), true),
    ),
    ...set.unanswerable.map((item) => sample(item.question, item.previous, () => false, false)),
  ];
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
/** Weights: intercept first. */
const predict = (w: readonly number[], x: readonly number[]): number => sigmoid(x.reduce((z, v, i) => z + v * (w[i + 1] ?? 0), w[0] ?? 0));

/** Gaussian elimination with partial pivoting. */
const solve = (a: number[][], b: number[]): number[] => {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  const at = (r: number, c: number): number => m[r]?.[c] ?? 0;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(at(r, c)) > Math.abs(at(pivot, c))) pivot = r;
    [m[c], m[pivot]] = [m[pivot] ?? [], m[c] ?? []];
    for (let r = 0; r < n; r++) {
      if (r === c || at(c, c) === 0) continue;
      const f = at(r, c) / at(c, c);
      const row = m[r] ?? [];
      for (let k = c; k <= n; k++) row[k] = at(r, k) - f * at(c, k);
    }
  }
  return m.map((row, i) => (at(i, i) === 0 ? 0 : (row[n] ?? 0) / at(i, i)));
};

/** Ridge logistic regression by Newton's method; weights with the intercept first. */
const logistic = (samples: readonly Sample[]): number[] => {
  const d = (samples[0]?.x.length ?? 0) + 1;
  let w = Array.from<number>({ length: d }).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = Array.from<number>({ length: d }).fill(0);
    const hessian = Array.from({ length: d }, () => Array.from<number>({ length: d }).fill(0));
    for (const { x, y } of samples) {
      const row = [1, ...x];
      const p = predict(w, x);
      row.forEach((ri, i) => {
        gradient[i] = (gradient[i] ?? 0) + (p - y) * ri;
        const h = hessian[i] ?? [];
        row.forEach((rj, j) => (h[j] = (h[j] ?? 0) + p * (1 - p) * ri * rj));
      });
    }
    for (let i = 1; i < d; i++) {
      gradient[i] = (gradient[i] ?? 0) + L2 * samples.length * (w[i] ?? 0);
      const h = hessian[i] ?? [];
      h[i] = (h[i] ?? 0) + L2 * samples.length;
    }
    const step = solve(hessian, gradient);
    w = w.map((v, i) => v - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return w;
};

/** What answering from a probability on gives on a set of samples. */
export interface FitOutcome {
  right: number;
  wrong: number;
  refusedUnanswerable: number;
  answerable: number;
  unanswerable: number;
}

export const outcomeFrom = (samples: readonly Sample[], probabilities: readonly number[], from: number): FitOutcome => {
  const o: FitOutcome = { right: 0, wrong: 0, refusedUnanswerable: 0, answerable: 0, unanswerable: 0 };
  samples.forEach((s, i) => {
    const answered = !s.ruled && (probabilities[i] ?? 0) >= from;
    if (s.answerable) o.answerable++;
    else o.unanswerable++;
    if (!answered) o.refusedUnanswerable += s.answerable ? 0 : 1;
    else if (s.y === 1) o.right++;
    else o.wrong++;
  });
  return o;
};

/** Probabilities tried as the point from which to answer: a grid, so that no single question's probability is the point. */
const GRID = Array.from({ length: 101 }, (_, i) => 0.25 + i * 0.005);
/** Right minus wrong answers is averaged over this many grid steps either side: the curve is flat over a wide range, and its highest single point moves with single questions. */
const SMOOTHING_STEPS = 6;

/**
 * On a flat curve, answering from a lower point that gives up at most this much of right minus
 * wrong answers (averaged) is preferred: the bot should refuse only where the documents are silent,
 * and a difference of two questions in some 500 is not one the sets can tell. With one, the point jumped
 * between 0.43 and 0.515 from one rule to the next, as the averaged curve's top moved by a question
 * or two between 0.44 and 0.53.
 */
const TIE = 2;

/**
 * The lowest probability from which answering gives right answers minus WRONG_COST times wrong
 * ones, averaged over its neighbourhood, within TIE of the most it gives anywhere.
 */
export const chooseLowFrom = (samples: readonly Sample[], probabilities: readonly number[]): number => {
  const values = GRID.map((from) => {
    const o = outcomeFrom(samples, probabilities, from);
    return o.right - WRONG_COST * o.wrong;
  });
  const smoothed = values.map((_, i) => {
    const window = values.slice(Math.max(0, i - SMOOTHING_STEPS), i + SMOOTHING_STEPS + 1);
    return window.reduce((sum, v) => sum + v, 0) / window.length;
  });
  const most = Math.max(...smoothed);
  const at = smoothed.findIndex((value) => value >= most - TIE);
  return GRID[at] ?? 0.5;
};

/** One-sided normal quantile of the bound on the wrong share of plain answers (90%). */
const HIGH_BOUND_Z = 1.2816;

/** Wilson's upper bound on a share seen as `part` of `whole`, at `z`. */
export const wilsonUpper = (part: number, whole: number, z: number): number => {
  if (whole === 0) return 1;
  const p = part / whole;
  const z2 = z * z;
  return (p + z2 / (2 * whole) + z * Math.sqrt((p * (1 - p)) / whole + z2 / (4 * whole * whole))) / (1 + z2 / whole);
};

/**
 * The lowest probability from which answers are wrong at most HIGH_WRONG_SHARE of the time, by the
 * upper bound of that share rather than the share seen: where the share seen first dips under it,
 * single questions decide, and new questions answered plainly from there are wrong more often.
 */
const chooseHighFrom = (samples: readonly Sample[], probabilities: readonly number[], lowFrom: number): number => {
  for (const from of [...new Set(probabilities)].filter((p) => p >= lowFrom).sort((a, b) => a - b)) {
    const o = outcomeFrom(samples, probabilities, from);
    if (wilsonUpper(o.wrong, o.right + o.wrong, HIGH_BOUND_Z) <= HIGH_WRONG_SHARE) return from;
  }
  return 1;
};

/** The point from which answers are plain: where they are right often enough taken together, and never below the model's own 1 - HIGH_WRONG_SHARE. */
export const choosePlainFrom = (samples: readonly Sample[], probabilities: readonly number[], lowFrom: number): number =>
  Math.max(1 - HIGH_WRONG_SHARE, chooseHighFrom(samples, probabilities, lowFrom));

const round = (v: number): number => Math.round(v * 10_000) / 10_000;

/** Folds of the out-of-fold probabilities the thresholds are chosen on. */
const THRESHOLD_FOLDS = 5;

/** Each sample's probability from a model fitted without its fold: what the model says of questions it has not seen. */
const outOfFold = (samples: readonly Sample[]): number[] => {
  const probabilities = samples.map(() => 0);
  for (let k = 0; k < THRESHOLD_FOLDS; k++) {
    const w = logistic(samples.filter((s, i) => i % THRESHOLD_FOLDS !== k && !s.ruled));
    samples.forEach((s, i) => {
      if (i % THRESHOLD_FOLDS === k) probabilities[i] = predict(w, s.x);
    });
  }
  return probabilities;
};

/** Fits the model: coefficients on the samples no rule refuses, then both thresholds, on out-of-fold probabilities. */
export const fitConfidenceModel = (samples: readonly Sample[]): ConfidenceModel => {
  const w = logistic(samples.filter((s) => !s.ruled)).map(round);
  const probabilities = outOfFold(samples);
  const lowFrom = chooseLowFrom(samples, probabilities);
  return {
    features: FEATURE_NAMES,
    intercept: w[0] ?? 0,
    coefficients: w.slice(1),
    lowFrom: round(lowFrom),
    highFrom: round(choosePlainFrom(samples, probabilities, lowFrom)),
  };
};

/** The model's probability for a sample. */
export const sampleProbability = (model: ConfidenceModel, sample: Sample): number => predict([model.intercept, ...model.coefficients], sample.x);

/** k-fold cross-validation: each fold answered by a model fitted on the others. */
export const crossValidate = (samples: readonly Sample[], folds: number): FitOutcome => {
  const margins = samples.map(() => 0);
  for (let k = 0; k < folds; k++) {
    const model = fitConfidenceModel(samples.filter((_, i) => i % folds !== k));
    samples.forEach((s, i) => {
      if (i % folds === k) margins[i] = sampleProbability(model, s) - model.lowFrom;
    });
  }
  return outcomeFrom(samples, margins, 0);
};
