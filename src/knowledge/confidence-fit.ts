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
  intercept: -3.256,
  coefficients: [
    1.0899,
    2.26,
    1.7403,
    2.3837,
    0.7676,
    0.7291,
    -1.1701,
    -1.4004,
    0.7517
  ],
  lowFrom: 0.465,
  highFrom: 0.7527
};
