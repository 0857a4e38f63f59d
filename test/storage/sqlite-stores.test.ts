import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports.js';
import { openDatabase } from '../../src/storage/sqlite-database.js';
import { SqliteFeedbackStore } from '../../src/storage/sqlite-feedback-store.js';
import { resultMigrations } from '../../src/storage/schema.js';
import { SqliteResultStore } from '../../src/storage/sqlite-result-store.js';
import { SqliteSessionStore } from '../../src/storage/sqlite-session-store.js';
import { createSqliteStores } from '../../src/storage/sqlite-stores.js';
import { assessmentResult, sessionKey, storedSession } from './fixtures.js';
import { tempDir } from './temp-dir.js';

/** A logger that keeps warnings so tests can check a damaged row was reported. */
const recordingLogger = (): Logger & { warnings: Array<{ obj: object; msg: string | undefined }> } => {
  const warnings: Array<{ obj: object; msg: string | undefined }> = [];
  return { debug() {}, info() {}, error() {}, warn: (obj, msg) => warnings.push({ obj, msg }), warnings };
};

describe('SQLite stores across restarts', () => {
  it('keeps sessions, results and feedback after closing and reopening the file', async () => {
    const path = join(tempDir(), 'bot.db');
    const first = createSqliteStores(path);
    await first.sessions.put(sessionKey(), storedSession());
    await first.results.save(assessmentResult());
    await first.feedback.recordFeedback({ workspace: 'slack:T1', userId: 'U1', key: 'k', helpful: true, at: new Date(0) });
    first.close();
    expect(first.db.open).toBe(false);

    const second = createSqliteStores(path);
    expect(await second.sessions.get(sessionKey())).toEqual(storedSession());
    expect(await second.sessions.listByWorkspace('slack:T1')).toHaveLength(1);
    expect(await second.results.list('slack:T1')).toEqual([assessmentResult()]);
    expect(await second.feedback.listByWorkspace('slack:T1')).toHaveLength(1);
    second.close();
  });

  it('records each migration of the history once however often the stores are opened', async () => {
    const path = join(tempDir(), 'bot.db');
    createSqliteStores(path).close();
    const stores = createSqliteStores(path);
    // Stores apply their own migrations too; constructing another one must not re-run them.
    new SqliteResultStore(stores.db);
    expect(stores.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual([
      'dedupe-001-create',
      'documents-001-create',
      'feedback-001-create',
      'feedback-002-discord-dm-per-user',
      'installations-001-create',
      'privacy-001-workspace-status',
      'privacy-002-workspace-presence',
      'privacy-003-presence-from-data',
      'reminders-001-create',
      'reminders-002-discord-dm-per-user',
      'results-001-create',
      'results-002-discord-dm-per-user',
      'rounds-001-create',
      'schema-001-checksums',
      'sessions-001-create',
      'sessions-002-discord-dm-per-user',
      'sessions-003-version',
    ]);
    stores.close();
  });

  it('lets a store set up its own tables on a database opened without its migrations', async () => {
    const db = openDatabase(join(tempDir(), 'bot.db'));
    const sessions = new SqliteSessionStore(db);
    await sessions.put(sessionKey(), storedSession());
    expect(await sessions.get(sessionKey())).toEqual(storedSession());
    db.close();
  });
});

describe('SQLite stores with damaged rows', () => {
  it('skips a session whose state is not JSON, with a warning naming the row', async () => {
    const logger = recordingLogger();
    const stores = createSqliteStores(join(tempDir(), 'bot.db'), logger);
    await stores.sessions.put(sessionKey(), storedSession());
    await stores.sessions.put(sessionKey({ userId: 'U2' }), storedSession());
    stores.db.prepare("UPDATE assessment_sessions SET state = '{broken' WHERE user_id = 'U2'").run();

    expect(await stores.sessions.get(sessionKey({ userId: 'U2' }))).toBeUndefined();
    expect((await stores.sessions.listByWorkspace('slack:T1')).map((s) => s.userId)).toEqual(['U1']);
    expect(logger.warnings).toHaveLength(2);
    expect(logger.warnings[0]?.msg).toBe('Skipping unreadable assessment session row');
    expect(logger.warnings[0]?.obj).toMatchObject({
      table: 'assessment_sessions',
      key: { workspace: 'slack:T1', user_id: 'U2' },
      problem: expect.stringContaining('state: invalid JSON'),
    });
    // Putting the session again repairs it.
    await stores.sessions.put(sessionKey({ userId: 'U2' }), storedSession());
    expect(await stores.sessions.get(sessionKey({ userId: 'U2' }))).toEqual(storedSession({ version: 2 }));
    stores.close();
  });

  it('skips results with bad JSON, a bad shape or a bad date and keeps the rest', async () => {
    const logger = recordingLogger();
    const stores = createSqliteStores(join(tempDir(), 'bot.db'), logger);
    for (const id of ['good', 'json', 'shape', 'date']) await stores.results.save(assessmentResult({ id }));
    const damage = stores.db.prepare('UPDATE assessment_results SET components = ?, completed_at = ? WHERE id = ?');
    const iso = assessmentResult().completedAt.toISOString();
    damage.run('[{"id": ', iso, 'json');
    damage.run('[{"id": 1}]', iso, 'shape');
    damage.run('[]', 'last Tuesday', 'date');

    expect((await stores.results.list('slack:T1')).map((r) => r.id)).toEqual(['good']);
    expect((await stores.results.list('slack:T1', { city: 'cork' })).map((r) => r.id)).toEqual(['good']);
    expect(logger.warnings.slice(0, 3).map((w) => w.obj)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { workspace: 'slack:T1', id: 'json' } }),
        expect.objectContaining({ key: { workspace: 'slack:T1', id: 'shape' } }),
        expect.objectContaining({ key: { workspace: 'slack:T1', id: 'date' } }),
      ]),
    );
    stores.close();
  });

  it('skips a feedback row with an unreadable time', async () => {
    const logger = recordingLogger();
    const db = openDatabase(join(tempDir(), 'bot.db'));
    const feedback = new SqliteFeedbackStore(db, logger);
    await feedback.recordFeedback({ workspace: 'slack:T1', userId: 'U1', key: 'a', helpful: true, at: new Date(0) });
    await feedback.recordFeedback({ workspace: 'slack:T1', userId: 'U1', key: 'b', helpful: false, at: new Date(1) });
    db.prepare("UPDATE answer_feedback SET at = 'soon' WHERE key = 'b'").run();
    expect((await feedback.listByWorkspace('slack:T1')).map((f) => f.key)).toEqual(['a']);
    expect(logger.warnings.map((w) => w.msg)).toEqual(['Skipping unreadable feedback row']);
    db.close();
  });
});

describe('SQLite store queries', () => {
  it('reads results through the workspace indexes', async () => {
    const db = openDatabase(join(tempDir(), 'bot.db'), { migrations: resultMigrations });
    const plan = (sql: string, ...params: unknown[]): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join(' | ');
    const base = 'SELECT id FROM assessment_results WHERE workspace = ?';
    const order = 'ORDER BY completed_at DESC, rowid DESC LIMIT ?';
    expect(plan(`${base} AND city_key = ? ${order}`, 'slack:T1', 'cork', 5)).toContain(
      'USING INDEX assessment_results_by_city (workspace=? AND city_key=?)',
    );
    expect(plan(`${base} ${order}`, 'slack:T1', 5)).toContain('INDEX assessment_results_by_time (workspace=?)');
    db.close();
  });

  it('names the workspace in every statement that reads or changes rows', async () => {
    const files = ['sqlite-session-store.ts', 'sqlite-result-store.ts', 'sqlite-feedback-store.ts'];
    for (const file of files) {
      const source = readFileSync(new URL(`../../src/storage/${file}`, import.meta.url), 'utf8');
      const statements = [...source.matchAll(/`(SELECT|DELETE|UPDATE)[^`]*`|'(SELECT|DELETE|UPDATE)[^']*'/g)];
      expect(statements.length, file).toBeGreaterThan(0);
      // The result store's filtered SELECTs extend one base statement, which is checked here. The
      // retention job's deletion of abandoned sessions spans every workspace on purpose.
      for (const [statement] of statements) {
        if (statement === "'DELETE FROM assessment_sessions WHERE updated_at < ?'") continue;
        expect(statement, `${file}: ${statement}`).toMatch(/WHERE workspace = \?/);
      }
    }
  });
});
