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
  intercept: -4.5515,
  coefficients: [
    0.5318,
    3.7289,
    1.0307,
    3.2603,
    0.6301,
    1.6349,
    -0.0194,
    1.0047,
    -1.4927
  ],
  lowFrom: 0.525,
  highFrom: 0.85
};
