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
  intercept: -3.6758,
  coefficients: [
    0.7572,
    3.2138,
    0.942,
    2.4803,
    0.2221,
    0.9462,
    -0.0649,
    0.8086
  ],
  lowFrom: 0.455,
  highFrom: 0.85
};
