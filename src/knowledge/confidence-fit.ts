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
  intercept: -3.4237,
  coefficients: [
    0.4687,
    3.205,
    1.0864,
    2.9472,
    0.1465,
    0.6869,
    -0.1076,
    0.7557
  ],
  lowFrom: 0.46,
  highFrom: 0.85
};
