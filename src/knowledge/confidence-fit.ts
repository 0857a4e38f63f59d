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
  intercept: -5.4302,
  coefficients: [
    0.3778,
    3.5261,
    1.5525,
    3.9395,
    0.6089,
    2.5374,
    -0.0791,
    1.0444,
    -0.6055
  ],
  lowFrom: 0.54,
  highFrom: 0.85
};
