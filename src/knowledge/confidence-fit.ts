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
  intercept: -3.2774,
  coefficients: [
    0.6629,
    3.1041,
    0.8639,
    2.5748,
    0.2645,
    0.7157,
    -0.1663,
    0.7448
  ],
  lowFrom: 0.46,
  highFrom: 0.85
};
