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
  intercept: -5.2352,
  coefficients: [
    0.4997,
    3.835,
    1.4074,
    3.6195,
    0.5089,
    1.9552,
    -0.0067,
    1.1705,
    -1.2722
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
