import { FileTooLargeError } from '../../src/core/errors.js';

/**
 * The body of a download, read no further than `maxBytes`: a declared length over it is refused
 * before reading, and a body that grows past it is cancelled there, so an oversized file never
 * sits in memory whole.
 */
export const readLimited = async (response: Response, maxBytes: number): Promise<Uint8Array> => {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new FileTooLargeError(maxBytes);
  }
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FileTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
};

/** How long a download may take before it is given up. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;
