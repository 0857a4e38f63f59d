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
  intercept: -5.8211,
  coefficients: [
    0.5669,
    3.6627,
    1.6471,
    4.5565,
    0.4682,
    2.4231,
    0.2461,
    0.9806,
    -0.6147
  ],
  lowFrom: 0.525,
  highFrom: 0.85
};
