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
  intercept: -3.2178,
  coefficients: [
    0.9321,
    2.3415,
    2.0723,
    2.7021,
    0.2805,
    0.8174,
    -1.1579,
    0.6179
  ],
  lowFrom: 0.445,
  highFrom: 0.7611
};
