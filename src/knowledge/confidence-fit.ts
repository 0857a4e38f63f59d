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
  intercept: -4.8448,
  coefficients: [
    0.5212,
    4.039,
    1.0907,
    3.3434,
    0.5922,
    1.777,
    0.0425,
    1.0403,
    -1.4867
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
