import type { ErasableStore, ErasedCounts } from '../core/ports.js';

/** Adds the counts of `more` to `into`. */
const addCounts = (into: ErasedCounts, more: ErasedCounts): ErasedCounts => {
  for (const [table, count] of Object.entries(more)) into[table] = (into[table] ?? 0) + count;
  return into;
};

/** Total rows in a set of counts. */
export const totalErased = (counts: ErasedCounts): number => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** Erases the user in the workspace from every store, one after the other; counts per table. */
export const eraseUserEverywhere = async (stores: readonly ErasableStore[], workspace: string, userId: string): Promise<ErasedCounts> => {
  const counts: ErasedCounts = {};
  for (const store of stores) addCounts(counts, await store.eraseUser(workspace, userId));
  return counts;
};

/** Erases the workspace from every store; counts per table. Running it twice deletes nothing more. */
export const eraseWorkspaceEverywhere = async (stores: readonly ErasableStore[], workspace: string): Promise<ErasedCounts> => {
  const counts: ErasedCounts = {};
  for (const store of stores) addCounts(counts, await store.eraseWorkspace(workspace));
  return counts;
};
