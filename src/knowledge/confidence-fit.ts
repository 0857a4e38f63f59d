import type { ConfidenceModel } from './confidence.js';

/** Written by `npx tsx scripts/fit-confidence.ts --write` from the tuning half; do not edit by hand. */
export const fittedConfidence: ConfidenceModel = {
  features: [
    'askedCoverage',
    'sentenceCoverage',
    'missingRarity',
    'margin',
    'lackedRarity',
    'score',
    'sentenceMissingRarity',
    'nameMissing'
  ],
  intercept: -2.3056,
  coefficients: [
    1.9139,
    -0.5527,
    1.318,
    2.2247,
    -0.6353,
    2.0164,
    -0.6861,
    -1.6497
  ],
  lowFrom: 0.5354,
  highFrom: 0.6108
};
