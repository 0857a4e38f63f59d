/**
 * `KEY=` in an env file means "not set", not "set to nothing": blank values become `undefined`
 * before any schema sees them. Used by every environment schema (src/config.ts and the adapters').
 */
export const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
