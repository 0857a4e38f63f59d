/**
 * Fits the answer-confidence model (src/knowledge/confidence-fit.ts) on the tuning halves of the
 * evaluation sets only (`FITTED_HALVES`), and prints what it gives there and in five-fold
 * cross-validation.
 * Run: npx tsx scripts/fit-confidence.ts [--write]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { collectSamples, crossValidate, fitConfidenceModel, outcomeFrom, sampleProbability, type FitOutcome } from '../src/knowledge/confidence-fitting.js';
import { knowledgePaths, projectRoot } from '../src/knowledge/default-paths.js';
import { readTuningSets } from '../src/knowledge/evaluate.js';
import { openKnowledgeBase } from '../src/knowledge/knowledge-base.js';

const { values } = parseArgs({ options: { write: { type: 'boolean' } } });
const out = (line = ''): void => void process.stdout.write(`${line}\n`);

// The index, synonyms and WordNet the bot answers with.
const kb = await openKnowledgeBase(knowledgePaths());
const search = kb.searchOver(kb.built);
const set = readTuningSets();
const samples = collectSamples(search, set);
const model = fitConfidenceModel(samples);
const probabilities = samples.map((s) => sampleProbability(model, s));

const describe = (o: FitOutcome): string =>
  `recall@1 ${(o.right / o.answerable).toFixed(2)} (${o.right} right, right minus wrong ${o.right - o.wrong}), wrong ${o.wrong}/${o.right + o.wrong}, unanswerable refused ${o.refusedUnanswerable}/${o.unanswerable}`;

out(`tuning halves: ${samples.length} questions, ${samples.filter((s) => s.y === 1).length} with the answer first, ${samples.filter((s) => s.ruled).length} ruled out (${samples.filter((s) => s.ruled && s.y === 1).length} of them wrongly)`);
model.features.forEach((name, i) => out(`  ${name.padEnd(22)}${(model.coefficients[i] ?? 0).toFixed(3).padStart(8)}`));
out(`  ${'intercept'.padEnd(22)}${model.intercept.toFixed(3).padStart(8)}`);
out(`answer from p >= ${model.lowFrom}: ${describe(outcomeFrom(samples, probabilities, model.lowFrom))}`);
out(`high from p >= ${model.highFrom}: ${describe(outcomeFrom(samples, probabilities, model.highFrom))}`);
out(`five-fold cross-validation: ${describe(crossValidate(samples, 5))}`);

if (values.write) {
  const file = `${projectRoot}src/knowledge/confidence-fit.ts`;
  const body = JSON.stringify(model, null, 2).replace(/"(\w+)":/gu, '$1:').replace(/"/gu, "'");
  writeFileSync(
    file,
    `import type { ConfidenceModel } from './confidence.js';\n\n/** Written by \`npx tsx scripts/fit-confidence.ts --write\` from the tuning halves; do not edit by hand. */\nexport const fittedConfidence: ConfidenceModel = ${body};\n`,
  );
  out(`written to ${file}`);
}
