import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiDatabase } from '../storage/api-database.js';
import { describeIdempotencyStoreContract } from './idempotency-store.contract.js';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.js';

const TTL_MS = 86_400_000;

describeIdempotencyStoreContract('sqlite', async (dir) => {
  let database: ApiDatabase | undefined;
  return {
    async open(options) {
      // A reopen opens the file again, as a restart of the service does.
      database?.close();
      database = new ApiDatabase(join(dir, 'api.sqlite'));
      return SqliteIdempotencyStore.open(database, options);
    },
    records: async () => database!.db.prepare('SELECT * FROM idempotency_records').all() as Record<string, unknown>[],
    dispose: async () => database?.close(),
  };
});

describe('SqliteIdempotencyStore: what the API database adds', () => {
  let dir: string;
  let database: ApiDatabase;
  let store: SqliteIdempotencyStore;
  const open = (ttlMs = TTL_MS) => {
    database = new ApiDatabase(join(dir, 'api.sqlite'));
    store = SqliteIdempotencyStore.open(database, { ttlMs, secretFile: join(dir, 'idempotency.secret') });
  };
  const reopen = (ttlMs = TTL_MS) => {
    database.close();
    open(ttlMs);
  };
  const rowCount = () => (database.db.prepare('SELECT count(*) AS n FROM idempotency_records').get() as { n: number }).n;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
    open();
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const answer = { status: 201, headers: { etag: '"1"' }, body: { id: 'a' } };
  const k = () => store.recordFor('admin', 'k');

  describe('a reservation of a process that is gone', () => {
    const setOwner = (owner: string | null) => database.db.prepare('UPDATE idempotency_records SET owner = ?').run(owner);
    const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

    it('is retaken at once when that process no longer runs', async () => {
      await store.reserve(k(), 'f', 0);
      setOwner(`${deadPid()}:nonce`);
      expect(await store.reserve(k(), 'f', 1)).toEqual({ kind: 'reserved' });
      expect(await store.reserve(k(), 'f', 2)).toEqual({ kind: 'in_flight' });
    });

    it('is retaken at once when it was an earlier process with this pid', async () => {
      await store.reserve(k(), 'f', 0);
      setOwner(`${process.pid}:an-earlier-process`);
      expect(await store.reserve(k(), 'f', 1)).toEqual({ kind: 'reserved' });
    });

    it('stays in flight while its process runs, and when the file does not say whose it is', async () => {
      await store.reserve(k(), 'f', 0);
      setOwner(`${process.ppid}:another-process`);
      expect(await store.reserve(k(), 'f', 1)).toEqual({ kind: 'in_flight' });
      setOwner(null);
      expect(await store.reserve(k(), 'f', 2)).toEqual({ kind: 'in_flight' });
      expect(await store.reserve(k(), 'f', 60_001)).toEqual({ kind: 'reserved' });
    });
  });

  it('deletes expired rows on a reserve, at most once a minute', async () => {
    reopen(3_600_000);
    await store.reserve(store.recordFor('admin', 'old'), 'f', 0);
    await store.complete(store.recordFor('admin', 'old'), answer, 0);
    await store.reserve(store.recordFor('admin', 'a'), 'f', 3_570_000);
    expect(rowCount()).toBe(2);
    await store.reserve(store.recordFor('admin', 'b'), 'f', 3_600_000);
    expect(rowCount()).toBe(3);
    await store.reserve(store.recordFor('admin', 'c'), 'f', 3_630_000);
    expect(rowCount()).toBe(3);
    expect(await store.reserve(store.recordFor('admin', 'old'), 'other', 3_630_001)).toEqual({ kind: 'reserved' });
  });

  it('keeps only keyed hashes, times and its process in a row, and no plaintext in the files, WAL included', async () => {
    const key = 'retry-1';
    const token = '<token><version>1</version><data>' + 'AB12'.repeat(16) + '</data></token>';
    const record = store.recordFor('admin-actor', key);
    await store.reserve(record, 'request-fingerprint', 0);
    await store.complete(record, { status: 201, headers: { location: '/api/v1/x/connector-42' }, body: { token } }, 1);
    const [row] = database.db.prepare('SELECT * FROM idempotency_records').all() as Record<string, unknown>[];
    const { owner, ...opaque } = row!;
    expect(owner).toMatch(new RegExp(`^${process.pid}:[0-9a-f-]{36}$`));
    expect(Object.values(opaque).every((value) => Buffer.isBuffer(value) || typeof value === 'number')).toBe(true);
    const needles = [key, token, 'AB12AB12', 'connector-42', 'admin-actor', 'request-fingerprint', 'status'];
    expect(needles.filter((needle) => filesOf(dir).some((bytes) => bytes.includes(needle)))).toEqual([]);
    database.close();
    expect(needles.filter((needle) => filesOf(dir).some((bytes) => bytes.includes(needle)))).toEqual([]);
    open();
  });
});

function filesOf(dir: string): Buffer[] {
  return ['api.sqlite', 'api.sqlite-wal', 'api.sqlite-shm'].flatMap((name) => {
    try {
      return [readFileSync(join(dir, name))];
    } catch {
      return [];
    }
  });
}
