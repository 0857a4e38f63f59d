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
  intercept: -4.1137,
  coefficients: [
    0.6497,
    3.3099,
    0.5541,
    3.2347,
    0.4368,
    1.4597,
    0.4408,
    0.7773,
    -1.2858
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
