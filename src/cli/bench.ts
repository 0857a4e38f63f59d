import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchKnowledge, realQuestions, syntheticRows, type KnowledgeBenchRow } from '../bench/knowledge-bench.js';
import { knowledgePaths, projectRoot } from '../knowledge/default-paths.js';
import { loadDocuments } from '../knowledge/documents.js';
import { loadSynonyms } from '../knowledge/synonyms.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    questions: { type: 'string', default: '1000' },
    out: { type: 'string', default: join(projectRoot, 'bench-results', 'latest.json') },
  },
});

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const pad = (text: string | number, width: number): string => String(text).padStart(width);

const printKnowledge = (rows: KnowledgeBenchRow[]): void => {
  out('Knowledge base: build, load, answer');
  out(
    `${'collection'.padEnd(20)}${pad('passages', 10)}${pad('build ms', 10)}${pad('index MB', 10)}${pad('load ms', 9)}` +
      `${pad('answers', 9)}${pad('median ms', 11)}${pad('p99 ms', 9)}${pad('max ms', 9)}`,
  );
  for (const row of rows) {
    out(
      `${row.name.padEnd(20)}${pad(row.passages, 10)}${pad(row.buildMs, 10)}${pad((row.indexBytes / 1e6).toFixed(1), 10)}` +
        `${pad(row.loadMs, 9)}${pad(row.query.count, 9)}${pad(row.query.medianMs.toFixed(2), 11)}` +
        `${pad(row.query.p99Ms.toFixed(2), 9)}${pad(row.query.maxMs.toFixed(2), 9)}`,
    );
  }
  out();
};

const main = (): void => {
  const questionCount = Math.max(1_000, Number(values.questions) || 1_000);
  const sizes = (values.sizes ?? '')
    .split(',')
    .map((size) => Number(size.trim()))
    .filter((size) => Number.isInteger(size) && size > 0);
  const paths = knowledgePaths();
  const real = loadDocuments(paths.docsDir).documents;
  const synonyms = loadSynonyms(paths.synonymsFile ?? '');
  out(`node ${process.version}, ${new Date().toISOString()}`);
  out();
  const rows = [benchKnowledge('shipped knowledge', real, synonyms, realQuestions(real, questionCount))];
  rows.push(...syntheticRows(real, synonyms, sizes, questionCount));
  printKnowledge(rows);
  mkdirSync(join(values.out ?? '', '..'), { recursive: true });
  writeFileSync(values.out ?? '', `${JSON.stringify({ node: process.version, at: new Date().toISOString(), knowledge: rows }, null, 2)}\n`);
  out(`Written to ${values.out}`);
};

main();
