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
  intercept: -1.4935,
  coefficients: [
    1.8499,
    0.515,
    1.8454,
    2.2917,
    -0.124,
    0.5445,
    -1.9033,
    -1.4173
  ],
  lowFrom: 0.5235,
  highFrom: 0.6423
};
