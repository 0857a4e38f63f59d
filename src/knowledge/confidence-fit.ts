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
  intercept: -5.44,
  coefficients: [
    0.3857,
    3.5309,
    1.5513,
    3.9305,
    0.6154,
    2.5449,
    -0.0816,
    1.0417,
    -0.6035
  ],
  lowFrom: 0.535,
  highFrom: 0.85
};
