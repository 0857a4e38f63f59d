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
  intercept: -4.9243,
  coefficients: [
    0.6072,
    3.9596,
    1.0827,
    3.4603,
    0.6777,
    1.7118,
    0.0881,
    1.1043,
    -1.3811
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
