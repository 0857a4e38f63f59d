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
  intercept: -5.7798,
  coefficients: [
    0.4447,
    3.7643,
    1.7663,
    4.4972,
    0.4964,
    2.357,
    0.1258,
    0.9896,
    -0.6296
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
