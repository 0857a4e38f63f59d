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
  intercept: -5.018,
  coefficients: [
    0.5322,
    4.1331,
    1.1128,
    3.2347,
    0.6256,
    1.8734,
    0.143,
    1.0111,
    -1.5499
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
