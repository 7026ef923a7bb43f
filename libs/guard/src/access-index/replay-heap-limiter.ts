import { getHeapStatistics } from 'node:v8';

/** At least this much growth between two collections, so that a small heap is not collected over and over. */
const MIN_GROWTH_BYTES = 24 * 2 ** 20;

const heapUsed = () => getHeapStatistics().used_heap_size;

/**
 * While the index replays the whole log at start, each event replaces long-lived state objects, so
 * garbage piles up in the old generation, which V8 lets grow to a few times what is live before it
 * collects, and what it once took it keeps. In a process started with `--expose-gc`, a full
 * collection whenever the heap grew by an eighth (at least 24 MB) since the last one keeps the peak
 * near what the index holds; without the flag this does nothing.
 */
export class ReplayHeapLimiter {
  private limit = 0;

  /** The flag on the command line, not merely a `gc` some code made visible (as a test may). */
  static forThisProcess(): ReplayHeapLimiter {
    const started = process.execArgv.some((flag) => flag === '--expose-gc' || flag === '--expose_gc');
    return new ReplayHeapLimiter(started ? ((globalThis as { gc?: () => void }).gc ?? null) : null, heapUsed);
  }

  constructor(
    private readonly collect: (() => void) | null,
    private readonly used: () => number,
  ) {}

  afterBatch(): void {
    if (this.collect === null || this.used() < this.limit) return;
    this.collect();
    const live = this.used();
    this.limit = live + Math.max(MIN_GROWTH_BYTES, live / 8);
  }
}
