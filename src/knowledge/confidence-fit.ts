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
  intercept: -3.2848,
  coefficients: [
    1.0961,
    2.299,
    1.7638,
    2.3868,
    0.7951,
    0.6972,
    -1.153,
    -1.387,
    0.7793
  ],
  lowFrom: 0.46,
  highFrom: 0.7532
};
