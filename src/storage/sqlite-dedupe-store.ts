import type { DedupeStore } from '../core/ports.js';
import { DEDUPE_PRUNE_EVERY_MS, DEDUPE_RETENTION_MS, dedupeKeys } from './dedupe-retention.js';
import { applyMigrations } from './sqlite-database.js';
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
  readonly #claimKey;
  readonly #prune;
  #prunedAt = 0;

  constructor(db: Database) {
    this.#db = db;
    applyMigrations(db, migrations);
    this.#claimKey = db.prepare<[string, string, string]>(
      `INSERT INTO dedupe_keys (key, seen_at) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE dedupe_keys.seen_at < ?`,
    );
    this.#prune = db.prepare<[string]>('DELETE FROM dedupe_keys WHERE seen_at < ?');
  }

  claim(keys: readonly string[], at: Date): Promise<boolean> {
    const unique = dedupeKeys(keys);
    const atText = toIsoText(at, 'at');
    const expired = new Date(at.getTime() - DEDUPE_RETENTION_MS).toISOString();
    const fresh = this.#db.transaction(() => {
      if (at.getTime() - this.#prunedAt >= DEDUPE_PRUNE_EVERY_MS) {
        this.#prune.run(expired);
        this.#prunedAt = at.getTime();
      }
      let claimed = 0;
      for (const key of unique) claimed += this.#claimKey.run(key, atText, expired).changes;
      return claimed === unique.length;
    }).immediate();
    return Promise.resolve(fresh);
  }
}
