import type { ConfidenceModel } from './confidence.js';

/** Written by `npx tsx scripts/fit-confidence.ts --write` from the tuning halves; do not edit by hand. */
export const fittedConfidence: ConfidenceModel = {
  features: [
    'askedCoverage',
    'sentenceCoverage',
    'missingRarity',
    'margin',
    'lackedRarity',
    'score',
    'sentenceMissingRarity',
    'length',
    'bridgedShare'
  ],
  intercept: -5.2407,
  coefficients: [
    0.4965,
    3.8326,
    1.3997,
    3.6337,
    0.5198,
    1.9579,
    -0.0092,
    1.1736,
    -1.2641
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
