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
  intercept: -5.781,
  coefficients: [
    0.4419,
    3.7673,
    1.7645,
    4.4982,
    0.4978,
    2.3568,
    0.125,
    0.9928,
    -0.6299
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
