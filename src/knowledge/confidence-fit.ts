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
  intercept: -3.6479,
  coefficients: [
    0.8006,
    2.9475,
    0.9665,
    2.2964,
    0.315,
    1.1831,
    -0.0445,
    0.7592
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
