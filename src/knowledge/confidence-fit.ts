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
  intercept: -5.3718,
  coefficients: [
    0.3784,
    3.6343,
    1.4254,
    3.9372,
    0.583,
    2.3787,
    -0.0723,
    1.1187,
    -0.8552
  ],
  lowFrom: 0.535,
  highFrom: 0.85
};
