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
  intercept: -2.799,
  coefficients: [
    0.8819,
    2.4919,
    1.9268,
    2.6488,
    0.2081,
    0.332,
    -1.2699,
    0.5177
  ],
  lowFrom: 0.475,
  highFrom: 0.7172
};
