import { loadDotEnv } from '../config.js';
import { errorMessage } from '../core/errors.js';
import { knowledgePaths, projectRoot } from './default-paths.js';
import { buildKnowledge } from './knowledge-base.js';
import { resolve } from 'node:path';

/** `npm run knowledge:build`: rebuilds the serialized index and says what went into it. */
const main = (): number => {
  loadDotEnv();
  const dir = resolve(projectRoot, process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const paths = knowledgePaths(dir);
  const { built, report } = buildKnowledge(paths);
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  out(`Built ${paths.indexFile}`);
  out(`  documents: ${report.documents}`);
  for (const document of built.documents) {
    const passages = built.passages.filter((p) => p.source === document.source).length;
    out(`    ${document.file}: ${document.title} (${document.kind}, ${passages} passages)`);
  }
  out(`  passages:  ${report.passages}`);
  out(`  time:      ${Math.round(report.milliseconds)} ms`);
  if (report.errors.length > 0) {
    out(`  skipped:   ${report.errors.length} file(s)`);
    for (const error of report.errors) out(`    ${error.file}: ${error.message}`);
  }
  return report.documents === 0 ? 1 : 0;
};

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`knowledge:build failed: ${errorMessage(error)}\n`);
  process.exitCode = 1;
}
