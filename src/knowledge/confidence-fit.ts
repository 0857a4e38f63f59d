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
  intercept: -5.2599,
  coefficients: [
    0.4957,
    3.8501,
    1.4006,
    3.633,
    0.535,
    1.9609,
    -0.0041,
    1.1801,
    -1.2672
  ],
  lowFrom: 0.52,
  highFrom: 0.85
};
