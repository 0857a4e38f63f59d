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
  intercept: -3.4895,
  coefficients: [
    1.5854,
    1.7301,
    2.2192,
    1.6677,
    0.2008,
    1.262,
    -1.3355,
    -1.7323,
    0.685
  ],
  lowFrom: 0.44,
  highFrom: 0.7364
};
