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
  intercept: -1.5302,
  coefficients: [
    -0.1466,
    0.4751,
    0.2801,
    1.5271,
    -0.3115,
    1.9556,
    -0.4334,
    -1.5632
  ],
  lowFrom: 0.5416,
  highFrom: 0.7462
};
