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
    'nameMissing'
  ],
  intercept: -2.6344,
  coefficients: [
    1.7122,
    1.198,
    2.1204,
    1.5551,
    0.301,
    1.1903,
    -1.4492,
    -2.2197
  ],
  lowFrom: 0.515,
  highFrom: 0.7257
};
