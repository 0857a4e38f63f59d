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
  intercept: -3.452,
  coefficients: [
    1.1527,
    2.3529,
    2.1152,
    2.5181,
    0.5309,
    0.6526,
    -1.0339,
    -1.3513,
    0.7836
  ],
  lowFrom: 0.455,
  highFrom: 0.7354
};
