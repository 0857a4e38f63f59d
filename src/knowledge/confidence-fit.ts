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
  intercept: -3.5112,
  coefficients: [
    0.9466,
    2.8915,
    0.9677,
    2.2404,
    0.3133,
    1.0589,
    -0.086,
    0.7736,
    -1.1019
  ],
  lowFrom: 0.495,
  highFrom: 0.85
};
