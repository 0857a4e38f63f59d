import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/default-paths.js';
import { copyKnowledge } from '../support/knowledge.js';

const runEval = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/eval.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: copyKnowledge() },
    timeout: 60_000,
  });

const ROW = /^(.+?)\s+\d\.\d\d\s+\d\.\d\d\s+\d+\/\d+\s+\d+\/\d+\s+\d+\/\d+ \([\d.-]+\)\s+\d+\/\d+$/u;

describe('npm run eval', () => {
  it('scores the project’s own tuning and test halves (sixteen sets) by default, beside plain Lunr', () => {
    const result = runEval([]);
    expect(result.status, result.stderr).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => ROW.test(line.trim()));
    const names = rows.map((line) => ROW.exec(line.trim())?.[1]);
    expect(names).toEqual(['tuning', 'plain Lunr', 'test', 'plain Lunr', 'tuning-2', 'plain Lunr', 'test-2', 'plain Lunr', 'tuning-3', 'plain Lunr', 'test-3', 'plain Lunr', 'tuning-4', 'plain Lunr', 'test-4', 'plain Lunr', 'tuning-5', 'plain Lunr', 'test-5', 'plain Lunr', 'tuning-6', 'plain Lunr', 'test-6', 'plain Lunr', 'tuning-7', 'plain Lunr', 'test-7', 'plain Lunr', 'tuning-8', 'plain Lunr', 'test-8', 'plain Lunr', 'tuning-9', 'plain Lunr', 'test-9', 'plain Lunr', 'tuning-10', 'plain Lunr', 'test-10', 'plain Lunr', 'tuning-11', 'plain Lunr', 'test-11', 'plain Lunr', 'tuning-12', 'plain Lunr', 'test-12', 'plain Lunr', 'tuning-13', 'plain Lunr', 'test-13', 'plain Lunr', 'tuning-14', 'plain Lunr', 'test-14', 'plain Lunr', 'tuning-15', 'plain Lunr', 'test-15', 'plain Lunr', 'tuning-16', 'plain Lunr', 'test-16', 'plain Lunr']);
    // And the ranking alone, never refusing, for each half.
    const ranking = result.stdout.slice(result.stdout.indexOf('The ranking alone'));
    expect(ranking).toMatch(/^tuning\s+\d\.\d\d\s+\d\.\d\d$/mu);
    expect(ranking).toMatch(/^test\s+\d\.\d\d\s+\d\.\d\d$/mu);
    expect(ranking).toMatch(/^test-4\s+\d\.\d\d\s+\d\.\d\d$/mu);
    // And how often the sentence that answers is shown, not only its passage cited.
    const quoted = result.stdout.slice(result.stdout.indexOf('The answer quoted'));
    expect(quoted).toMatch(/^test-10\s+\d+\/\d+\s+[01]\.\d\d$/mu);
  });

  it('ends quietly when its reader stops reading ("npm run eval | head")', async () => {
    // --verbose writes set by set, so writes go on after the reader has gone.
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/eval.ts'), '--verbose'], { env: { ...process.env, KNOWLEDGE_DIR: copyKnowledge() } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader takes the first lines and goes away, as head does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/u);
    expect(code).toBe(0);
  }, 60_000);

  it('scores any file given, follow-ups included, and says clearly when a file is not a set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-eval-'));
    const good = join(dir, 'set.json');
    writeFileSync(
      good,
      JSON.stringify({
        answerable: [
          { id: 'a1', question: 'venice learning city state', file: '000_ef382a5738f7795a.txt', must: ['for example Venice'], style: 'keywords' },
          { id: 'a2', question: 'and what kind of culture is it creating?', previous: 'Tell me about the Swansea learning city', file: '003_1d2a6d022f902458.txt', must: ['entrepreneurial culture'], style: 'follow-up' },
        ],
        unanswerable: [{ id: 'u1', question: 'what is the population of Leeds?' }],
      }),
    );
    const result = runEval(['--file', good]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^set\s+1\.00\s+1\.00\s+0\/2\s+1\/1\s+0\/2 \(0\.00\)/mu);
    expect(result.stdout).toMatch(/^set\s+1\.00\s+1\.00$/mu);
    expect(result.stdout).toMatch(/^set\s+2\/2\s+1\.00$/mu);
    // By the way each question is asked, when asked for.
    expect(result.stdout).not.toContain('by style');
    const styles = runEval(['--file', good, '--by-style']);
    expect(styles.status, styles.stderr).toBe(0);
    expect(styles.stdout).toContain('set, answerable questions by style:');
    expect(styles.stdout).toMatch(/^follow-up\s+1\s+1\.00\s+1\.00\s+0$/mu);
    expect(styles.stdout).toMatch(/^keywords\s+1\s+1\.00\s+1\.00\s+0$/mu);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"questions": []}');
    const failed = runEval(['--file', bad]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/bad\.json: not an evaluation set/);
  });

  it('answers an option it does not know with its usage and exit code 2, not a stack trace', () => {
    const result = runEval(['--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--bogus'/u);
    expect(result.stderr).toMatch(/^Usage: npm run eval/mu);
    expect(result.stderr).not.toMatch(/\bat \S+ \(/u);
  });
});

describe('npm run bench', () => {
  const runBench = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/bench.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints its usage for --help and, for an option it does not know, on standard error with exit code 2', () => {
    const help = runBench(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run bench/u);
    const bogus = runBench(['--bogus']);
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toMatch(/Unknown option '--bogus'[\s\S]*Usage: npm run bench/u);
  });
});
