import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectRoot } from '../knowledge/default-paths.js';

const questionsSchema = z.object({
  answerable: z.array(z.object({ question: z.string() }).passthrough()),
  unanswerable: z.array(z.object({ question: z.string() }).passthrough()),
});

/** Question sets timed by the benchmarks: the project's tuning half. */
const DEFAULT_FILES = [`${projectRoot}test/fixtures/eval/tuning.json`];

/** Real practitioners' questions for timing answers; files that are absent are skipped. */
export const loadEvalQuestions = (files: string[] = DEFAULT_FILES): string[] =>
  files
    .filter((file) => existsSync(file))
    .flatMap((file) => {
      const parsed = questionsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      return [...parsed.answerable, ...parsed.unanswerable].map((q) => q.question);
    });
