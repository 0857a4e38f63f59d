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
    'nameMissing'
  ],
  intercept: -1.3965,
  coefficients: [
    1.7083,
    0.2087,
    1.8291,
    2.0089,
    -0.2074,
    0.6028,
    -1.6308,
    -1.3685
  ],
  lowFrom: 0.5077,
  highFrom: 0.6422
};
