import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { FileTooLargeError, FileUnavailableError, errorMessage } from '../../src/core/errors.js';
import type { IncomingFile } from '../../src/core/events.js';

const ADD_DOCUMENT = /^\s*[/!]?add\s+(?:an?\s+|the\s+|this\s+)?(?:document|doc|file)s?\b[\s:,-]*(.*?)\s*$/isu;

/** The path typed after `add document`, without surrounding quotes; `undefined` for other lines. */
export const pathToAdd = (line: string): string | undefined => {
  const path = ADD_DOCUMENT.exec(line)?.[1]?.replace(/^(["'])(.*)\1$/su, '$2').trim();
  return path === undefined || path === '' ? undefined : path;
};

/**
 * A local file as the core receives an attachment: its size first (so a file over the limit is
 * refused unread), its bytes when the core asks. A path that names no readable file is said so.
 */
export const localFile = async (path: string): Promise<IncomingFile> => {
  const full = resolve(path);
  let size: number | undefined;
  let problem: string | undefined;
  try {
    const stats = await stat(full);
    if (stats.isFile()) size = stats.size;
    else problem = 'is not a file';
  } catch (error) {
    problem = (error as { code?: unknown }).code === 'ENOENT' ? 'does not exist' : `cannot be read (${errorMessage(error)})`;
  }
  return {
    name: basename(full),
    size,
    async read(maxBytes: number): Promise<Uint8Array> {
      if (problem !== undefined) throw new FileUnavailableError(`the path ${full} ${problem}`);
      if (size !== undefined && size > maxBytes) throw new FileTooLargeError(maxBytes);
      try {
        const bytes = await readFile(full);
        if (bytes.byteLength > maxBytes) throw new FileTooLargeError(maxBytes);
        return bytes;
      } catch (error) {
        if (error instanceof FileTooLargeError) throw error;
        throw new FileUnavailableError(`the path ${full} cannot be read (${errorMessage(error)})`, { cause: error });
      }
    },
  };
};
