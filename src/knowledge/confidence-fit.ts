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
    'length'
  ],
  intercept: -3.6006,
  coefficients: [
    0.8896,
    2.9254,
    0.979,
    2.2641,
    0.3167,
    1.1161,
    -0.0606,
    0.7552
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
