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
  intercept: -4.8452,
  coefficients: [
    0.522,
    4.0228,
    1.0807,
    3.3718,
    0.602,
    1.7727,
    0.0348,
    1.0535,
    -1.4784
  ],
  lowFrom: 0.525,
  highFrom: 0.85
};
