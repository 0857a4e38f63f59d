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
  intercept: -1.9729,
  coefficients: [
    1.6578,
    -0.374,
    1.1538,
    2.11,
    -0.6951,
    1.6485,
    -0.5371,
    -1.614
  ],
  lowFrom: 0.5565,
  highFrom: 0.6314
};
