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
  intercept: -2.3178,
  coefficients: [
    1.0523,
    2.2694,
    1.9076,
    2.2941,
    0.1032,
    -0.3202,
    -1.0705,
    -1.1157,
    0.3588
  ],
  lowFrom: 0.43,
  highFrom: 0.7365
};
