/** A Map that forgets its oldest entries beyond `limit`: recent passages stay warm, memory stays bounded. */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, make: (key: K) => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const value = make(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return value;
  }
}
