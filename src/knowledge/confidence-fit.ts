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
  intercept: -3.1243,
  coefficients: [
    0.7474,
    2.6395,
    1.7321,
    2.8172,
    0.3148,
    0.832,
    -0.7805,
    0.4429
  ],
  lowFrom: 0.465,
  highFrom: 0.7062
};
