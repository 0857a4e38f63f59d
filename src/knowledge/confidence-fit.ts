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
  intercept: -3.0569,
  coefficients: [
    0.5968,
    2.8051,
    2.0203,
    3.0329,
    0.3462,
    0.3764,
    -1.4259,
    0.7217
  ],
  lowFrom: 0.445,
  highFrom: 0.7583
};
