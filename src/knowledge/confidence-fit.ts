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
  intercept: -4.0528,
  coefficients: [
    0.7815,
    3.1718,
    0.5357,
    2.9721,
    0.3633,
    1.4338,
    0.4681,
    0.7992,
    -1.2611
  ],
  lowFrom: 0.495,
  highFrom: 0.85
};
