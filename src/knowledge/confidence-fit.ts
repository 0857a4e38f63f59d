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
  intercept: -3.2932,
  coefficients: [
    0.6305,
    3.1456,
    0.841,
    2.4599,
    0.266,
    0.7153,
    -0.1221,
    0.7591
  ],
  lowFrom: 0.465,
  highFrom: 0.85
};
