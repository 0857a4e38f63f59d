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
  intercept: -2.8418,
  coefficients: [
    0.6156,
    2.6072,
    1.9275,
    3.111,
    0.2137,
    0.334,
    -1.382,
    0.6318
  ],
  lowFrom: 0.44,
  highFrom: 0.734
};
