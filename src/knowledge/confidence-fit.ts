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
  intercept: -4.8456,
  coefficients: [
    0.5212,
    4.0389,
    1.0908,
    3.3434,
    0.5922,
    1.7779,
    0.0424,
    1.0406,
    -1.4869
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
