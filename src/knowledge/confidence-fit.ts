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
  intercept: -5.483,
  coefficients: [
    0.488,
    4.0151,
    1.5226,
    4.0027,
    0.6037,
    2.0243,
    0.0219,
    1.1264,
    -1.3144
  ],
  lowFrom: 0.505,
  highFrom: 0.85
};
