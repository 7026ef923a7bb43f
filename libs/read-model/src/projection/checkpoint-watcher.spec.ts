import { jest } from '@jest/globals';
import { CheckpointWatcher } from './checkpoint-watcher.js';

describe('CheckpointWatcher', () => {
  const stored = new Map<string, number>();
  const store = { checkpoint: async (model: string) => stored.get(model) ?? 0 };
  let watcher: CheckpointWatcher;
  beforeEach(async () => {
    jest.useFakeTimers();
    stored.clear();
    watcher = new CheckpointWatcher(store, [{ name: 'a' }, { name: 'b' }], { pollMs: 10, idleMs: 1000 });
    await watcher.start();
  });
  afterEach(() => {
    watcher.stop();
    jest.useRealTimers();
  });

  it('answers the lowest checkpoint another process committed, once every read model has the position', async () => {
    const waiting = watcher.waitForPosition(5, 10_000);
    stored.set('a', 7);
    await jest.advanceTimersByTimeAsync(50);
    expect(watcher.position()).toBe(0);
    stored.set('b', 5);
    await jest.advanceTimersByTimeAsync(10);
    await expect(waiting).resolves.toBe(true);
    expect(watcher.position()).toBe(5);
    expect(watcher.checkpoint('a')).toBe(7);
  });

  it('answers false once the timeout passed without the position', async () => {
    const waiting = watcher.waitForPosition(5, 100);
    await jest.advanceTimersByTimeAsync(120);
    await expect(waiting).resolves.toBe(false);
  });

  it('keeps the position fresh without waiters too, at the idle interval', async () => {
    stored.set('a', 3).set('b', 4);
    await jest.advanceTimersByTimeAsync(1000);
    expect(watcher.position()).toBe(3);
  });
});
