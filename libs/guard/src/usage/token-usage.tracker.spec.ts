import type { TokenOwner } from '../decision/access-decision.js';
import { MemoryTokenUsageSink } from './memory-token-usage.sink.js';
import type { TokenUsageSink, UsageBatch } from './token-usage.port.js';
import { TokenUsageTracker } from './token-usage.tracker.js';

class CountingSink extends MemoryTokenUsageSink {
  readonly batches: UsageBatch[] = [];
  failNext = false;
  override async write(batch: UsageBatch): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.batches.push(batch);
    await super.write(batch);
  }
}

const START = Date.UTC(2026, 0, 1);
const HOUR = START / 3_600_000;
const at = (seconds: number) => START + seconds * 1000;
const owner = (tokenId: string, appConnectorId = 'c1'): TokenOwner => ({ environmentId: '12345', appConnectorId, userId: 'u', tokenId, device: 'laptop' });
const T1 = owner('t1');
const T2 = owner('t2');
const query = (fromHour = HOUR, toHour = HOUR + 24) => ({ environmentId: '12345', appConnectorId: 'c1', fromHour, toHour });
const outcomes = (counts: { tokenId: string; hour: number; outcome: string; calls: number }[]) => counts.map((c) => [c.tokenId, c.hour - HOUR, c.outcome, c.calls]);

describe('TokenUsageTracker', () => {
  let sink: CountingSink;
  let tracker: TokenUsageTracker;
  beforeEach(() => {
    sink = new CountingSink();
    tracker = new TokenUsageTracker(sink, { flushIntervalMs: 60_000, onError: () => undefined });
  });
  afterEach(() => tracker.stop());

  it('writes nothing per call, then per flush each token\'s newest use and its counts per hour and outcome', async () => {
    for (let s = 1; s <= 3; s++) tracker.allowed(T1, at(s));
    tracker.allowed(T2, at(4));
    tracker.refused(T2, 'ip_restricted', at(5));
    tracker.refused(T2, 'ip_restricted', at(6));
    expect(sink.batches).toEqual([]);
    await tracker.flush();
    expect(sink.batches).toHaveLength(1);
    expect(sink.batches[0]!.uses).toEqual([
      { tokenId: 't1', lastUsedAt: '2026-01-01T00:00:03.000Z' },
      { tokenId: 't2', lastUsedAt: '2026-01-01T00:00:04.000Z' },
    ]);
    expect(outcomes([...sink.batches[0]!.counts])).toEqual([
      ['t1', 0, 'allowed', 3],
      ['t2', 0, 'allowed', 1],
      ['t2', 0, 'ip_restricted', 2],
    ]);
    await tracker.flush();
    expect(sink.batches).toHaveLength(1);
  });

  it('keeps the hours apart when an hour turns between flushes', async () => {
    tracker.allowed(T1, at(3599));
    tracker.allowed(T1, at(3600));
    tracker.refused(T1, 'token_expired', at(3601));
    await tracker.flush();
    expect(outcomes(await sink.counts(query()))).toEqual([
      ['t1', 0, 'allowed', 1],
      ['t1', 1, 'allowed', 1],
      ['t1', 1, 'token_expired', 1],
    ]);
    expect(await tracker.lastUsed('t1')).toBe('2026-01-01T01:00:00.000Z');
  });

  it('answers counts and last used from what is stored and what is not yet flushed, added up', async () => {
    tracker.allowed(T1, at(7));
    await tracker.flush();
    tracker.allowed(T1, at(8));
    tracker.allowed(owner('t3', 'other'), at(9));
    expect(await tracker.lastUsed('t1')).toBe('2026-01-01T00:00:08.000Z');
    expect(outcomes(await tracker.counts(query()))).toEqual([['t1', 0, 'allowed', 2]]);
    expect(await tracker.counts(query(HOUR + 1))).toEqual([]);
    await tracker.flush();
    expect(outcomes(await tracker.counts(query()))).toEqual([['t1', 0, 'allowed', 2]]);
    expect(await tracker.lastUsed('never')).toBeNull();
  });

  it('keeps a batch that failed to write for the next flush, and loses no count made meanwhile', async () => {
    tracker.allowed(T1, at(0));
    sink.failNext = true;
    await tracker.flush();
    expect(await sink.lastUsed('t1')).toBeNull();
    expect(await sink.counts(query())).toEqual([]);
    expect(await tracker.lastUsed('t1')).toBe('2026-01-01T00:00:00.000Z');
    tracker.allowed(T1, at(1));
    await tracker.flush();
    expect(await sink.lastUsed('t1')).toBe('2026-01-01T00:00:01.000Z');
    expect(outcomes(await sink.counts(query()))).toEqual([['t1', 0, 'allowed', 2]]);
  });

  it('flushes on the interval and on stop', async () => {
    const timed = new TokenUsageTracker(sink, { flushIntervalMs: 10 });
    timed.allowed(T1, at(0));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await sink.lastUsed('t1')).not.toBeNull();
    timed.allowed(T2, at(1));
    await timed.stop();
    expect(await sink.lastUsed('t2')).not.toBeNull();
  });
});

describe('MemoryTokenUsageSink', () => {
  it('never moves a last use back, and adds counts up', async () => {
    const sink: TokenUsageSink = new MemoryTokenUsageSink();
    const count = { environmentId: '12345', appConnectorId: 'c1', tokenId: 't1', hour: HOUR, outcome: 'allowed', calls: 2 };
    await sink.write({ uses: [{ tokenId: 't1', lastUsedAt: '2026-01-02T00:00:00.000Z' }], counts: [count] });
    await sink.write({ uses: [{ tokenId: 't1', lastUsedAt: '2026-01-01T00:00:00.000Z' }], counts: [count] });
    expect(await sink.lastUsed('t1')).toBe('2026-01-02T00:00:00.000Z');
    expect(outcomes(await sink.counts(query()))).toEqual([['t1', 0, 'allowed', 4]]);
  });
});
