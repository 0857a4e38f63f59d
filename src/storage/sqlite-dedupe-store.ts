import type { DedupeStore } from '../core/ports.js';
import { DEDUPE_PRUNE_EVERY_MS, DEDUPE_RETENTION_MS, dedupeKeys } from './dedupe-retention.js';
import { applyMigrations } from './sqlite-database.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './sqlite-database.js';
import { migrations } from './schema.js';
import { toIsoText } from './store-values.js';

/** A claim waiting for the next batch: its keys, its times, and whom to tell. */
interface PendingClaim {
  unique: readonly string[];
  atText: string;
  expired: string;
  now: number;
  resolve: (fresh: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * {@link DedupeStore} in SQLite: every process sharing the file shares the keys. Claims are taken in
 * immediate transactions, so two processes claiming the same key cannot both win. A key older than
 * the retention counts as new (and is renewed) even before the periodic prune deletes it.
 *
 * The claims made while the event loop handles one batch of requests are committed together, after
 * them (in `setImmediate`), in one transaction and in the order they were made: a commit writes the
 * same few pages whether it holds one claim or ten, so under load each costs a fraction of one.
 */
export class SqliteDedupeStore implements DedupeStore {
  readonly #db: Database;
  /** One statement per number of keys (a delivery has one or two): one write, one file check. */
  readonly #claimStatements = new Map<number, BetterSqlite3.Statement<string[]>>();
  readonly #prune;
  /** Built once: better-sqlite3 builds a wrapper per `transaction()` call. */
  readonly #claimBatch;
  #pending: PendingClaim[] = [];
  #prunedAt = 0;

  constructor(db: Database) {
    this.#db = db;
    applyMigrations(db, migrations);
    this.#prune = db.prepare<[string]>('DELETE FROM dedupe_keys WHERE seen_at < ?');
    this.#claimBatch = db.transaction((batch: readonly PendingClaim[]): boolean[] =>
      batch.map(({ unique, atText, expired, now }) => {
        if (now - this.#prunedAt >= DEDUPE_PRUNE_EVERY_MS) {
          this.#prune.run(expired);
          this.#prunedAt = now;
        }
        const values = unique.flatMap((key) => [key, atText]);
        return this.#claimStatement(unique.length).run(...values, expired).changes === unique.length;
      }),
    );
  }

  claim(keys: readonly string[], at: Date): Promise<boolean> {
    const unique = dedupeKeys(keys);
    if (unique.length === 0) return Promise.resolve(true);
    const atText = toIsoText(at, 'at');
    const expired = new Date(at.getTime() - DEDUPE_RETENTION_MS).toISOString();
    return new Promise<boolean>((resolve, reject) => {
      this.#pending.push({ unique, atText, expired, now: at.getTime(), resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.#commit());
    });
  }

  /** Takes every waiting claim in one transaction; if it fails, each claim fails with its error. */
  #commit(): void {
    const batch = this.#pending;
    this.#pending = [];
    let fresh: boolean[];
    try {
      fresh = this.#claimBatch.immediate(batch);
    } catch (error) {
      for (const claim of batch) claim.reject(error);
      return;
    }
    batch.forEach((claim, index) => claim.resolve(fresh[index] === true));
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
