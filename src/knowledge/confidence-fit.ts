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
  intercept: -2.4985,
  coefficients: [
    1.1044,
    2.2237,
    1.8617,
    2.1989,
    0.1621,
    -0.0576,
    -1.0155,
    -1.1628,
    0.3723
  ],
  lowFrom: 0.44,
  highFrom: 0.746
};
