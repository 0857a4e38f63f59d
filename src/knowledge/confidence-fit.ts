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
  intercept: -3.222,
  coefficients: [
    0.9285,
    2.3407,
    2.0739,
    2.6962,
    0.2788,
    0.8233,
    -1.156,
    0.6198
  ],
  lowFrom: 0.445,
  highFrom: 0.7608
};
