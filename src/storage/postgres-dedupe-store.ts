import type { DedupeStore } from '../core/ports.js';
import { DEDUPE_PRUNE_EVERY_MS, DEDUPE_RETENTION_MS, dedupeKeys } from './dedupe-retention.js';
import type { PostgresDatabase } from './postgres-database.js';
import { toIsoText } from './store-values.js';

/**
 * {@link DedupeStore} in PostgreSQL, shared by every instance. A claim is one INSERT … ON CONFLICT:
 * an instance inserting a key another is inserting waits for it on the unique index and then finds
 * the key taken, so exactly one of them handles the delivery. A key older than the retention counts
 * as new even before the periodic prune deletes it.
 */
export class PostgresDedupeStore implements DedupeStore {
  readonly #db: PostgresDatabase;
  #prunedAt = 0;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async claim(keys: readonly string[], at: Date): Promise<boolean> {
    const unique = dedupeKeys(keys);
    const atText = toIsoText(at, 'at');
    const expired = new Date(at.getTime() - DEDUPE_RETENTION_MS).toISOString();
    if (at.getTime() - this.#prunedAt >= DEDUPE_PRUNE_EVERY_MS) {
      this.#prunedAt = at.getTime();
      await this.#db.run('pruning old dedupe keys', 'DELETE FROM dedupe_keys WHERE seen_at < $1', [expired]);
    }
    if (unique.length === 0) return true;
    const { changed } = await this.#db.run(
      'recording an event as handled',
      `INSERT INTO dedupe_keys (key, seen_at) SELECT key, $2 FROM unnest($1::text[]) AS key
       ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE dedupe_keys.seen_at < $3`,
      [unique, atText, expired],
    );
    return changed === unique.length;
  }
}
