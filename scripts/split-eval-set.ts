/**
 * Splits a newly written evaluation set once, at random, into a tuning half and a test half,
 * stratified by the way questions are asked (`style`): within each style the questions are
 * shuffled with a seeded generator and each dealt to the smaller half, so both halves ask alike
 * (a follow-up carries its `previous` question with it). Run once per set; the halves are then
 * committed and never split again.
 * Run: npx tsx scripts/split-eval-set.ts <set.json> <seed> <tuning.json> <test.json> [note]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { evalSetSchema } from '../src/knowledge/evaluate.js';

const [input, seedText, tuningFile, testFile, note] = process.argv.slice(2);
if (input === undefined || seedText === undefined || tuningFile === undefined || testFile === undefined || !/^\d+$/u.test(seedText)) {
  process.stderr.write('Usage: npx tsx scripts/split-eval-set.ts <set.json> <seed> <tuning.json> <test.json> [note]\n');
  process.exit(2);
}
const set = evalSetSchema.parse(JSON.parse(readFileSync(input, 'utf8')));

/** Mulberry32: a small seeded generator, so the split can be made again from its seed. */
let state = Number(seedText) >>> 0;
const random = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const shuffled = <T>(items: readonly T[]): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
};

/** Deals the items of each style, shuffled, each to the smaller half (the tuning half on a tie). */
const split = <T extends Record<string, unknown>>(items: readonly T[]): [T[], T[]] => {
  const halves: [T[], T[]] = [[], []];
  const styleOf = (item: T): string => (typeof item['style'] === 'string' ? item['style'] : '');
  const styles = [...new Set(items.map(styleOf))].sort();
  for (const style of styles) {
    for (const item of shuffled(items.filter((candidate) => styleOf(candidate) === style))) {
      halves[halves[0].length <= halves[1].length ? 0 : 1].push(item);
    }
  }
  return halves;
};

const [tuningAnswerable, testAnswerable] = split(set.answerable);
const [tuningUnanswerable, testUnanswerable] = split(set.unanswerable);
const write = (file: string, half: string, answerable: unknown[], unanswerable: unknown[]): void =>
  writeFileSync(file, `${JSON.stringify({ ...(note ? { note } : {}), half, answerable, unanswerable }, null, 2)}\n`);
write(tuningFile, 'tuning', tuningAnswerable, tuningUnanswerable);
write(testFile, 'test', testAnswerable, testUnanswerable);
process.stdout.write(`tuning: ${tuningAnswerable.length} answerable, ${tuningUnanswerable.length} unanswerable; test: ${testAnswerable.length} answerable, ${testUnanswerable.length} unanswerable\n`);
