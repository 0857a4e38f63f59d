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
  intercept: -2.9265,
  coefficients: [
    1.7516,
    1.2656,
    2.3413,
    1.6386,
    0.165,
    1.2206,
    -1.2389,
    -1.8397
  ],
  lowFrom: 0.5,
  highFrom: 0.8133
};
