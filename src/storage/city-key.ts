/**
 * Normalised form of a city name used for matching: "  São  Paulo " and "são paulo" are the same city.
 * Both backends use this one function so memory and SQLite agree on what matches.
 */
export const cityKey = (city: string): string =>
  city.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Limit as a count of rows: `undefined` means all; fractions round down; negatives mean none. */
export const normaliseLimit = (limit: number | undefined): number | undefined =>
  limit === undefined || !Number.isFinite(limit) ? undefined : Math.max(0, Math.floor(limit));
