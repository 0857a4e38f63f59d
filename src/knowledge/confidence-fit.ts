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
  intercept: -2.4592,
  coefficients: [
    1.1058,
    2.189,
    1.8686,
    2.1947,
    0.0886,
    -0.0642,
    -1.0342,
    -1.162,
    0.3839
  ],
  lowFrom: 0.44,
  highFrom: 0.7448
};
