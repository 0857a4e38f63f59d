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
  intercept: -4.0456,
  coefficients: [
    0.7569,
    3.2026,
    0.551,
    3.2606,
    0.3604,
    1.3868,
    0.4155,
    0.7981,
    -1.2887
  ],
  lowFrom: 0.51,
  highFrom: 0.85
};
