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
  intercept: -4.0865,
  coefficients: [
    0.6031,
    3.3247,
    0.5379,
    3.2462,
    0.4562,
    1.4567,
    0.4273,
    0.7887,
    -1.3101
  ],
  lowFrom: 0.51,
  highFrom: 0.85
};
