import { z } from 'zod';

/** A timestamptz column as node-postgres reads it: a Date, which must be a valid one. */
export const pgDateSchema = z.date().refine((date) => !Number.isNaN(date.getTime()), 'invalid date');
