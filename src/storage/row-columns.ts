import type { z } from 'zod';

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
