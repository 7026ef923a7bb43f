import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiDatabase } from '../storage/api-database.js';
import { IdempotencyStore } from './idempotency-store.js';

const TTL_MS = 86_400_000;

describe('IdempotencyStore (SQLite)', () => {
  let dir: string;
  let database: ApiDatabase;
  let store: IdempotencyStore;
  const open = (ttlMs = TTL_MS, secretFile = join(dir, 'idempotency.secret')) => {
    database = new ApiDatabase(join(dir, 'api.sqlite'));
    store = IdempotencyStore.open(database, { ttlMs, secretFile });
  };
  const reopen = (ttlMs = TTL_MS, secretFile?: string) => {
    database.close();
    open(ttlMs, secretFile);
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

  it('reserves once, reports in-flight, then replays the completed answer', () => {
    expect(store.reserve(k(), 'f', 0)).toEqual({ kind: 'reserved' });
    expect(store.reserve(k(), 'f', 10)).toEqual({ kind: 'in_flight' });
    store.complete(k(), answer, 20);
    expect(store.reserve(k(), 'f', 30)).toEqual({ kind: 'replay', answer });
  });

  it('refuses another request under the same key, in flight or completed', () => {
    store.reserve(k(), 'f', 0);
    expect(store.reserve(k(), 'other', 1)).toEqual({ kind: 'mismatch' });
    store.complete(k(), answer, 1);
    expect(store.reserve(k(), 'other', 2)).toEqual({ kind: 'mismatch' });
  });

  it("keeps each actor's keys apart", () => {
    store.reserve(store.recordFor('admin', 'k'), 'f', 0);
    expect(store.reserve(store.recordFor('ops', 'k'), 'other', 1)).toEqual({ kind: 'reserved' });
  });

  it('frees a released key, and retakes a reservation whose request died', () => {
    store.reserve(k(), 'f', 0);
    store.release(k());
    expect(store.reserve(k(), 'f', 1)).toEqual({ kind: 'reserved' });
    expect(store.reserve(k(), 'f', 60_000)).toEqual({ kind: 'in_flight' });
    expect(store.reserve(k(), 'f', 61_002)).toEqual({ kind: 'reserved' });
  });

  describe('a reservation of a process that is gone', () => {
    const setOwner = (owner: string | null) => database.db.prepare('UPDATE idempotency_records SET owner = ?').run(owner);
    const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

    it('is retaken at once when that process no longer runs', () => {
      store.reserve(k(), 'f', 0);
      setOwner(`${deadPid()}:nonce`);
      expect(store.reserve(k(), 'f', 1)).toEqual({ kind: 'reserved' });
      expect(store.reserve(k(), 'f', 2)).toEqual({ kind: 'in_flight' });
    });

    it('is retaken at once when it was an earlier process with this pid', () => {
      store.reserve(k(), 'f', 0);
      setOwner(`${process.pid}:an-earlier-process`);
      expect(store.reserve(k(), 'f', 1)).toEqual({ kind: 'reserved' });
    });

    it('stays in flight while its process runs, and when the file does not say whose it is', () => {
      store.reserve(k(), 'f', 0);
      setOwner(`${process.ppid}:another-process`);
      expect(store.reserve(k(), 'f', 1)).toEqual({ kind: 'in_flight' });
      setOwner(null);
      expect(store.reserve(k(), 'f', 2)).toEqual({ kind: 'in_flight' });
      expect(store.reserve(k(), 'f', 60_001)).toEqual({ kind: 'reserved' });
    });
  });

  it('keeps completed answers across a reopen of the file', () => {
    store.reserve(k(), 'f', 0);
    store.complete(k(), answer, 1);
    reopen();
    expect(store.reserve(k(), 'f', 2)).toEqual({ kind: 'replay', answer });
  });

  it('treats a record older than the TTL as absent: the key is free for any request again', () => {
    reopen(3_600_000);
    store.reserve(k(), 'f', 0);
    store.complete(k(), answer, 1_000);
    expect(store.reserve(k(), 'f', 3_600_999)).toEqual({ kind: 'replay', answer });
    expect(store.reserve(k(), 'other', 3_601_000)).toEqual({ kind: 'reserved' });
    expect(store.reserve(k(), 'other', 3_601_001)).toEqual({ kind: 'in_flight' });
  });

  it('deletes expired rows on a reserve, at most once a minute', () => {
    reopen(3_600_000);
    store.reserve(store.recordFor('admin', 'old'), 'f', 0);
    store.complete(store.recordFor('admin', 'old'), answer, 0);
    store.reserve(store.recordFor('admin', 'a'), 'f', 3_570_000);
    expect(rowCount()).toBe(2);
    store.reserve(store.recordFor('admin', 'b'), 'f', 3_600_000);
    expect(rowCount()).toBe(3);
    store.reserve(store.recordFor('admin', 'c'), 'f', 3_630_000);
    expect(rowCount()).toBe(3);
    expect(store.reserve(store.recordFor('admin', 'old'), 'other', 3_630_001)).toEqual({ kind: 'reserved' });
  });

  it('stores neither the Idempotency-Key nor any plaintext of the answer', () => {
    const key = 'retry-1';
    const token = '<token><version>1</version><data>' + 'AB12'.repeat(16) + '</data></token>';
    const secretAnswer = { status: 201, headers: { etag: '"7"', location: '/api/v1/x/connector-42' }, body: { token, hint: 'hint-AB12' } };
    const record = store.recordFor('admin-actor', key);
    store.reserve(record, 'request-fingerprint', 0);
    store.complete(record, secretAnswer, 1);
    const rows = database.db.prepare('SELECT * FROM idempotency_records').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const { owner, ...opaque } = rows[0]!;
    expect(owner).toMatch(new RegExp(`^${process.pid}:[0-9a-f-]{36}$`));
    expect(Object.values(opaque).every((value) => Buffer.isBuffer(value) || typeof value === 'number')).toBe(true);
    const needles = [key, token, 'AB12AB12', 'hint-AB12', 'connector-42', '"7"', 'admin-actor', 'request-fingerprint', 'status'];
    const stored = [...Object.values(rows[0]!).filter(Buffer.isBuffer), ...filesOf(dir)];
    expect(needles.filter((needle) => stored.some((bytes) => bytes.includes(needle)))).toEqual([]);
    database.close();
    expect(needles.filter((needle) => filesOf(dir).some((bytes) => bytes.includes(needle)))).toEqual([]);
    open();
    expect(store.reserve(store.recordFor('admin-actor', key), 'request-fingerprint', 2)).toEqual({ kind: 'replay', answer: secretAnswer });
  });

  it('finds nothing and opens nothing under another secret or another key', () => {
    store.reserve(k(), 'f', 0);
    store.complete(k(), answer, 1);
    const sealed = (database.db.prepare('SELECT answer FROM idempotency_records').get() as { answer: Buffer }).answer;
    expect(() => store.recordFor('admin', 'K').open(sealed)).toThrow();
    reopen(TTL_MS, join(dir, 'other.secret'));
    expect(() => store.recordFor('admin', 'k').open(sealed)).toThrow();
    expect(store.reserve(k(), 'f', 2)).toEqual({ kind: 'reserved' });
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
