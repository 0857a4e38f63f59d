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
  intercept: -3.4205,
  coefficients: [
    0.4893,
    3.0549,
    1.4001,
    2.9672,
    0.1102,
    0.8702,
    -0.1871,
    0.5758
  ],
  lowFrom: 0.485,
  highFrom: 0.85
};
