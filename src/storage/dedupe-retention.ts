/** How long a dedupe key is kept: platforms retry within minutes, so an hour is ample. */
export const DEDUPE_RETENTION_MS = 60 * 60 * 1000;

/** Expired keys are deleted at most this often per instance; an expired key is claimable before that. */
export const DEDUPE_PRUNE_EVERY_MS = 60 * 1000;

/**
 * The keys to claim: blanks dropped, each once, in one order, so two instances claiming overlapping
 * sets lock the rows in the same order and cannot deadlock.
 */
export const dedupeKeys = (keys: readonly string[]): string[] => [...new Set(keys.filter((key) => key !== ''))].sort();
