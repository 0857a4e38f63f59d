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
  intercept: -1.97,
  coefficients: [
    1.6792,
    -0.4237,
    1.1267,
    2.065,
    -0.7039,
    1.6853,
    -0.5463,
    -1.6091
  ],
  lowFrom: 0.5485,
  highFrom: 0.6229
};
