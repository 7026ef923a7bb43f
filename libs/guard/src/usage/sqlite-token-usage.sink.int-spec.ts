import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteTokenUsageSink, USAGE_RETENTION_HOURS } from './sqlite-token-usage.sink.js';

const HOUR = Date.UTC(2026, 0, 1) / 3_600_000;
const count = (tokenId: string, hour: number, outcome: string, calls: number, appConnectorId = 'c1') => ({ environmentId: '12345', appConnectorId, tokenId, hour, outcome, calls });
const query = { environmentId: '12345', appConnectorId: 'c1', fromHour: HOUR, toHour: HOUR + 2 };

describe('SqliteTokenUsageSink', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'token-usage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the newest use per token across reopening; an older one never moves it back', async () => {
    const file = join(dir, 'nested', 'usage.sqlite');
    const first = new SqliteTokenUsageSink(file);
    const uses = [
      { tokenId: 't1', lastUsedAt: '2026-01-02T00:00:00.000Z' },
      { tokenId: 't2', lastUsedAt: '2026-01-01T00:00:00.000Z' },
    ];
    await first.write({ uses, counts: [] });
    await first.write({ uses: [{ tokenId: 't1', lastUsedAt: '2026-01-01T12:00:00.000Z' }], counts: [] });
    await first.close();

    const reopened = new SqliteTokenUsageSink(file);
    expect(await reopened.lastUsed('t1')).toBe('2026-01-02T00:00:00.000Z');
    expect(await reopened.lastUsed('t2')).toBe('2026-01-01T00:00:00.000Z');
    expect(await reopened.lastUsed('t3')).toBeNull();
    await reopened.close();
  });

  it('adds the counts of two processes on one file, and answers one connector in an hour range in order', async () => {
    const file = join(dir, 'usage.sqlite');
    const a = new SqliteTokenUsageSink(file);
    const b = new SqliteTokenUsageSink(file);
    await a.write({ uses: [], counts: [count('t2', HOUR, 'allowed', 1), count('t1', HOUR + 1, 'token_expired', 2), count('t1', HOUR, 'allowed', 5)] });
    await b.write({ uses: [], counts: [count('t1', HOUR, 'allowed', 3), count('t1', HOUR + 2, 'allowed', 9), count('t1', HOUR, 'allowed', 4, 'c2')] });
    expect((await a.counts(query)).map((c) => [c.tokenId, c.hour - HOUR, c.outcome, c.calls])).toEqual([
      ['t1', 0, 'allowed', 8],
      ['t2', 0, 'allowed', 1],
      ['t1', 1, 'token_expired', 2],
    ]);
    await a.close();
    await b.close();
  });

  it('forgets counts older than the retention', async () => {
    const now = (HOUR + 10) * 3_600_000;
    const sink = new SqliteTokenUsageSink(join(dir, 'usage.sqlite'), () => now);
    const old = HOUR + 10 - USAGE_RETENTION_HOURS - 1;
    await sink.write({ uses: [], counts: [count('t1', old, 'allowed', 1), count('t1', HOUR, 'allowed', 1)] });
    await sink.write({ uses: [], counts: [count('t1', old, 'allowed', 1)] });
    // The second write's old count is kept until the next hour's clean-up: the clean-up runs once an hour.
    expect(await sink.counts({ ...query, fromHour: old, toHour: old + 1 })).toEqual([count('t1', old, 'allowed', 1)]);
    expect(await sink.counts(query)).toEqual([count('t1', HOUR, 'allowed', 1)]);
    await sink.close();
  });
});
