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
  intercept: -2.4853,
  coefficients: [
    0.8603,
    2.2725,
    2.0346,
    2.0088,
    0.1963,
    0.3731,
    -1.3908,
    0.3718
  ],
  lowFrom: 0.425,
  highFrom: 0.7272
};
