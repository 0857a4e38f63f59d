import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { StorageError } from '../core/errors.js';

/** Length in bytes of a token encryption key (AES-256). */
export const TOKEN_KEY_BYTES = 32;

/** The keys tokens are sealed with: new tokens use `current`; `previous` still opens older ones. */
export interface TokenKeys {
  current: Buffer;
  previous?: Buffer;
}

/**
 * Seals secrets (OAuth tokens) for storage with AES-256-GCM. Each sealed value names the key it was
 * sealed with and is bound to a context (the row and field it belongs to), so a value copied into
 * another row does not open.
 */
export interface TokenCipher {
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
  /** Ids of every key that can open values. */
  readonly keyIds: readonly string[];
  seal(plain: string, context: string): string;
  /** The plain text; throws a StorageError when no configured key opens it or it was altered. */
  open(sealed: string, context: string): string;
  /** Id of the key a sealed value names, without opening it. */
  keyIdOf(sealed: string): string | undefined;
}

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A short fingerprint of a key: stored next to each ciphertext so the right key is tried. One-way
 * and domain-separated, it says nothing about the key itself.
 */
export const tokenKeyId = (key: Buffer): string =>
  createHash('sha256').update('learning-city-bot token key id\0').update(key).digest('hex').slice(0, 16);

/** The key a TOKEN_ENCRYPTION_KEY value names: 32 bytes in base64; `undefined` when it is not one. */
export const parseTokenKey = (text: string): Buffer | undefined => {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/u.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return key.length === TOKEN_KEY_BYTES ? key : undefined;
};

const b64 = (bytes: Buffer): string => bytes.toString('base64url');

/** A cipher over the given keys; throws when a key is not 32 bytes (a caller bug: config checks them). */
export const createTokenCipher = (keys: TokenKeys): TokenCipher => {
  const all = [keys.current, ...(keys.previous === undefined ? [] : [keys.previous])];
  for (const key of all) {
    if (key.length !== TOKEN_KEY_BYTES) throw new StorageError(`A token encryption key must be ${TOKEN_KEY_BYTES} bytes.`);
  }
  const byId = new Map(all.map((key) => [tokenKeyId(key), key]));
  const keyId = tokenKeyId(keys.current);
  const parts = (sealed: string): string[] | undefined => {
    const split = sealed.split(':');
    return split.length === 5 && split[0] === FORMAT ? split : undefined;
  };
  return {
    keyId,
    keyIds: [...byId.keys()],
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.current, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, keyId, b64(iv), b64(cipher.getAuthTag()), b64(body)].join(':');
    },
    open(sealed, context) {
      const [, id = '', iv = '', tag = '', body = ''] = parts(sealed) ?? [];
      if (id === '') throw new StorageError('A stored token is not in the sealed format; it cannot be read.');
      const key = byId.get(id);
      if (key === undefined) {
        throw new StorageError(
          `A stored token was encrypted with key ${id}, which is neither TOKEN_ENCRYPTION_KEY nor TOKEN_ENCRYPTION_KEY_PREVIOUS.`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new StorageError('A stored token does not open with its key: it was altered or belongs to another row.', { cause: error });
      }
    },
    keyIdOf: (sealed) => parts(sealed)?.[1],
  };
};
