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
  intercept: -3.5951,
  coefficients: [
    0.7354,
    3.1593,
    0.9846,
    2.4907,
    0.2126,
    0.9121,
    -0.1025,
    0.8024
  ],
  lowFrom: 0.46,
  highFrom: 0.85
};
