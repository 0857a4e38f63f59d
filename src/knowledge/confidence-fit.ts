import type { ConfidenceModel } from './confidence.js';

/** Written by `npx tsx scripts/fit-confidence.ts --write` from the tuning half; do not edit by hand. */
export const fittedConfidence: ConfidenceModel = {
  features: [
    'askedCoverage',
    'sentenceCoverage',
    'missingRarity',
    'margin',
    'lackedRarity',
    'score',
    'sentenceMissingRarity',
    'nameMissing'
  ],
  intercept: -2.1521,
  coefficients: [
    1.7869,
    -0.3968,
    1.2814,
    2.016,
    -0.6737,
    1.7684,
    -0.5773,
    -1.6274
  ],
  lowFrom: 0.5384,
  highFrom: 0.607
};
