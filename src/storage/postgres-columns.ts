import { z } from 'zod';
import type { RowColumns } from './row-columns.js';

/** A timestamptz column as node-postgres reads it: a Date, which must be a valid one. */
export const pgDateSchema = z.date().refine((date) => !Number.isNaN(date.getTime()), 'invalid date');

/** Column types as node-postgres returns them: Dates, json already parsed, and booleans. */
export const pgColumns: RowColumns = {
  date: pgDateSchema,
  json: (inner) => inner,
  flag: z.boolean(),
};
