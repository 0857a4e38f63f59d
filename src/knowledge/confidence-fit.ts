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
  intercept: -2.5718,
  coefficients: [
    0.8065,
    2.1839,
    2.0462,
    2.0677,
    0.1836,
    0.5082,
    -1.3758,
    0.4126
  ],
  lowFrom: 0.425,
  highFrom: 0.7246
};
