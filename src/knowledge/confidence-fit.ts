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
  intercept: -3.1987,
  coefficients: [
    0.8778,
    2.6528,
    1.8186,
    2.7194,
    0.2723,
    0.816,
    -0.7634,
    0.4556
  ],
  lowFrom: 0.465,
  highFrom: 0.7197
};
