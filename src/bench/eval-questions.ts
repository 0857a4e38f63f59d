import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectRoot } from '../knowledge/default-paths.js';

const questionsSchema = z.object({
  answerable: z.array(z.object({ question: z.string() }).passthrough()),
  unanswerable: z.array(z.object({ question: z.string() }).passthrough()),
});

/** The evaluation questions beside the project, when present (../shared/eval), else none. */
export const loadEvalQuestions = (file = `${projectRoot}../shared/eval/questions.json`): string[] => {
  if (!existsSync(file)) return [];
  const parsed = questionsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return [...parsed.answerable, ...parsed.unanswerable].map((q) => q.question);
};
