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
    'length'
  ],
  intercept: -2.9323,
  coefficients: [
    0.6194,
    2.6564,
    1.9278,
    2.9209,
    0.2021,
    0.4234,
    -1.3337,
    0.6378
  ],
  lowFrom: 0.43,
  highFrom: 0.75
};
