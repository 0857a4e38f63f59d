import type { InstallationStore, StoredInstallation } from '../core/ports.js';
import { installationRows, installationValues, requireCipher, resealed, unknownKeys } from './installation-rows.js';
import { sqliteColumns } from './sqlite-columns.js';
import type { TokenCipher } from './token-cipher.js';

interface HeldRow {
  workspace: string;
  user_id: string;
  data: string;
  secrets: string;
  key_id: string;
  installed_at: string;
}

/**
 * {@link InstallationStore} kept in memory, for tests and the console. Rows are held as SQLite
 * holds them (tokens sealed), so both read back the same. Lost on restart.
 */
export class MemoryInstallationStore implements InstallationStore {
  readonly #rows = new Map<string, HeldRow>();
  readonly #cipher: TokenCipher | undefined;
  readonly #read;

  constructor(cipher?: TokenCipher) {
    this.#cipher = cipher;
    this.#read = installationRows(sqliteColumns, cipher);
  }

  async put(installation: StoredInstallation): Promise<void> {
    const [workspace, userId, data, secrets, keyId, installedAt] = installationValues(this.#cipher, installation);
    this.#rows.set(JSON.stringify([workspace, userId]), { workspace, user_id: userId, data, secrets, key_id: keyId, installed_at: installedAt });
  }

  async get(workspace: string, userId: string): Promise<StoredInstallation | undefined> {
    const row = this.#rows.get(JSON.stringify([workspace, userId]));
    return row === undefined ? undefined : this.#read({ ...row });
  }

  async delete(workspace: string, userId?: string): Promise<number> {
    let removed = 0;
    for (const [id, row] of this.#rows) {
      if (row.workspace === workspace && (userId === undefined || row.user_id === userId)) removed += this.#rows.delete(id) ? 1 : 0;
    }
    return removed;
  }

  async unknownKeyIds(): Promise<string[]> {
    return unknownKeys(this.#cipher, [...new Set([...this.#rows.values()].map((row) => row.key_id))].sort());
  }

  async rekey(): Promise<number> {
    const cipher = requireCipher(this.#cipher);
    let changed = 0;
    for (const row of this.#rows.values()) {
      if (row.key_id === cipher.keyId) continue;
      row.secrets = resealed(cipher, row);
      row.key_id = cipher.keyId;
      changed += 1;
    }
    return changed;
  }
}
