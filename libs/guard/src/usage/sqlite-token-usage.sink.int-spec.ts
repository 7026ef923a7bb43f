import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteTokenUsageSink } from './sqlite-token-usage.sink.js';

describe('SqliteTokenUsageSink', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'token-usage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the newest use per token across reopening, and writing the same batch twice changes nothing', async () => {
    const file = join(dir, 'nested', 'usage.sqlite');
    const first = new SqliteTokenUsageSink(file);
    const batch = [
      { tokenId: 't1', lastUsedAt: '2026-01-02T00:00:00.000Z' },
      { tokenId: 't2', lastUsedAt: '2026-01-01T00:00:00.000Z' },
    ];
    await first.write(batch);
    await first.write(batch);
    await first.write([{ tokenId: 't1', lastUsedAt: '2026-01-01T12:00:00.000Z' }]);
    await first.close();

    const reopened = new SqliteTokenUsageSink(file);
    expect(await reopened.lastUsed('t1')).toBe('2026-01-02T00:00:00.000Z');
    expect(await reopened.lastUsed('t2')).toBe('2026-01-01T00:00:00.000Z');
    expect(await reopened.lastUsed('t3')).toBeNull();
    await reopened.close();
  });
});
