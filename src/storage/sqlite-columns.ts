import { z } from 'zod';
import { StorageError, errorMessage } from '../core/errors.js';

/** A TEXT column holding JSON, parsed and then validated by `inner`. Bad JSON is an issue, not a throw. */
export const jsonColumnSchema = <T extends z.ZodType>(inner: T) =>
  z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `invalid JSON: ${errorMessage(error)}` });
        return z.NEVER;
      }
    })
    .pipe(inner);

/** A TEXT column holding an ISO 8601 instant, read back as a Date. */
export const isoDateColumnSchema = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

/** Dates are stored as ISO text so they sort and read well; an invalid Date is a caller bug. */
export const toIsoText = (date: Date, field: string): string => {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new StorageError(`Cannot store ${field}: ${String(date)} is not a valid date.`);
  }
  return date.toISOString();
};

/** JSON text of a value, with a clear error for values JSON cannot hold (cycles, BigInt). */
export const toJsonText = (value: unknown, field: string): string => {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new StorageError(`Cannot store ${field} as JSON: ${errorMessage(error)}`, { cause: error });
  }
  if (text === undefined) throw new StorageError(`Cannot store ${field} as JSON: it has no JSON form.`);
  return text;
};

/** Short description of a zod failure for a log line. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');
