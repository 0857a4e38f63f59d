/**
 * A Map that forgets its oldest entries beyond `limit`: recent passages stay warm, memory stays
 * bounded. With `keepAsked`, an entry read again counts as new, so the least recently asked is
 * forgotten first rather than the first made.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly limit: number,
    private readonly keepAsked = false,
  ) {}

  get(key: K, make: (key: K) => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      if (this.keepAsked) {
        this.entries.delete(key);
        this.entries.set(key, cached);
      }
      return cached;
    }
    const value = make(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return value;
  }
}
