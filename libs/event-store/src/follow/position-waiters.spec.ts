import { PositionWaiters } from './position-waiters.js';

describe('PositionWaiters', () => {
  it('resolves true at once when the position is already reached', async () => {
    await expect(new PositionWaiters().wait(5, 5, 10)).resolves.toBe(true);
  });

  it('resolves true when the position is reached, without waiting for the timeout', async () => {
    const waiters = new PositionWaiters();
    const started = Date.now();
    const waiting = waiters.wait(10, 3, 10_000);
    waiters.reached(9);
    waiters.reached(12);
    await expect(waiting).resolves.toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('resolves false after the timeout when the position is not reached', async () => {
    const waiters = new PositionWaiters();
    const waiting = waiters.wait(10, 3, 20);
    waiters.reached(9);
    await expect(waiting).resolves.toBe(false);
  });

  it('resolves every pending wait false when abandoned, without waiting for the timeout', async () => {
    const waiters = new PositionWaiters();
    const started = Date.now();
    const waiting = [waiters.wait(10, 3, 10_000), waiters.wait(20, 3, 10_000)];
    waiters.abandonAll();
    await expect(Promise.all(waiting)).resolves.toEqual([false, false]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
