import { SlidingWindowLimiter } from './otp-rate-limit.js';

const WINDOW_MS = 15 * 60_000;

/**
 * The rate limits of token requests (README names them): per user and per source address, each
 * per 15 minutes. A user's key is the environment and the user as the caller named them
 * (lowercased), so a limit applies alike to users that exist and to those that do not.
 */
export class OtpLimits {
  private readonly requestsPerUser = new SlidingWindowLimiter({ limit: 5, windowMs: WINDOW_MS });
  private readonly requestsPerAddress = new SlidingWindowLimiter({ limit: 20, windowMs: WINDOW_MS });
  private readonly validationsPerUser = new SlidingWindowLimiter({ limit: 10, windowMs: WINDOW_MS });
  private readonly validationsPerAddress = new SlidingWindowLimiter({ limit: 30, windowMs: WINDOW_MS });

  /** Both limits are counted, so a refused address does not spare the user's budget, nor the reverse. */
  allowRequest(environmentId: string, userId: string, sourceIp: string | null, nowMs: number): boolean {
    const byUser = this.requestsPerUser.take(userKey(environmentId, userId), nowMs);
    const byAddress = this.requestsPerAddress.take(sourceIp ?? 'unknown', nowMs);
    return byUser && byAddress;
  }

  allowValidation(environmentId: string, userId: string, sourceIp: string | null, nowMs: number): boolean {
    const byUser = this.validationsPerUser.take(userKey(environmentId, userId), nowMs);
    const byAddress = this.validationsPerAddress.take(sourceIp ?? 'unknown', nowMs);
    return byUser && byAddress;
  }
}

const userKey = (environmentId: string, userId: string) => `${environmentId}\n${userId.toLowerCase()}`;
