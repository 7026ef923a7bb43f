import { describe, expect, it } from '@jest/globals';
import { ConnectorThrottle } from './connector-throttle.js';

const LIMIT = { requestsPerSecond: 2, burst: 3 };

describe('ConnectorThrottle', () => {
  it('allows a full burst at once, then refuses until the bucket refills', () => {
    const throttle = new ConnectorThrottle();
    expect([0, 1, 2].map(() => throttle.take('env', 'a', LIMIT, 1000))).toEqual([0, 0, 0]);
    expect(throttle.take('env', 'a', LIMIT, 1000)).toBe(500);
    expect(throttle.take('env', 'a', LIMIT, 1250)).toBe(250);
    expect(throttle.take('env', 'a', LIMIT, 1500)).toBe(0);
    expect(throttle.take('env', 'a', LIMIT, 1500)).toBe(500);
  });

  it('refills at the rate and never beyond the burst', () => {
    const throttle = new ConnectorThrottle();
    for (let i = 0; i < 3; i++) throttle.take('env', 'a', LIMIT, 0);
    const afterAnHour = [0, 1, 2, 3].map(() => throttle.take('env', 'a', LIMIT, 3_600_000));
    expect(afterAnHour).toEqual([0, 0, 0, 500]);
  });

  it('keeps one bucket per connector and environment', () => {
    const throttle = new ConnectorThrottle();
    const one = { requestsPerSecond: 1, burst: 1 };
    expect(throttle.take('env', 'a', one, 0)).toBe(0);
    expect(throttle.take('env', 'a', one, 0)).toBe(1000);
    expect(throttle.take('env', 'b', one, 0)).toBe(0);
    expect(throttle.take('other', 'a', one, 0)).toBe(0);
  });

  it('caps what the bucket holds at a smaller burst once the limit changes', () => {
    const throttle = new ConnectorThrottle();
    throttle.take('env', 'a', { requestsPerSecond: 10, burst: 10 }, 0);
    const smaller = { requestsPerSecond: 1, burst: 1 };
    expect(throttle.take('env', 'a', smaller, 0)).toBe(0);
    expect(throttle.take('env', 'a', smaller, 0)).toBe(1000);
  });

  it('refills nothing when the clock steps back', () => {
    const throttle = new ConnectorThrottle();
    const one = { requestsPerSecond: 1, burst: 1 };
    throttle.take('env', 'a', one, 5000);
    expect(throttle.take('env', 'a', one, 1000)).toBe(1000);
  });
});
