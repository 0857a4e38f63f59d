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
  intercept: -3.1817,
  coefficients: [
    0.5634,
    3.0976,
    0.9146,
    2.9293,
    0.3004,
    0.4877,
    -0.1635,
    0.7333
  ],
  lowFrom: 0.455,
  highFrom: 0.85
};
