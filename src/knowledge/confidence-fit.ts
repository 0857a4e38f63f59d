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
  intercept: -5.0399,
  coefficients: [
    0.4394,
    3.7304,
    1.2824,
    3.4101,
    0.473,
    1.9649,
    0.0775,
    1.0363,
    -1.1695
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
