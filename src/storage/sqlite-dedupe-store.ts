import type { DedupeStore } from '../core/ports.js';
import { DEDUPE_PRUNE_EVERY_MS, DEDUPE_RETENTION_MS, dedupeKeys } from './dedupe-retention.js';
import { applyMigrations } from './sqlite-database.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { toIsoText } from './store-values.js';

/**
 * {@link DedupeStore} in SQLite: every process sharing the file shares the keys. A claim is one
 * immediate transaction, so two processes claiming the same key cannot both win. A key older than
 * the retention counts as new (and is renewed) even before the periodic prune deletes it.
 */
export class SqliteDedupeStore implements DedupeStore {
  readonly #db: Database;
  /** One statement per number of keys (a delivery has one or two): one write, one file check. */
  readonly #claimStatements = new Map<number, BetterSqlite3.Statement<string[]>>();
  readonly #prune;
  /** Built once: better-sqlite3 builds a wrapper per `transaction()` call. */
  readonly #claimAll;
  #prunedAt = 0;

  constructor(db: Database) {
    this.#db = db;
    applyMigrations(db, migrations);
    this.#prune = db.prepare<[string]>('DELETE FROM dedupe_keys WHERE seen_at < ?');
    this.#claimAll = db.transaction((unique: readonly string[], atText: string, expired: string, now: number): boolean => {
      if (now - this.#prunedAt >= DEDUPE_PRUNE_EVERY_MS) {
        this.#prune.run(expired);
        this.#prunedAt = now;
      }
      const values = unique.flatMap((key) => [key, atText]);
      return this.#claimStatement(unique.length).run(...values, expired).changes === unique.length;
    });
  }

  claim(keys: readonly string[], at: Date): Promise<boolean> {
    const unique = dedupeKeys(keys);
    if (unique.length === 0) return Promise.resolve(true);
    const atText = toIsoText(at, 'at');
    const expired = new Date(at.getTime() - DEDUPE_RETENTION_MS).toISOString();
    return Promise.resolve(this.#claimAll.immediate(unique, atText, expired, at.getTime()));
  }

  /** Inserts `count` keys, renewing expired ones; `changes` counts the rows inserted or renewed. */
  #claimStatement(count: number): BetterSqlite3.Statement<string[]> {
    let statement = this.#claimStatements.get(count);
    if (statement === undefined) {
      statement = this.#db.prepare<string[]>(
        `INSERT INTO dedupe_keys (key, seen_at) VALUES ${Array.from({ length: count }, () => '(?, ?)').join(', ')}
         ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE dedupe_keys.seen_at < ?`,
      );
      this.#claimStatements.set(count, statement);
    }
    return statement;
  }
}
