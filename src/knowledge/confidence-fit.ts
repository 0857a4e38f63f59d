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
  intercept: -5.7458,
  coefficients: [
    0.4217,
    3.7649,
    1.6778,
    4.4991,
    0.695,
    2.3841,
    0.056,
    0.9931,
    -0.6327
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
