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
  intercept: -5.3381,
  coefficients: [
    0.4691,
    3.8512,
    1.4272,
    3.606,
    0.5088,
    2.0424,
    0.0292,
    1.1791,
    -1.2414
  ],
  lowFrom: 0.515,
  highFrom: 0.85
};
