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
  intercept: -5.7773,
  coefficients: [
    0.4776,
    3.7439,
    1.7695,
    4.5206,
    0.4839,
    2.3412,
    0.1194,
    0.9886,
    -0.6246
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
