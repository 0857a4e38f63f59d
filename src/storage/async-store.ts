/**
 * `T` with every method answering through a promise: the shape of a store behind a network
 * connection (PostgreSQL). The core's store ports are still synchronous; the PostgreSQL stores
 * implement this form of them until the ports themselves become asynchronous.
 */
export type AsyncStore<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : T[K];
};
