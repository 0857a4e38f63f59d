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
  intercept: -3.3007,
  coefficients: [
    0.9502,
    2.5923,
    1.7753,
    2.6905,
    0.2243,
    0.792,
    -0.7247,
    0.5718
  ],
  lowFrom: 0.455,
  highFrom: 0.7685
};
