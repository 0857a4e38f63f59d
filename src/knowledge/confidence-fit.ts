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
  intercept: -3.4345,
  coefficients: [
    0.4899,
    3.0494,
    1.3911,
    2.9831,
    0.1067,
    0.8834,
    -0.177,
    0.5848
  ],
  lowFrom: 0.48,
  highFrom: 0.85
};
