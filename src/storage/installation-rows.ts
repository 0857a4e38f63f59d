import { z } from 'zod';
import { StorageError } from '../core/errors.js';
import type { StoredInstallation } from '../core/ports.js';
import type { RowColumns } from './row-columns.js';
import { describeIssues } from './row-columns.js';
import { toIsoText, toJsonText } from './store-values.js';
import type { TokenCipher } from './token-cipher.js';

/** The installation columns both backends select, in the order their INSERTs bind them. */
export const INSTALLATION_COLUMNS = 'workspace, user_id, data, secrets, key_id, installed_at';

/** Binds a sealed value to its row, so tokens copied into another row do not open. */
const sealContext = (workspace: string, userId: string): string => `installation\0${workspace}\0${userId}`;

/** The cipher, or a clear refusal when no key was configured. */
export const requireCipher = (cipher: TokenCipher | undefined): TokenCipher => {
  if (cipher === undefined) {
    throw new StorageError('Installation tokens cannot be stored or read without TOKEN_ENCRYPTION_KEY.');
  }
  return cipher;
};

/** An installation's values in {@link INSTALLATION_COLUMNS} order, its tokens sealed together. */
export const installationValues = (
  cipher: TokenCipher | undefined,
  installation: StoredInstallation,
): [string, string, string, string, string, string] => {
  const sealer = requireCipher(cipher);
  const secrets = sealer.seal(toJsonText(installation.secrets, 'the tokens'), sealContext(installation.workspace, installation.userId));
  return [
    installation.workspace,
    installation.userId,
    toJsonText(installation.data, 'the installation'),
    secrets,
    sealer.keyId,
    toIsoText(installation.installedAt, 'installedAt'),
  ];
};

const secretsSchema = z.record(z.string(), z.string());

/** An installation row as read back. */
const installationRowSchema = (columns: RowColumns) =>
  z.object({
    workspace: z.string(),
    user_id: z.string(),
    data: columns.json(z.unknown()),
    secrets: z.string(),
    key_id: z.string(),
    installed_at: columns.date,
  });

/** Raw row fields a re-encryption needs. */
export const sealedRowSchema = z.object({ workspace: z.string(), user_id: z.string(), secrets: z.string() });

/** Opens a row's tokens under the current key again; the new sealed text. */
export const resealed = (cipher: TokenCipher, row: z.infer<typeof sealedRowSchema>): string => {
  const context = sealContext(row.workspace, row.user_id);
  return cipher.seal(cipher.open(row.secrets, context), context);
};

/** Reads `installations` rows. A row that cannot be read is an error, not a skip: it holds tokens. */
export const installationRows = (columns: RowColumns, cipher: TokenCipher | undefined) => {
  const schema = installationRowSchema(columns);
  return (raw: unknown): StoredInstallation => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new StorageError(`An installation row cannot be read: ${describeIssues(parsed.error)}`);
    const row = parsed.data;
    const text = requireCipher(cipher).open(row.secrets, sealContext(row.workspace, row.user_id));
    let secrets: unknown;
    try {
      secrets = JSON.parse(text) as unknown;
    } catch {
      secrets = undefined;
    }
    const tokens = secretsSchema.safeParse(secrets);
    if (!tokens.success) throw new StorageError('An installation row holds tokens in an unknown form.');
    return { workspace: row.workspace, userId: row.user_id, data: row.data, secrets: tokens.data, installedAt: row.installed_at };
  };
};

/** The stored key ids no configured key matches. */
export const unknownKeys = (cipher: TokenCipher | undefined, stored: readonly string[]): string[] => {
  const known = new Set(cipher?.keyIds ?? []);
  return stored.filter((id) => !known.has(id));
};
