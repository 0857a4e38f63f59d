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
  intercept: -3.3808,
  coefficients: [
    0.8633,
    2.4928,
    1.8246,
    2.7195,
    0.2818,
    0.9197,
    -0.685,
    0.5686
  ],
  lowFrom: 0.46,
  highFrom: 0.7613
};
