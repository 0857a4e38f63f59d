import type { ConfidenceModel } from './confidence.js';

/** Written by `npx tsx scripts/fit-confidence.ts --write` from the tuning half; do not edit by hand. */
export const fittedConfidence: ConfidenceModel = {
  features: [
    'coverage',
    'sentenceCoverage',
    'missingRarity',
    'margin',
    'lackedRarity',
    'score',
    'sentenceMissingRarity',
    'nameMissing'
  ],
  intercept: -1.4115,
  coefficients: [
    -0.1893,
    0.4794,
    0.2489,
    1.9676,
    -0.3215,
    1.8256,
    -0.545,
    -1.5367
  ],
  lowFrom: 0.5268,
  highFrom: 0.7257
};
