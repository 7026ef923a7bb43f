import { invalid } from '../shared/domain-error.js';
import type { SetRateLimit } from './app-connector.commands.js';
import type { RateLimitSet } from './app-connector.events.js';
import { connectorRef, type AppConnector } from './app-connector.state.js';

/** Calls per second a connector may be allowed at most, and the most calls a burst may take at once. */
export const MAX_REQUESTS_PER_SECOND = 100_000;
export const MAX_BURST = 100_000;

/** A token bucket: refilled at `requestsPerSecond`, holding at most `burst` calls. */
export interface RateLimit {
  readonly requestsPerSecond: number;
  readonly burst: number;
}

export function setRateLimit({ limit }: SetRateLimit['data'], state: AppConnector): RateLimitSet[] {
  if (limit !== null) {
    const { requestsPerSecond, burst } = limit;
    if (!(Number.isFinite(requestsPerSecond) && requestsPerSecond > 0 && requestsPerSecond <= MAX_REQUESTS_PER_SECOND)) {
      throw invalid('requests_per_second_invalid', `requestsPerSecond must be above 0 and at most ${MAX_REQUESTS_PER_SECOND}`, 'requestsPerSecond');
    }
    if (!(Number.isInteger(burst) && burst >= 1 && burst <= MAX_BURST)) {
      throw invalid('burst_invalid', `burst must be a whole number from 1 to ${MAX_BURST}`, 'burst');
    }
  }
  const current = state.rateLimit;
  const same = limit === null ? current === null : current !== null && current.requestsPerSecond === limit.requestsPerSecond && current.burst === limit.burst;
  if (same) return [];
  return [{ type: 'RateLimitSet', data: { ...connectorRef(state), limit: limit && { requestsPerSecond: limit.requestsPerSecond, burst: limit.burst } } }];
}
