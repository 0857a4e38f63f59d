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
    'nameMissing'
  ],
  intercept: -1.2689,
  coefficients: [
    1.5792,
    0.4992,
    1.3766,
    2.2201,
    -0.0694,
    0.3433,
    -1.3178,
    -1.3967
  ],
  lowFrom: 0.5247,
  highFrom: 0.6474
};
