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
  intercept: -5.4827,
  coefficients: [
    0.3978,
    3.5703,
    1.5626,
    3.9266,
    0.5333,
    2.5459,
    -0.0781,
    1.0613,
    -0.8619
  ],
  lowFrom: 0.53,
  highFrom: 0.85
};
