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
  intercept: -3.3971,
  coefficients: [
    0.7129,
    2.7512,
    1.4104,
    2.9133,
    0.1916,
    0.9822,
    -0.2312,
    0.4997
  ],
  lowFrom: 0.485,
  highFrom: 0.7076
};
