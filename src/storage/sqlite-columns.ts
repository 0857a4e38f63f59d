import { z } from 'zod';
import { errorMessage } from '../core/errors.js';
import type { RowColumns } from './row-columns.js';

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

/** Column types as better-sqlite3 returns them: ISO text, JSON text, and 0/1 for yes/no. */
export const sqliteColumns: RowColumns = {
  date: isoDateColumnSchema,
  json: jsonColumnSchema,
  flag: z.union([z.literal(0), z.literal(1)]).transform((flag) => flag === 1),
};
