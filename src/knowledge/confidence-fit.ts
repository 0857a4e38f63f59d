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
    'nameMissing',
    'length'
  ],
  intercept: -2.337,
  coefficients: [
    1.0889,
    2.1278,
    1.8176,
    2.213,
    0.1036,
    -0.1122,
    -1.0676,
    -1.157,
    0.3826
  ],
  lowFrom: 0.445,
  highFrom: 0.7448
};
