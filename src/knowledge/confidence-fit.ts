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
  intercept: -5.4391,
  coefficients: [
    0.4478,
    3.6081,
    1.4435,
    3.9642,
    0.5853,
    2.3792,
    -0.0705,
    1.1623,
    -0.8576
  ],
  lowFrom: 0.53,
  highFrom: 0.85
};
