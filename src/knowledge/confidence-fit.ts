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
  intercept: -4.8877,
  coefficients: [
    0.5917,
    3.9397,
    1.0909,
    3.467,
    0.6576,
    1.7032,
    0.0614,
    1.1012,
    -1.4677
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
