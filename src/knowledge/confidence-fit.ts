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
  intercept: -4.3916,
  coefficients: [
    0.5649,
    3.6676,
    1.0292,
    3.2141,
    0.6083,
    1.4542,
    0.0235,
    0.9641,
    -1.4426
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
