import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/knowledge/default-paths.js';
import { copyKnowledge } from '../../support/knowledge.js';
import { adminQuery, freshSchema, withPostgres } from '../../support/postgres.js';

/** Runs the real program (`npm start` without tokens) with lines typed on standard input. */
const startBot = (env: Record<string, string>, lines: string[]) =>
  spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/main.ts')], {
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    cwd: mkdtempSync(join(tmpdir(), 'lc-cwd-')),
    timeout: 60_000,
  });

const drops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop();
});

describe('the bot with DATABASE_URL set', () => {
  it.skipIf(!withPostgres)('keeps an assessment in PostgreSQL, not in a SQLite file, and finishes it in a new process', async () => {
    const schema = await freshSchema();
    drops.push(schema.drop);
    const dir = mkdtempSync(join(tmpdir(), 'lc-console-pg-'));
    const env = { KNOWLEDGE_DIR: copyKnowledge(), DATABASE_URL: schema.url, DATABASE_PATH: join(dir, 'bot.db'), CHART_DIR: join(dir, 'charts'), USER: 'coordinator' };

    const first = startBot(env, ['assess niace-quick for Leeds', '2', 'developing', '3', 'quit']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Question 4 of 9/);
    expect(existsSync(env.DATABASE_PATH)).toBe(false);
    const sessions = await adminQuery(`SELECT city FROM ${schema.schema}.assessment_sessions`);
    expect(sessions.rows).toEqual([{ city: 'Leeds' }]);

    const second = startBot(env, ['assess niace-quick for Leeds', 'Resume', '1', '2', '3', 'skip', '2', '1']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Question 4 of 9/);
    expect(second.stdout).not.toMatch(/Question 1 of 9/);
    expect(second.stdout).toMatch(/Chart saved to/);
    const results = await adminQuery(`SELECT city, framework_id FROM ${schema.schema}.assessment_results`);
    expect(results.rows).toEqual([{ city: 'Leeds', framework_id: 'niace-quick' }]);
    expect((await adminQuery(`SELECT count(*)::int AS n FROM ${schema.schema}.assessment_sessions`)).rows).toEqual([{ n: 0 }]);
  });

  it('says which server it cannot reach, without the password, and exits', () => {
    const result = startBot({ KNOWLEDGE_DIR: copyKnowledge(), DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:1/learning' }, ['help']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not start/);
    expect(result.stderr).toContain('Cannot reach the PostgreSQL database 127.0.0.1:1/learning');
    expect(result.stderr).not.toContain('s3cret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, without echoing it', () => {
    const result = startBot({ KNOWLEDGE_DIR: copyKnowledge(), DATABASE_URL: 'mysql://bot:s3cret@db/learning' }, ['help']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL must be a PostgreSQL URL');
    expect(result.stderr).not.toContain('s3cret');
  });
});
