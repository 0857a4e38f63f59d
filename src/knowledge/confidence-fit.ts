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
  intercept: -4.8491,
  coefficients: [
    0.4952,
    4.0261,
    1.1252,
    3.3754,
    0.5971,
    1.7809,
    -0.0086,
    1.0475,
    -1.2207
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
