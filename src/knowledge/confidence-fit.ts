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
  intercept: -3.0184,
  coefficients: [
    0.554,
    2.7987,
    1.9974,
    3.0103,
    0.3375,
    0.386,
    -1.431,
    0.7274
  ],
  lowFrom: 0.445,
  highFrom: 0.7583
};
