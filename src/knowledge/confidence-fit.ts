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
  intercept: -2.9683,
  coefficients: [
    0.9163,
    2.5452,
    2.25,
    2.7004,
    0.3258,
    0.4622,
    -1.3742,
    0.5218
  ],
  lowFrom: 0.44,
  highFrom: 0.7678
};
