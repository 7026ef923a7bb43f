import { SlidingWindowLimiter } from './otp-rate-limit.js';

describe('SlidingWindowLimiter', () => {
  it('allows the limit within the window, refuses the next, and allows again once the window has passed', () => {
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 1000 });
    expect([limiter.take('a', 0), limiter.take('a', 10), limiter.take('a', 20)]).toEqual([true, true, false]);
    expect(limiter.take('b', 30)).toBe(true);
    expect(limiter.take('a', 999)).toBe(false);
    expect(limiter.take('a', 1005)).toBe(true);
    expect(limiter.take('a', 1006)).toBe(false);
  });
});
