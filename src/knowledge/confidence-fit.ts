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
  intercept: -3.1306,
  coefficients: [
    0.5888,
    2.7574,
    2.1798,
    2.8711,
    0.2187,
    0.5122,
    -1.3424,
    0.7038
  ],
  lowFrom: 0.445,
  highFrom: 0.7456
};
