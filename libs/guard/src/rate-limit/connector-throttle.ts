import type { RateLimit } from '#domain';
import { ScopedMap } from '../access-index/scoped-map.js';

interface Bucket {
  /** Calls the bucket holds at `updatedAt` (fractions refill between calls). */
  calls: number;
  updatedAt: number;
}

/**
 * Token buckets of the connectors that have a rate limit, in this process only: each API instance
 * allows a connector its full rate. A bucket starts full; a changed limit takes effect at the next call
 * (a smaller burst caps what the bucket holds).
 */
export class ConnectorThrottle {
  private readonly buckets = new ScopedMap<Bucket>();

  /** 0 when the call may go ahead (and is counted), else the milliseconds until the bucket holds a call again. */
  take(environmentId: string, appConnectorId: string, limit: RateLimit, now: number): number {
    let bucket = this.buckets.get(environmentId, appConnectorId);
    if (bucket === undefined) {
      bucket = { calls: limit.burst, updatedAt: now };
      this.buckets.set(environmentId, appConnectorId, bucket);
    }
    // A clock that steps back refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.calls = Math.min(limit.burst, bucket.calls + (elapsed * limit.requestsPerSecond) / 1000);
    bucket.updatedAt = now;
    if (bucket.calls >= 1) {
      bucket.calls -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.calls) * 1000) / limit.requestsPerSecond);
  }
}
