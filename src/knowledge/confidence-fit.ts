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
  intercept: -5.4365,
  coefficients: [
    0.4076,
    3.9829,
    1.4669,
    3.8705,
    0.519,
    2.0673,
    0.0187,
    1.1645,
    -1.2815
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
