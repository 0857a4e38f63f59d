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
  intercept: -4.9061,
  coefficients: [
    0.5204,
    4.073,
    1.0705,
    3.3292,
    0.6747,
    1.7891,
    0.0859,
    1.0382,
    -1.3596
  ],
  lowFrom: 0.525,
  highFrom: 0.85
};
