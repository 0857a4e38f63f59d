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
  intercept: -2.8154,
  coefficients: [
    1.7286,
    1.2965,
    2.2273,
    1.6496,
    0.2453,
    1.1297,
    -1.2875,
    -1.8483
  ],
  lowFrom: 0.495,
  highFrom: 0.8171
};
