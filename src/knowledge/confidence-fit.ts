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
  intercept: -2.2535,
  coefficients: [
    1.9264,
    -0.7135,
    1.3023,
    2.2454,
    -0.6406,
    2.0992,
    -0.7215,
    -1.6541
  ],
  lowFrom: 0.5325,
  highFrom: 0.6138
};
