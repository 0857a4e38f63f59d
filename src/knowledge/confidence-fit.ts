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
  intercept: -5.2888,
  coefficients: [
    0.4972,
    3.875,
    1.3833,
    3.6466,
    0.5746,
    1.98,
    -0.0167,
    1.1749,
    -1.2655
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
