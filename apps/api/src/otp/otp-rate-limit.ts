/** How many attempts a key may make within a window. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Attempts per key within a sliding window, in memory (a restart forgets them, which only ever
 * lets a caller try again sooner). Keys whose window has passed are dropped as the map is used.
 */
export class SlidingWindowLimiter {
  private readonly attempts = new Map<string, number[]>();
  private sweptAt = 0;

  constructor(private readonly rule: RateLimit) {}

  /** Counts an attempt; false (not counted) when the key has used up its window. */
  take(key: string, nowMs: number): boolean {
    this.sweep(nowMs);
    const since = nowMs - this.rule.windowMs;
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > since);
    const allowed = recent.length < this.rule.limit;
    if (allowed) recent.push(nowMs);
    this.attempts.set(key, recent);
    return allowed;
  }

  private sweep(nowMs: number): void {
    if (nowMs - this.sweptAt < this.rule.windowMs) return;
    this.sweptAt = nowMs;
    for (const [key, times] of this.attempts) {
      if ((times.at(-1) ?? 0) <= nowMs - this.rule.windowMs) this.attempts.delete(key);
    }
  }
}
