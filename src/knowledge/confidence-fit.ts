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
  intercept: -5.4278,
  coefficients: [
    0.4078,
    3.5252,
    1.5619,
    3.9255,
    0.56,
    2.5481,
    -0.0906,
    1.017,
    -0.751
  ],
  lowFrom: 0.535,
  highFrom: 0.85
};
