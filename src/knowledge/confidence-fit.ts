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
  intercept: -2.1445,
  coefficients: [
    1.0748,
    2.0493,
    1.8561,
    2.2308,
    0.1697,
    -0.0568,
    -1.1847,
    -1.2321,
    0.2345
  ],
  lowFrom: 0.46,
  highFrom: 0.743
};
