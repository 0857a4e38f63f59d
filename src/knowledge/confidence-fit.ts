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
  intercept: -2.4845,
  coefficients: [
    1.8817,
    -0.4347,
    1.2462,
    2.2696,
    -0.5019,
    2.1008,
    -0.6504,
    -1.6374
  ],
  lowFrom: 0.5218,
  highFrom: 0.61
};
