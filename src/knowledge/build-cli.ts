import { resolve } from 'node:path';
import { loadDotEnv } from '../config.js';
import { errorMessage } from '../core/errors.js';
import { knowledgePaths, projectRoot } from './default-paths.js';
import { buildKnowledge } from './knowledge-base.js';
import { formatBuildReport } from './report-lines.js';

/** `npm run knowledge:build`: rebuilds the serialized index and says what went into it, file by file. */
const main = async (): Promise<number> => {
  loadDotEnv();
  const dir = resolve(projectRoot, process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const paths = knowledgePaths(dir);
  const { built, report } = await buildKnowledge(paths);
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  out(`Built ${paths.indexFile}`);
  for (const line of formatBuildReport(report, built)) out(line);
  return report.documents === 0 ? 1 : 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`knowledge:build failed: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
