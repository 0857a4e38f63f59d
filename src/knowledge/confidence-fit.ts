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
  intercept: -3.0321,
  coefficients: [
    0.5747,
    2.8145,
    2.0246,
    2.9857,
    0.3091,
    0.3731,
    -1.4191,
    0.7296
  ],
  lowFrom: 0.435,
  highFrom: 0.7571
};
