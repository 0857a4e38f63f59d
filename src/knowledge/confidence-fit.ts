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
  intercept: -5.4416,
  coefficients: [
    0.4534,
    3.6038,
    1.4499,
    3.9716,
    0.5872,
    2.3809,
    -0.066,
    1.1509,
    -0.8523
  ],
  lowFrom: 0.53,
  highFrom: 0.85
};
