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
  intercept: -5.4427,
  coefficients: [
    0.453,
    3.6053,
    1.4496,
    3.9707,
    0.5859,
    2.3809,
    -0.0661,
    1.1522,
    -0.8521
  ],
  lowFrom: 0.53,
  highFrom: 0.85
};
