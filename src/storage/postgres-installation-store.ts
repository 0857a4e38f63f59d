import { z } from 'zod';
import type { InstallationStore, StoredInstallation } from '../core/ports.js';
import { INSTALLATION_COLUMNS, installationRows, installationValues, requireCipher, resealed, sealedRowSchema, unknownKeys } from './installation-rows.js';
import { pgColumns } from './postgres-columns.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { TokenCipher } from './token-cipher.js';

const keyIdRowSchema = z.object({ key_id: z.string() });

/** {@link InstallationStore} in PostgreSQL, shared by every instance; tokens sealed with `cipher`. */
export class PostgresInstallationStore implements InstallationStore {
  readonly #db: PostgresDatabase;
  readonly #cipher: TokenCipher | undefined;
  readonly #read;

  constructor(db: PostgresDatabase, cipher?: TokenCipher) {
    this.#db = db;
    this.#cipher = cipher;
    this.#read = installationRows(pgColumns, cipher);
  }

  async put(installation: StoredInstallation): Promise<void> {
    await this.#db.run(
      'saving an installation',
      `INSERT INTO installations (${INSTALLATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace, user_id) DO UPDATE SET
         data = excluded.data, secrets = excluded.secrets, key_id = excluded.key_id, installed_at = excluded.installed_at`,
      installationValues(this.#cipher, installation),
    );
  }

  async get(workspace: string, userId: string): Promise<StoredInstallation | undefined> {
    const { rows } = await this.#db.run(
      'reading an installation',
      `SELECT ${INSTALLATION_COLUMNS} FROM installations WHERE workspace = $1 AND user_id = $2`,
      [workspace, userId],
    );
    return rows[0] === undefined ? undefined : this.#read(rows[0]);
  }

  async delete(workspace: string, userId?: string): Promise<number> {
    const { changed } =
      userId === undefined
        ? await this.#db.run('removing installations', 'DELETE FROM installations WHERE workspace = $1', [workspace])
        : await this.#db.run('removing an installation', 'DELETE FROM installations WHERE workspace = $1 AND user_id = $2', [workspace, userId]);
    return changed;
  }

  async unknownKeyIds(): Promise<string[]> {
    const { rows } = await this.#db.run('reading installation key ids', 'SELECT DISTINCT key_id FROM installations ORDER BY key_id');
    return unknownKeys(this.#cipher, rows.map((row) => keyIdRowSchema.parse(row).key_id));
  }

  /** Each row is updated only if it still holds what was read, so instances re-keying together agree. */
  async rekey(): Promise<number> {
    const cipher = requireCipher(this.#cipher);
    const { rows } = await this.#db.run(
      'reading installations under an older key',
      'SELECT workspace, user_id, secrets FROM installations WHERE key_id <> $1',
      [cipher.keyId],
    );
    let changed = 0;
    for (const raw of rows) {
      const row = sealedRowSchema.parse(raw);
      const result = await this.#db.run(
        're-encrypting an installation',
        'UPDATE installations SET secrets = $1, key_id = $2 WHERE workspace = $3 AND user_id = $4 AND secrets = $5',
        [resealed(cipher, row), cipher.keyId, row.workspace, row.user_id, row.secrets],
      );
      changed += result.changed;
    }
    return changed;
  }
}
