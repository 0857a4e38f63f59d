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
    'nameMissing'
  ],
  intercept: -1.4592,
  coefficients: [
    1.7442,
    0.4123,
    1.441,
    2.3947,
    0.0157,
    0.6007,
    -1.4929,
    -1.4361
  ],
  lowFrom: 0.5218,
  highFrom: 0.6454
};
