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
    'length',
    'bridgedShare'
  ],
  intercept: -3.7412,
  coefficients: [
    0.6739,
    2.9503,
    0.4526,
    2.7895,
    0.2604,
    1.388,
    0.5108,
    0.6925,
    -1.2362
  ],
  lowFrom: 0.49,
  highFrom: 0.85
};
