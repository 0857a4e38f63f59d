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
  intercept: -4.9621,
  coefficients: [
    0.6153,
    3.9461,
    1.1113,
    3.4681,
    0.6546,
    1.745,
    0.104,
    1.1052,
    -1.3629
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
