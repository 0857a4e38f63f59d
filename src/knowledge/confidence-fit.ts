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
  intercept: -3.6238,
  coefficients: [
    0.8429,
    2.7868,
    0.4887,
    2.862,
    0.2365,
    1.2046,
    0.5386,
    0.6604,
    -1.198
  ],
  lowFrom: 0.49,
  highFrom: 0.85
};
