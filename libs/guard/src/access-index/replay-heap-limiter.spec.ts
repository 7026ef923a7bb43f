import { ReplayHeapLimiter } from './replay-heap-limiter.js';

const MB = 2 ** 20;

describe('ReplayHeapLimiter', () => {
  it('collects once the heap grew by an eighth of what was live after the last collection, at least 24 MB', () => {
    let used = 10 * MB;
    const collections: number[] = [];
    const limiter = new ReplayHeapLimiter(() => {
      collections.push(used / MB);
      used -= 5 * MB;
    }, () => used);
    const batchGrowing = (megabytes: number) => {
      used += megabytes * MB;
      limiter.afterBatch();
    };
    batchGrowing(0);
    expect(collections).toEqual([10]);
    batchGrowing(23);
    expect(collections).toEqual([10]);
    batchGrowing(1);
    expect(collections).toEqual([10, 29]);
    used = 400 * MB;
    limiter.afterBatch();
    // live 395 MB: the next collection waits for 395 / 8 MB more.
    batchGrowing(49);
    expect(collections).toEqual([10, 29, 400]);
    batchGrowing(1);
    expect(collections).toEqual([10, 29, 400, 445]);
  });

  it('does nothing without a collector, as in a process not started with --expose-gc', () => {
    const limiter = new ReplayHeapLimiter(null, () => {
      throw new Error('not read');
    });
    expect(() => limiter.afterBatch()).not.toThrow();
    // This test process has no --expose-gc on its command line, whatever `gc` a suite made visible.
    expect(process.execArgv).not.toContain('--expose-gc');
    expect(() => ReplayHeapLimiter.forThisProcess().afterBatch()).not.toThrow();
  });
});
