import type { z } from 'zod';
import type { Logger } from '../core/ports.js';

/**
 * How each backend's driver hands over the column types whose form differs: better-sqlite3 gives
 * ISO text, JSON text and 0/1; node-postgres gives Dates, parsed JSON and booleans. The row
 * schemas in the `*-rows.ts` modules are written once against this and read the same domain values
 * from either backend.
 */
export interface RowColumns {
  /** A stored instant, read back as a valid Date. */
  readonly date: z.ZodType<Date>;
  /** A JSON column whose value must match `inner`. */
  readonly json: <T>(inner: z.ZodType<T>) => z.ZodType<T>;
  /** A yes/no column, read back as a boolean. */
  readonly flag: z.ZodType<boolean>;
}

/** Short description of a zod failure for a log line. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');

/**
 * Parses a row read back from either backend. A damaged row must not stop the others: it is logged
 * with its table, its key (when `key` can read one) and the problem, and skipped as `undefined`.
 */
export const parseRowOrSkip = <T>(
  schema: z.ZodType<T>,
  raw: unknown,
  where: { table: string; what: string; logger: Logger; key?: z.ZodType },
): T | undefined => {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const key = where.key?.safeParse(raw).data;
  where.logger.warn(
    { table: where.table, ...(key === undefined ? {} : { key }), problem: describeIssues(parsed.error) },
    `Skipping unreadable ${where.what} row`,
  );
  return undefined;
};
