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
  intercept: -4.392,
  coefficients: [
    0.5501,
    3.6477,
    1.0348,
    3.2229,
    0.6087,
    1.4727,
    0.0187,
    0.9615,
    -1.4339
  ],
  lowFrom: 0.51,
  highFrom: 0.85
};
