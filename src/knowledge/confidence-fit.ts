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
  intercept: -4.4622,
  coefficients: [
    0.5572,
    3.713,
    1.0424,
    3.3287,
    0.6233,
    1.5089,
    -0.0077,
    0.9673,
    -1.4698
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
