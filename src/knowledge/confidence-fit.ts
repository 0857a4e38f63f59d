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
  intercept: -5.7796,
  coefficients: [
    0.4446,
    3.7643,
    1.7663,
    4.4969,
    0.4964,
    2.3568,
    0.1258,
    0.9896,
    -0.6295
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
