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
    'nameMissing',
    'length'
  ],
  intercept: -2.2811,
  coefficients: [
    1.0767,
    2.0629,
    1.8426,
    2.1798,
    0.0329,
    -0.1014,
    -1.0793,
    -1.1522,
    0.3989
  ],
  lowFrom: 0.44,
  highFrom: 0.7462
};
