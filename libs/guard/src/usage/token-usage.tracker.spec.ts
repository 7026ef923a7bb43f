import { MemoryTokenUsageSink } from './memory-token-usage.sink.js';
import type { TokenUsageSink, TokenUse } from './token-usage.port.js';
import { TokenUsageTracker } from './token-usage.tracker.js';

class CountingSink extends MemoryTokenUsageSink {
  readonly batches: TokenUse[][] = [];
  failNext = false;
  override async write(uses: readonly TokenUse[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.batches.push([...uses]);
    await super.write(uses);
  }
}

describe('TokenUsageTracker', () => {
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock));
  let sink: CountingSink;
  let tracker: TokenUsageTracker;
  beforeEach(() => {
    clock = 0;
    sink = new CountingSink();
    tracker = new TokenUsageTracker(sink, { flushIntervalMs: 60_000, now, onError: () => undefined });
  });
  afterEach(() => tracker.stop());

  it('writes nothing per call, then one entry per token per flush with its newest use', async () => {
    for (clock = 1; clock <= 3; clock++) tracker.record('t1');
    tracker.record('t2');
    expect(sink.batches).toEqual([]);
    await tracker.flush();
    expect(sink.batches).toEqual([
      [
        { tokenId: 't1', lastUsedAt: '2026-01-01T00:00:03.000Z' },
        { tokenId: 't2', lastUsedAt: '2026-01-01T00:00:04.000Z' },
      ],
    ]);
    await tracker.flush();
    expect(sink.batches).toHaveLength(1);
  });

  it('answers last used from memory before the flush and from the sink after it', async () => {
    clock = 7;
    tracker.record('t1');
    expect(await tracker.lastUsed('t1')).toBe('2026-01-01T00:00:07.000Z');
    await tracker.flush();
    expect(await tracker.lastUsed('t1')).toBe('2026-01-01T00:00:07.000Z');
    expect(await tracker.lastUsed('never')).toBeNull();
  });

  it('keeps a batch that failed to write for the next flush', async () => {
    tracker.record('t1');
    sink.failNext = true;
    await tracker.flush();
    expect(await sink.lastUsed('t1')).toBeNull();
    await tracker.flush();
    expect(await sink.lastUsed('t1')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('flushes on the interval and on stop', async () => {
    const timed = new TokenUsageTracker(sink, { flushIntervalMs: 10, now });
    timed.record('t1');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await sink.lastUsed('t1')).not.toBeNull();
    timed.record('t2');
    await timed.stop();
    expect(await sink.lastUsed('t2')).not.toBeNull();
  });
});

describe('MemoryTokenUsageSink', () => {
  it('never moves a last use back', async () => {
    const sink: TokenUsageSink = new MemoryTokenUsageSink();
    await sink.write([{ tokenId: 't1', lastUsedAt: '2026-01-02T00:00:00.000Z' }]);
    await sink.write([{ tokenId: 't1', lastUsedAt: '2026-01-01T00:00:00.000Z' }]);
    expect(await sink.lastUsed('t1')).toBe('2026-01-02T00:00:00.000Z');
  });
});
