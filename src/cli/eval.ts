import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { endQuietlyWhenOutputCloses, readOptions } from './args.js';
import { knowledgePaths, projectRoot } from '../knowledge/default-paths.js';
import { loadDocuments } from '../knowledge/load-documents.js';
import { OWN_EVAL_SETS, evalSetSchema, evaluateBot, ownEvalSetPath, evaluatePlainLunr, rankingRecall, type EvalFigures, type EvalOutcome, type EvalSet } from '../knowledge/evaluate.js';
import { openKnowledgeBase } from '../knowledge/knowledge-base.js';

/** The project's own sets, scored by default (each tuning half before its test half); any other set is named with `--file`. */
const OWN_SETS = OWN_EVAL_SETS.tuning.flatMap((tuning, i) => [tuning, OWN_EVAL_SETS.test[i] ?? '']).filter((name) => name !== '').map(ownEvalSetPath);

const usage = `Usage: npm run eval [-- --file questions.json ...] [--verbose] [--by-style]
  Scores the knowledge base on the project's evaluation sets (sixteen sets, each a tuning half and a test half), or on the given files.
  --by-style also prints the answerable questions' figures by the way they are asked (their "style").`;

const options = {
  file: { type: 'string', multiple: true },
  verbose: { type: 'boolean', short: 'v' },
  'by-style': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const values = readOptions(options, usage);
endQuietlyWhenOutputCloses();

const out = (line = ''): void => void process.stdout.write(`${line}\n`);

const share = (part: number, whole: number): string => (whole > 0 ? (part / whole).toFixed(2) : '-');

const row = (name: string, f: EvalFigures): string =>
  `${name.padEnd(12)}${f.recallAt1.toFixed(2).padStart(6)}${f.recallAt3.toFixed(2).padStart(6)}` +
  `${`${f.falseRefusals}/${f.answerable}`.padStart(10)}${`${f.refusedUnanswerable}/${f.unanswerable}`.padStart(10)}` +
  `${`${f.wrong}/${f.answered} (${share(f.wrong, f.answered)})`.padStart(16)}${`${f.wrongHigh}/${f.high}`.padStart(10)}`;

/** Per style of asking: how many, first, among the first three, refused. */
const byStyle = (name: string, set: EvalSet, outcomes: readonly EvalOutcome[]): string[] => {
  const styleOf = new Map(set.answerable.map((item) => [item.id, typeof item['style'] === 'string' ? item['style'] : '(none)']));
  const rows = new Map<string, { n: number; at1: number; at3: number; refused: number }>();
  for (const outcome of outcomes) {
    if (outcome.kind !== 'answerable') continue;
    const style = styleOf.get(outcome.id) ?? '(none)';
    const row = rows.get(style) ?? { n: 0, at1: 0, at3: 0, refused: 0 };
    row.n += 1;
    row.at1 += outcome.at1 ? 1 : 0;
    row.at3 += outcome.at3 ? 1 : 0;
    row.refused += outcome.confidence === 'none' ? 1 : 0;
    rows.set(style, row);
  }
  return [
    `${name}, answerable questions by style:`,
    `${'style'.padEnd(18)}${'n'.padStart(4)}${'R@1'.padStart(6)}${'R@3'.padStart(6)}${'refused'.padStart(9)}`,
    ...[...rows].sort((a, b) => a[0].localeCompare(b[0])).map(([style, row]) =>
      `${style.padEnd(18)}${String(row.n).padStart(4)}${(row.at1 / row.n).toFixed(2).padStart(6)}${(row.at3 / row.n).toFixed(2).padStart(6)}${String(row.refused).padStart(9)}`),
    '',
  ];
};

const main = async (): Promise<number> => {
  if (values.help) {
    out(usage);
    return 0;
  }
  const files = values.file?.map((file) => resolve(file)) ?? OWN_SETS.filter((file) => existsSync(file));
  if (files.length === 0) {
    process.stderr.write(`No evaluation set found (looked for ${OWN_SETS.join(', ')}).\n`);
    return 2;
  }
  const paths = knowledgePaths(process.env.KNOWLEDGE_DIR);
  const kb = await openKnowledgeBase(paths);
  const documents = (await loadDocuments(paths.docsDir)).documents;
  // The same index, synonyms and WordNet the bot answers with, asked directly: the ranking without any refusal.
  const search = kb.searchOver(kb.built);
  const ranking: string[] = [];
  const rows: string[] = [];
  const quoting: string[] = [];
  for (const file of files) {
    let set: EvalSet;
    try {
      set = evalSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      process.stderr.write(`${file}: not an evaluation set (${error instanceof Error ? error.message.slice(0, 300) : String(error)})\n`);
      return 2;
    }
    const { figures, outcomes } = await evaluateBot(kb, set);
    if (values.verbose) {
      out(`== ${file}`);
      for (const outcome of outcomes) {
        const mark = outcome.kind === 'unanswerable' ? (outcome.confidence === 'none' ? 'ok  ' : 'FAIL') : outcome.at1 ? 'ok  ' : outcome.at3 ? 'top3' : 'MISS';
        out(`${mark} ${outcome.confidence.padEnd(4)} ${outcome.id} ${outcome.question}`);
        if (mark !== 'ok  ') for (const s of outcome.answer.sources) out(`       ${s.score} ${s.source} ${s.passage.slice(0, 90).replace(/\n/g, ' ')}`);
        if (mark !== 'ok  ' && outcome.confidence === 'none') out(`       ${outcome.answer.answer.slice(0, 160)}`);
      }
      out();
    }
    if (values['by-style']) byStyle(basename(file, '.json'), set, outcomes).forEach((line) => out(line));
    const name = basename(file, '.json');
    rows.push(row(name, figures), row('  plain Lunr', evaluatePlainLunr(documents, set)));
    const right = Math.round(figures.recallAt1 * figures.answerable);
    quoting.push(`${name.padEnd(12)}${`${figures.quoted}/${right}`.padStart(10)}${share(figures.quoted, right).padStart(7)}`);
    const ranked = rankingRecall(search, set);
    ranking.push(`${name.padEnd(12)}${ranked.recallAt1.toFixed(2).padStart(6)}${ranked.recallAt3.toFixed(2).padStart(6)}`);
  }
  out(`${'set'.padEnd(12)}${'R@1'.padStart(6)}${'R@3'.padStart(6)}${'refused'.padStart(10)}${'no-ans'.padStart(10)}${'wrong/answered'.padStart(16)}${'wrong hi'.padStart(10)}`);
  for (const line of rows) out(line);
  out();
  out('refused: answerable questions refused. no-ans: unanswerable questions refused.');
  out('wrong/answered: answers (any confidence) whose first source does not hold the answer. wrong hi: the same among high-confidence answers.');
  out();
  out('The ranking alone, never refusing (what recall could reach if every question were answered):');
  out(`${'set'.padEnd(12)}${'R@1'.padStart(6)}${'R@3'.padStart(6)}`);
  for (const line of ranking) out(line);
  out();
  out('The answer quoted: of the answers whose first source holds the answer, those whose text shows one of the expected phrases:');
  out(`${'set'.padEnd(12)}${'quoted'.padStart(10)}${'share'.padStart(7)}`);
  for (const line of quoting) out(line);
  return 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
