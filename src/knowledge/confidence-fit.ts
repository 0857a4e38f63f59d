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
    'nameMissing',
    'length'
  ],
  intercept: -3.3712,
  coefficients: [
    1.4998,
    2.2637,
    1.8653,
    1.8874,
    0.8061,
    0.5185,
    -1.0975,
    -1.3838,
    0.777
  ],
  lowFrom: 0.49,
  highFrom: 0.7643
};
