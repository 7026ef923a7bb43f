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

  constructor(
    private readonly collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc,
    private readonly used: () => number = heapUsed,
  ) {}

  afterBatch(): void {
    if (this.collect === undefined || this.used() < this.limit) return;
    this.collect();
    const live = this.used();
    this.limit = live + Math.max(MIN_GROWTH_BYTES, live / 8);
  }
}
