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
  intercept: -2.4207,
  coefficients: [
    0.7798,
    2.297,
    2.0469,
    2.0319,
    0.1606,
    0.3607,
    -1.3811,
    0.3298
  ],
  lowFrom: 0.435,
  highFrom: 0.728
};
