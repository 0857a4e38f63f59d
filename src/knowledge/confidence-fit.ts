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
  intercept: -4.0562,
  coefficients: [
    0.7817,
    3.1633,
    0.5333,
    2.942,
    0.3494,
    1.4492,
    0.4755,
    0.7923,
    -1.2841
  ],
  lowFrom: 0.495,
  highFrom: 0.85
};
