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
  intercept: -3.6914,
  coefficients: [
    1.5659,
    1.8822,
    2.2997,
    1.6483,
    0.2969,
    1.2968,
    -1.2759,
    -1.7025,
    0.7758
  ],
  lowFrom: 0.415,
  highFrom: 0.7588
};
