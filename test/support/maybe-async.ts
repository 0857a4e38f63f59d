/** `T` whose methods may answer directly or through a promise: one contract for every backend. */
export type MaybeAsync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R | Promise<R> : T[K];
};
