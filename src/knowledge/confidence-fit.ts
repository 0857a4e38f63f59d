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
  intercept: -3.2415,
  coefficients: [
    0.4937,
    3.0705,
    1.0295,
    2.9461,
    0.1732,
    0.6367,
    -0.092,
    0.6597
  ],
  lowFrom: 0.465,
  highFrom: 0.85
};
