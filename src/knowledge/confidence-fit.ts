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
  intercept: -1.5567,
  coefficients: [
    1.6186,
    0.3769,
    1.6404,
    1.9933,
    0.0062,
    0.6851,
    -1.5697,
    -1.3784
  ],
  lowFrom: 0.4925,
  highFrom: 0.6497
};
