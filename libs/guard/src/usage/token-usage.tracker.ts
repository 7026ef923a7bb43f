import type { TokenOwner } from '../decision/access-decision.js';
import { HOUR_MS, type TokenUsageSink, type UsageCount, type UsageQuery } from './token-usage.port.js';
import { sumCounts } from './usage-counts.js';

export interface TokenUsageTrackerOptions {
  readonly flushIntervalMs?: number;
  readonly onError?: (message: string, error: unknown) => void;
}

/** One token's calls in one hour since the last flush. Mutable: `allowed` runs on every guarded call. */
interface Tally {
  readonly owner: TokenOwner;
  readonly hour: number;
  allowed: number;
  /** Epoch milliseconds of the newest allowed call; 0: none. */
  lastAllowedAt: number;
  refused: Map<string, number> | null;
}

/**
 * Counts each token's calls per hour and outcome and keeps its last allowed use, in memory, and
 * writes them in one batch per interval, so a guarded call never waits for a write. What a crash
 * loses is at most one interval of counts and "last used" times. Refusals that name no token
 * (missing, malformed, unknown) belong to no connector and are not counted.
 */
export class TokenUsageTracker {
  /** The current hour's tally per token id. */
  private tallies = new Map<string, Tally>();
  /** Tallies of earlier hours not yet written (an hour turned, or a write failed). */
  private closed: Tally[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly onError: (message: string, error: unknown) => void;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: TokenUsageSink,
    options: TokenUsageTrackerOptions = {},
  ) {
    this.onError = options.onError ?? ((message, error) => console.error(message, error));
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 5000);
    // The interval alone must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  /** An allowed call at `now` (epoch milliseconds). */
  allowed(owner: TokenOwner, now: number): void {
    const tally = this.tallyOf(owner, now);
    tally.allowed++;
    if (now > tally.lastAllowedAt) tally.lastAllowedAt = now;
  }

  refused(owner: TokenOwner, code: string, now: number): void {
    const tally = this.tallyOf(owner, now);
    tally.refused ??= new Map();
    tally.refused.set(code, (tally.refused.get(code) ?? 0) + 1);
  }

  async lastUsed(tokenId: string): Promise<string | null> {
    const pending = Math.max(this.tallies.get(tokenId)?.lastAllowedAt ?? 0, ...this.closed.filter((t) => t.owner.tokenId === tokenId).map((t) => t.lastAllowedAt));
    if (pending > 0) return new Date(pending).toISOString();
    return await this.sink.lastUsed(tokenId);
  }

  /** What is stored and what this process has counted since its last flush, added up. */
  async counts(query: UsageQuery): Promise<UsageCount[]> {
    const stored = await this.sink.counts(query);
    const pending = [...this.tallies.values(), ...this.closed]
      .filter(({ owner, hour }) => owner.environmentId === query.environmentId && owner.appConnectorId === query.appConnectorId && hour >= query.fromHour && hour < query.toHour)
      .flatMap(countsOf);
    return pending.length === 0 ? stored : sumCounts([...stored, ...pending]);
  }

  /** Writes what was counted since the last flush; flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  /** Stops the interval and writes what is left; the sink stays open (its owner closes it). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private tallyOf(owner: TokenOwner, now: number): Tally {
    const hour = Math.floor(now / HOUR_MS);
    let tally = this.tallies.get(owner.tokenId);
    if (tally === undefined || tally.hour !== hour) {
      if (tally !== undefined) this.closed.push(tally);
      tally = { owner, hour, allowed: 0, lastAllowedAt: 0, refused: null };
      this.tallies.set(owner.tokenId, tally);
    }
    return tally;
  }

  private async writePending(): Promise<void> {
    if (this.tallies.size === 0 && this.closed.length === 0) return;
    const batch = [...this.closed, ...this.tallies.values()];
    this.tallies = new Map();
    this.closed = [];
    const newest = new Map<string, number>();
    for (const { owner, lastAllowedAt } of batch) if (lastAllowedAt > (newest.get(owner.tokenId) ?? 0)) newest.set(owner.tokenId, lastAllowedAt);
    try {
      await this.sink.write({
        uses: [...newest].map(([tokenId, at]) => ({ tokenId, lastUsedAt: new Date(at).toISOString() })),
        counts: batch.flatMap(countsOf),
      });
    } catch (error) {
      // Kept apart from what is counted meanwhile; the next flush writes both (counts add up).
      this.closed.unshift(...batch);
      this.onError('token usage: flush failed; keeping the batch for the next one', error);
    }
  }
}

function countsOf({ owner, hour, allowed, refused }: Tally): UsageCount[] {
  const count = (outcome: string, calls: number): UsageCount => ({ environmentId: owner.environmentId, appConnectorId: owner.appConnectorId, tokenId: owner.tokenId, hour, outcome, calls });
  const counts = allowed > 0 ? [count('allowed', allowed)] : [];
  for (const [code, calls] of refused ?? []) counts.push(count(code, calls));
  return counts;
}
