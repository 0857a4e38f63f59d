import type { InstallationStore, StoredInstallation } from '../core/ports.js';
import { INSTALLATION_COLUMNS, installationRows, installationValues, requireCipher, resealed, sealedRowSchema, unknownKeys } from './installation-rows.js';
import { migrations } from './schema.js';
import { sqliteColumns } from './sqlite-columns.js';
import { applyMigrations } from './sqlite-database.js';
import type { Database } from './sqlite-database.js';
import type { TokenCipher } from './token-cipher.js';

/** {@link InstallationStore} in SQLite; tokens sealed with `cipher` (without one, tokens are refused). */
export class SqliteInstallationStore implements InstallationStore {
  readonly #db: Database;
  readonly #cipher: TokenCipher | undefined;
  readonly #read;
  readonly #put;
  readonly #get;
  readonly #deleteAll;
  readonly #deleteUser;
  readonly #keyIds;
  readonly #stale;
  readonly #reseal;

  constructor(db: Database, cipher?: TokenCipher) {
    this.#db = db;
    this.#cipher = cipher;
    applyMigrations(db, migrations);
    this.#read = installationRows(sqliteColumns, cipher);
    this.#put = db.prepare<[string, string, string, string, string, string]>(
      `INSERT OR REPLACE INTO installations (${INSTALLATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#get = db.prepare<[string, string]>(`SELECT ${INSTALLATION_COLUMNS} FROM installations WHERE workspace = ? AND user_id = ?`);
    this.#deleteAll = db.prepare<[string]>('DELETE FROM installations WHERE workspace = ?');
    this.#deleteUser = db.prepare<[string, string]>('DELETE FROM installations WHERE workspace = ? AND user_id = ?');
    this.#keyIds = db.prepare('SELECT DISTINCT key_id FROM installations ORDER BY key_id').pluck();
    this.#stale = db.prepare<[string]>('SELECT workspace, user_id, secrets FROM installations WHERE key_id <> ?');
    this.#reseal = db.prepare<[string, string, string, string, string]>(
      'UPDATE installations SET secrets = ?, key_id = ? WHERE workspace = ? AND user_id = ? AND secrets = ?',
    );
  }

  async put(installation: StoredInstallation): Promise<void> {
    this.#put.run(...installationValues(this.#cipher, installation));
  }

  async get(workspace: string, userId: string): Promise<StoredInstallation | undefined> {
    const row = this.#get.get(workspace, userId);
    return row === undefined ? undefined : this.#read(row);
  }

  async delete(workspace: string, userId?: string): Promise<number> {
    return (userId === undefined ? this.#deleteAll.run(workspace) : this.#deleteUser.run(workspace, userId)).changes;
  }

  async unknownKeyIds(): Promise<string[]> {
    return unknownKeys(this.#cipher, this.#keyIds.all() as string[]);
  }

  async rekey(): Promise<number> {
    const cipher = requireCipher(this.#cipher);
    return this.#db.transaction(() => {
      let changed = 0;
      for (const raw of this.#stale.all(cipher.keyId)) {
        const row = sealedRowSchema.parse(raw);
        changed += this.#reseal.run(resealed(cipher, row), cipher.keyId, row.workspace, row.user_id, row.secrets).changes;
      }
      return changed;
    }).immediate();
  }
}
