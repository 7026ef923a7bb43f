import type { TokenUsageSink } from './token-usage.port.js';

export interface TokenUsageTrackerOptions {
  readonly flushIntervalMs?: number;
  readonly now?: () => Date;
  readonly onError?: (message: string, error: unknown) => void;
}

/**
 * Records each token's last use in memory and writes the newest per token in one batch per
 * interval, so a guarded call never waits for a write. What a crash loses is at most one interval
 * of "last used" times.
 */
export class TokenUsageTracker {
  /** Times are kept as Dates and turned into text only when read or written: record() is on the guard's hot path. */
  private pending = new Map<string, Date>();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => Date;
  private readonly onError: (message: string, error: unknown) => void;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: TokenUsageSink,
    options: TokenUsageTrackerOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? ((message, error) => console.error(message, error));
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 5000);
    // The interval alone must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  record(tokenId: string): void {
    this.pending.set(tokenId, this.now());
  }

  async lastUsed(tokenId: string): Promise<string | null> {
    return this.pending.get(tokenId)?.toISOString() ?? (await this.sink.lastUsed(tokenId));
  }

  /** Writes what was recorded since the last flush; flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  /** Stops the interval and writes what is left; the sink stays open (its owner closes it). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.sink.write([...batch].map(([tokenId, lastUsedAt]) => ({ tokenId, lastUsedAt: lastUsedAt.toISOString() })));
    } catch (error) {
      for (const [tokenId, lastUsedAt] of batch) if (!this.pending.has(tokenId)) this.pending.set(tokenId, lastUsedAt);
      this.onError('token usage: flush failed; keeping the batch for the next one', error);
    }
  }
}
