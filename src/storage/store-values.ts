import { StorageError, errorMessage } from '../core/errors.js';

// Rules both backends share, so the memory stores behave like the SQLite ones in tests.

/**
 * Normalised form of a city name used for matching: "  São  Paulo " and "são paulo" are the same city.
 */
export const cityKey = (city: string): string =>
  city.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Limit as a count of rows: `undefined` means all; fractions round down; negatives mean none. */
export const normaliseLimit = (limit: number | undefined): number | undefined =>
  limit === undefined || !Number.isFinite(limit) ? undefined : Math.max(0, Math.floor(limit));

/** Dates are stored as ISO text so they sort and read well; an invalid Date is a caller bug. */
export const toIsoText = (date: Date, field: string): string => {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new StorageError(`Cannot store ${field}: ${String(date)} is not a valid date.`);
  }
  return date.toISOString();
};

/** JSON text of a value, with a clear error for values JSON cannot hold (cycles, BigInt, undefined). */
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
