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
  /** Times are kept as epoch milliseconds and turned into text only when read or written: record() is on the guard's hot path. */
  private pending = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly onError: (message: string, error: unknown) => void;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: TokenUsageSink,
    options: TokenUsageTrackerOptions = {},
  ) {
    const now = options.now;
    this.now = now === undefined ? Date.now : () => now().getTime();
    this.onError = options.onError ?? ((message, error) => console.error(message, error));
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 5000);
    // The interval alone must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  record(tokenId: string): void {
    this.pending.set(tokenId, this.now());
  }

  async lastUsed(tokenId: string): Promise<string | null> {
    const pending = this.pending.get(tokenId);
    return pending === undefined ? await this.sink.lastUsed(tokenId) : new Date(pending).toISOString();
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
      await this.sink.write([...batch].map(([tokenId, lastUsedAt]) => ({ tokenId, lastUsedAt: new Date(lastUsedAt).toISOString() })));
    } catch (error) {
      for (const [tokenId, lastUsedAt] of batch) if (!this.pending.has(tokenId)) this.pending.set(tokenId, lastUsedAt);
      this.onError('token usage: flush failed; keeping the batch for the next one', error);
    }
  }
}
