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
  intercept: -3.7237,
  coefficients: [
    1.0972,
    2.7329,
    0.5384,
    2.7269,
    0.1862,
    1.1215,
    0.5732,
    0.7514,
    -1.2157
  ],
  lowFrom: 0.485,
  highFrom: 0.85
};
