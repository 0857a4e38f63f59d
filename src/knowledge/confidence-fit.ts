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
  intercept: -3.2393,
  coefficients: [
    0.4739,
    3.0558,
    1.0296,
    2.9676,
    0.1701,
    0.6458,
    -0.0861,
    0.6574
  ],
  lowFrom: 0.465,
  highFrom: 0.85
};
