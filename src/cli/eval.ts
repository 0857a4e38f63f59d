import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { errorMessage } from '../core/errors.js';
import { knowledgePaths, projectRoot } from '../knowledge/default-paths.js';
import { openKnowledgeBase } from '../knowledge/knowledge-base.js';
import { foldForPhrase } from '../knowledge/text.js';

/** The evaluation set's shape (../shared/eval/questions.json). */
export const evalSetSchema = z.object({
  answerable: z.array(
    z.object({ id: z.string(), question: z.string(), file: z.string(), must: z.array(z.string()).min(1) }).passthrough(),
  ),
  unanswerable: z.array(z.object({ id: z.string(), question: z.string() }).passthrough()),
});

const { values } = parseArgs({
  options: { file: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } },
});
const file = resolve(values.file ?? `${projectRoot}../shared/eval/questions.json`);
const set = evalSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const kb = openKnowledgeBase(knowledgePaths());

let hit1 = 0;
let hit3 = 0;
let errors = 0;
let noAnswerRight = 0;
const out = (line: string): void => void process.stdout.write(`${line}\n`);

for (const item of set.answerable) {
  try {
    const answer = kb.answer(item.question);
    const musts = item.must.map(foldForPhrase);
    const good = answer.sources.map(
      (s) => s.source === item.file && musts.some((must) => foldForPhrase(s.passage).includes(must)),
    );
    const at1 = good[0] === true;
    const at3 = good.slice(0, 3).some(Boolean);
    hit1 += at1 ? 1 : 0;
    hit3 += at3 ? 1 : 0;
    if (values.verbose || !at3) {
      out(`${at1 ? 'ok  ' : at3 ? 'top3' : 'MISS'} ${item.id} ${item.question}`);
      if (values.verbose || !at3) {
        for (const s of answer.sources) out(`       ${s.score} ${s.source} ${s.passage.slice(0, 90).replace(/\n/g, ' ')}`);
        if (answer.noAnswer) out(`       (no answer) ${answer.answer}`);
      }
    }
  } catch (error) {
    errors++;
    out(`ERR  ${item.id} ${errorMessage(error)}`);
  }
}
for (const item of set.unanswerable) {
  try {
    const answer = kb.answer(item.question);
    if (answer.noAnswer) noAnswerRight++;
    if (values.verbose || !answer.noAnswer) {
      out(`${answer.noAnswer ? 'ok  ' : 'FAIL'} ${item.id} ${item.question}`);
      if (!answer.noAnswer) out(`       answered from ${answer.sources[0]?.source} (${answer.sources[0]?.score})`);
    }
  } catch (error) {
    errors++;
    out(`ERR  ${item.id} ${errorMessage(error)}`);
  }
}
const n = set.answerable.length;
out('');
out(`questions: ${n} answerable, ${set.unanswerable.length} unanswerable (${file})`);
out(`recall@1: ${(hit1 / n).toFixed(2)} (${hit1}/${n})`);
out(`recall@3: ${(hit3 / n).toFixed(2)} (${hit3}/${n})`);
out(`no-answer accuracy: ${noAnswerRight} of ${set.unanswerable.length}`);
out(`errors: ${errors}`);
