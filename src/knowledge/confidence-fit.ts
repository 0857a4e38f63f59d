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
  intercept: -4.4621,
  coefficients: [
    0.5567,
    3.7131,
    1.0431,
    3.329,
    0.6235,
    1.5092,
    -0.0089,
    0.9672,
    -1.4698
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
