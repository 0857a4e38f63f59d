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
    'length',
    'bridgedShare'
  ],
  intercept: -5.3549,
  coefficients: [
    0.4535,
    3.914,
    1.3817,
    3.8524,
    0.6248,
    2.0444,
    -0.0561,
    1.1708,
    -1.2846
  ],
  lowFrom: 0.51,
  highFrom: 0.85
};
