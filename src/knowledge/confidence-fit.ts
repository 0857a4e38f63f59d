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
  intercept: -3.2953,
  coefficients: [
    1.1072,
    2.3003,
    1.7667,
    2.3393,
    0.8003,
    0.7268,
    -1.1573,
    -1.4003,
    0.7682
  ],
  lowFrom: 0.46,
  highFrom: 0.7531
};
