/**
 * Remembers the most recent keys (event ids, message timestamps) in insertion order, forgetting the
 * oldest beyond `capacity`. Slack may deliver the same event twice (a retry racing the first
 * delivery, or an `app_mention` and a `message.im` for one DM), and each must be answered once.
 */
export class RecentKeys {
  private readonly keys = new Map<string, true>();

  constructor(private readonly capacity = 2_000) {}

  /** True when any key was seen before; otherwise remembers them all and returns false. */
  seen(...keys: Array<string | undefined>): boolean {
    const present = keys.filter((key): key is string => key !== undefined && key !== '');
    if (present.some((key) => this.keys.has(key))) return true;
    for (const key of present) {
      this.keys.set(key, true);
      if (this.keys.size > this.capacity) {
        const oldest = this.keys.keys().next();
        if (!oldest.done) this.keys.delete(oldest.value);
      }
    }
    return false;
  }

  get size(): number {
    return this.keys.size;
  }
}
