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
  intercept: -3.4402,
  coefficients: [
    0.8505,
    2.542,
    1.8268,
    2.6568,
    0.2918,
    0.9979,
    -0.6971,
    0.5735
  ],
  lowFrom: 0.46,
  highFrom: 0.761
};
