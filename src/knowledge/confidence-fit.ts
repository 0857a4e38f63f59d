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
  intercept: -3.2221,
  coefficients: [
    0.8965,
    2.3341,
    2.0315,
    2.6895,
    0.3145,
    0.8645,
    -1.169,
    0.623
  ],
  lowFrom: 0.44,
  highFrom: 0.758
};
