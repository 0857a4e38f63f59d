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
  intercept: -3.422,
  coefficients: [
    0.4924,
    3.0405,
    1.3871,
    2.9788,
    0.1116,
    0.8811,
    -0.1802,
    0.578
  ],
  lowFrom: 0.485,
  highFrom: 0.85
};
