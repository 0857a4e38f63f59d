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
  intercept: -5.04,
  coefficients: [
    0.4395,
    3.7304,
    1.2825,
    3.4103,
    0.473,
    1.965,
    0.0774,
    1.0363,
    -1.1696
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
