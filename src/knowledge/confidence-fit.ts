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
  intercept: -4.0575,
  coefficients: [
    0.7722,
    3.1717,
    0.5389,
    2.9732,
    0.3513,
    1.4403,
    0.4746,
    0.7957,
    -1.2501
  ],
  lowFrom: 0.495,
  highFrom: 0.85
};
