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
    'length'
  ],
  intercept: -2.8818,
  coefficients: [
    0.6126,
    2.6172,
    1.8833,
    2.9482,
    0.2079,
    0.4151,
    -1.3219,
    0.622
  ],
  lowFrom: 0.44,
  highFrom: 0.7533
};
