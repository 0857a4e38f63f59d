import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { errorMessage } from '../core/errors.js';
import { frameworkSchema, type Framework } from './framework-schema.js';

/** Why one framework file was not loaded. `path` is the dotted location of the problem inside the file. */
export interface FrameworkLoadError {
  file: string;
  path?: string;
  message: string;
}

export interface FrameworkLoadResult {
  frameworks: Framework[];
  /** The file each framework was read from, in the same order. */
  files: string[];
  errors: FrameworkLoadError[];
}

/** `file: path: message`, one line, for logs and start-up output. */
export const formatFrameworkError = (error: FrameworkLoadError): string =>
  `${error.file}: ${error.path !== undefined && error.path !== '' ? `${error.path}: ` : ''}${error.message}`;

const issuePath = (issue: z.core.$ZodIssue): string => issue.path.map(String).join('.');

/**
 * Parses and validates one framework file's text. Returns the framework or every problem found,
 * each naming the file and the path inside it.
 */
export const parseFrameworkText = (
  text: string,
  file: string,
): { framework: Framework; errors?: undefined } | { framework?: undefined; errors: FrameworkLoadError[] } => {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      errors: document.errors.map((error) => ({ file, message: `YAML syntax: ${(error.message.split('\n')[0] ?? '').replace(/:$/, '')}` })),
    };
  }
  const parsed = frameworkSchema.safeParse(document.toJS());
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => ({ file, path: issuePath(issue), message: issue.message })),
    };
  }
  return { framework: parsed.data };
};

/**
 * Loads every `*.yaml` / `*.yml` file in `directory`, in file-name order. A bad file is reported in
 * `errors` and skipped; the others still load. Of two files with one id, the one `holders` names
 * for it keeps it while it is in the folder (the file it was read from before, so that a copy about
 * to be edited does not take its place), else the one named after the id, else the first by name;
 * the other is rejected.
 */
export const loadFrameworks = (directory: string, holders: ReadonlyMap<string, string> = new Map()): FrameworkLoadResult => {
  const frameworks: Framework[] = [];
  const files: string[] = [];
  const errors: FrameworkLoadError[] = [];
  let names: string[];
  try {
    names = readdirSync(directory)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort();
  } catch (error) {
    return { frameworks, files, errors: [{ file: directory, message: `cannot read directory: ${errorMessage(error)}` }] };
  }
  const parsed: Array<{ file: string; framework: Framework }> = [];
  const present = new Set(names.map((name) => join(directory, name)));
  for (const name of names) {
    const file = join(directory, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      errors.push({ file, message: `cannot read file: ${errorMessage(error)}` });
      continue;
    }
    const result = parseFrameworkText(text, file);
    if (result.errors !== undefined) errors.push(...result.errors);
    else parsed.push({ file, framework: result.framework });
  }
  // Who keeps an id: the file that held it, while it is still there (even saved with an error: its
  // earlier version is kept by the caller); else the file named after the id ("niace-quick.yaml");
  // else the first by name.
  const keeper = new Map<string, string>();
  const namedAfter = (file: string, id: string): boolean => basename(file).replace(/\.ya?ml$/iu, '') === id;
  for (const { file, framework } of parsed) {
    const id = framework.id;
    const holder = holders.get(id);
    const first = keeper.get(id);
    if (holder !== undefined && present.has(holder)) keeper.set(id, holder);
    else if (first === undefined || (namedAfter(file, id) && !namedAfter(first, id))) keeper.set(id, file);
  }
  for (const { file, framework } of parsed) {
    const kept = keeper.get(framework.id);
    if (kept !== file) {
      errors.push({ file, path: 'id', message: `id "${framework.id}" is already used by ${basename(kept ?? '')}` });
      continue;
    }
    frameworks.push(framework);
    files.push(file);
  }
  return { frameworks, files, errors };
};
